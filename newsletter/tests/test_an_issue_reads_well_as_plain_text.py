"""A subscriber whose mail client shows no HTML reads the issue as its editor wrote it: paragraphs
and headings apart, every list item on its own line, link addresses spelled out; the footer names
the portal in the genitive."""

import re

from newsletter import dispatch
from newsletter.mail import html_to_plain

BODY = (
    "<p>W grudniowym wydaniu:</p>"
    "<ul><li>podsumowanie <strong>forum</strong>,</li>"
    '<li>nabór <a href="https://pup.example/nabor/">wniosków</a>,<ul><li>do 15 grudnia</li></ul></li>'
    "<li>zapowiedź targów&nbsp;pracy 2027.</li></ul>"
    "<h2>Forum</h2>"
    '<p>Relacja: <a href="https://pup.example/forum/">https://pup.example/forum/</a>.<br>'
    'Pytania: <a href="mailto:pup@pup.example">napisz do nas</a>.</p>'
    '<ol start="3"><li>Rejestracja</li><li>Szkolenie</li></ol>'
    "<blockquote><p>Partnerstwo to wspólna praca.</p></blockquote>"
    '<figure class="table"><table><tbody><tr><th>Gmina</th><th>Miejsca</th></tr>'
    "<tr><td>Nasielsk</td><td>12</td></tr></tbody></table></figure>"
    '<figure class="image"><img src="https://pup.example/media/sala.jpg" alt="Sala obrad">'
    "<figcaption>Sala obrad po remoncie</figcaption></figure>"
)

PLAIN = """W grudniowym wydaniu:

- podsumowanie forum,
- nabór wniosków (https://pup.example/nabor/),
  - do 15 grudnia
- zapowiedź targów pracy 2027.

Forum

Relacja: https://pup.example/forum/.
Pytania: napisz do nas (pup@pup.example).

3. Rejestracja
4. Szkolenie

> Partnerstwo to wspólna praca.

Gmina | Miejsca
Nasielsk | 12

[Sala obrad]
Sala obrad po remoncie"""


def test_lists_are_lines_and_links_are_spelled_out():
    assert html_to_plain(BODY) == PLAIN


def test_a_list_item_written_as_paragraphs_keeps_its_dash():
    assert html_to_plain("<ul><li><p>Jeden</p><p>dalej</p></li><li>Dwa</li></ul>") == "- Jeden\ndalej\n- Dwa"


def test_the_sent_issue_has_the_readable_text_and_the_portal_in_the_genitive(
    db, make_subscriber, make_issue, mailoutbox, run_worker
):
    make_subscriber(email="ala@example.com")
    dispatch.queue(make_issue(subject="Wydanie grudniowe", body=BODY))
    run_worker()
    text = mailoutbox[0].body
    assert PLAIN in text
    assert "newsletter portalu Partnerstwa Lokalnego Powiatu Nowodworskiego." in text
    assert "portalu Partnerstwo" not in text
    html = mailoutbox[0].alternatives[0][0]
    assert re.search(r'portalu <a href="[^"]+">Partnerstwa Lokalnego Powiatu Nowodworskiego</a>', html), html
