"""Staff read a saved mailing in the browser as subscribers will get it, before any test send."""

import pytest
from django.conf import settings

from newsletter import dispatch, preview
from newsletter.mail import SAMPLE_TOKEN
from newsletter.models import Delivery, Issue
from newsletter.tokens import unsubscribe_token


def preview_url(issue, part=""):
    return f"/admin/newsletter/issue/{issue.pk}/podglad/{part}"


def test_the_issue_form_links_to_the_preview(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    html = client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert f'href="{preview_url(issue)}">Podgląd w przeglądarce</a>' in html


def test_the_send_and_schedule_pages_point_to_the_preview_first(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    for step in ("wyslij", "zaplanuj"):
        html = client.get(f"/admin/newsletter/issue/{issue.pk}/{step}/").text
        assert f'obejrzyj <a href="{preview_url(issue)}">podgląd w przeglądarce</a>' in html


def test_staff_see_subject_sender_and_the_mail_in_a_frame(client, alice, make_issue, settings):
    settings.DEFAULT_FROM_EMAIL = "Partnerstwo Lokalne <newsletter@pup.example>"
    issue = make_issue(subject="Wydanie grudniowe", body="<h2>Program</h2><p>Zapraszamy.</p>")
    client.force_login(alice)
    response = client.get(preview_url(issue))
    html = response.text
    assert "<h1>Podgląd wysyłki „Wydanie grudniowe”</h1>" in html
    assert "<dt>Temat</dt><dd>Wydanie grudniowe</dd>" in html
    assert "<dt>Nadawca</dt><dd>Partnerstwo Lokalne &lt;newsletter@pup.example&gt;</dd>" in html
    assert f'src="{preview_url(issue, "wiadomosc/")}"' in html
    assert 'title="Wiadomość w wersji HTML"' in html
    assert "Wyślij test do mnie" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_framed_document_is_the_e_mail_with_sample_links(client, alice, make_issue, make_subscriber):
    subscriber = make_subscriber()
    issue = make_issue(subject="Wydanie grudniowe", body='<p>Zapraszamy na <a href="/spotkania/">spotkanie</a>.</p>')
    client.force_login(alice)
    response = client.get(preview_url(issue, "wiadomosc/"))
    html = response.text
    message = preview.preview_message(issue)
    assert html == preview.framed_document(message)
    assert html.replace('\n<base target="_blank">', "", 1) == preview.html_part(message)
    assert '<h1 style="font-size:22px;margin:0 0 16px;">Wydanie grudniowe</h1>' in html
    assert f'href="{settings.SITE_URL}/spotkania/"' in html  # absolute, as in the e-mail
    assert "/newsletter/wypisz/przykladowy-link/" in html
    assert unsubscribe_token(subscriber) not in html  # no real subscriber's link
    assert "wiadomość testowa" not in html.lower()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_framed_document_allows_only_its_own_styles_and_no_script(client, alice, make_issue):
    issue = make_issue()
    client.force_login(alice)
    response = client.get(preview_url(issue, "wiadomosc/"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "script-src" not in policy
    assert "'unsafe-hashes' 'sha256-" in policy
    assert "frame-ancestors 'self'" in policy
    assert "sandbox allow-popups allow-popups-to-escape-sandbox" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_a_sample_link_opens_the_bad_link_page_and_changes_nothing(client, make_subscriber):
    subscriber = make_subscriber()
    response = client.get(f"/newsletter/wypisz/{SAMPLE_TOKEN}/")
    assert response.status_code in (400, 404)
    subscriber.refresh_from_db()
    assert subscriber.status == subscriber.Status.CONFIRMED


def test_staff_read_the_plain_text_part(client, alice, make_issue):
    issue = make_issue(subject="Wydanie grudniowe", body="<h2>Program</h2><ul><li>powitanie</li><li>plan</li></ul>")
    client.force_login(alice)
    response = client.get(preview_url(issue, "tekst/"))
    html = response.text
    assert "<h1>Wersja tekstowa wysyłki „Wydanie grudniowe”</h1>" in html
    assert "Program\n\n- powitanie\n- plan" in html
    assert "/newsletter/wypisz/przykladowy-link/" in html
    assert f'href="{preview_url(issue)}">Wersja HTML</a>' in html
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_post_notice_previews_with_its_own_footer(client, alice, make_post):
    post = make_post(title="Nabór na staże")
    issue = Issue.objects.create(
        kind=Issue.Kind.POST_NOTICE,
        post=post,
        subject="Nowy wpis: Nabór na staże",
        body="<p>Nabór na staże</p>",
        status=Issue.Status.SENT,
        queued_at=post.published_at,
    )
    client.force_login(alice)
    assert "<dt>Rodzaj</dt><dd>Powiadomienie o nowym wpisie</dd>" in client.get(preview_url(issue)).text
    html = client.get(preview_url(issue, "wiadomosc/")).text
    assert "zapisano na powiadomienia o nowych wpisach portalu" in html
    assert "Nowy wpis: Nabór na staże" in html


@pytest.mark.parametrize("part", ["", "wiadomosc/", "tekst/"])
def test_a_moderator_may_not_preview(client, staff_in_role, make_issue, part):
    issue = make_issue()
    client.force_login(staff_in_role("Moderator"))
    assert client.get(preview_url(issue, part)).status_code == 403


@pytest.mark.parametrize("part", ["", "wiadomosc/", "tekst/"])
def test_a_missing_issue_gives_404(client, alice, db, part):
    client.force_login(alice)
    assert client.get(f"/admin/newsletter/issue/999999/podglad/{part}").status_code == 404


@pytest.mark.parametrize("part", ["", "wiadomosc/", "tekst/"])
def test_the_preview_costs_the_same_queries_for_any_number_of_subscribers_and_deliveries(
    client, alice, make_issue, make_subscriber, django_assert_num_queries, part
):
    client.force_login(alice)
    issue = make_issue()
    make_subscriber()
    dispatch.queue(issue)
    client.get(preview_url(issue, part))  # warm up: one-off lookups
    with django_assert_num_queries(QUERIES[part]) as first:
        client.get(preview_url(issue, part))
    for _ in range(5):
        make_subscriber()
    other = make_issue()
    dispatch.queue(other)
    from newsletter import sending

    sending.send_issue(other.pk)
    assert Delivery.objects.filter(issue=other).count() == 6
    with django_assert_num_queries(len(first.captured_queries)):
        client.get(preview_url(other, part))


# Session, user, the issue, the office's reply address; the admin pages add one "may add?" check
# per one-row model in the sidebar. Nothing counts subscribers or deliveries.
QUERIES = {"": 8, "wiadomosc/": 4, "tekst/": 8}
