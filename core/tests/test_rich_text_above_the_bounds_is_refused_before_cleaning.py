"""Rich text that would cost the cleaner more than any real page is refused before cleaning starts.

The counts below are what the HTML5 parser would make of the text, not timings: a refused text
never reaches nh3, and an accepted one is cleaned into a text that passes the bounds again.
"""

import pytest

from core import markup, sanitize
from core.markup import MAX_ATTRIBUTES, MAX_CHARS, MAX_DEPTH, MAX_ELEMENTS, MarkupTooComplex, check_markup
from core.sanitize import clean_html, html_to_text, shown_html


@pytest.fixture
def nh3_calls(monkeypatch):
    calls = []
    real = sanitize.nh3.clean

    def counting(html, **kwargs):
        calls.append(len(html))
        return real(html, **kwargs)

    monkeypatch.setattr(sanitize.nh3, "clean", counting)
    return calls


def refusal(html):
    with pytest.raises(MarkupTooComplex) as refused:
        check_markup(html)
    return refused.value.message


def bold_tags(count):
    """Formatting elements that differ by an attribute, so the parser keeps every one of them."""
    return "".join(f'<b title="{i}">' for i in range(count))


HOSTILE = {
    # The tester's probe: 160,000 nested <div> ran past a worker's 30 s.
    "nested divs": "<div>" * 160_000 + "x",
    # <blockquote> survives cleaning, so a save pays the same.
    "nested quotes": "<blockquote>" * 20_000 + "x",
    "nested, closed": "<div>" * (MAX_DEPTH + 1) + "x" + "</div>" * (MAX_DEPTH + 1),
    "end tags that close nothing": "<div></span>" * (MAX_DEPTH + 1),
    "comment ends hiding the depth": "<div><!-- > </div> -->" * (MAX_DEPTH + 1),
    "a quoted > hiding the depth": '<div><p title="></div>">' * (MAX_DEPTH + 1),
    "many elements": "<p>x</p>" * (MAX_ELEMENTS + 1),
    "many comments": "<!---->" * (MAX_ELEMENTS + 1),
    "many end tags": "</p>" * (MAX_ELEMENTS + 1),
    # Formatting left open across blocks is copied into every later block: 60 KB became 9 MB.
    "bold across paragraphs": "<p>" + bold_tags(40) + "<div>x</div>" * 5000,
    "bold across divs": "<div>" + bold_tags(40) + "</div>" + "<div>x</div>" * 5000,
    "bold across list items": "<ul><li>" + bold_tags(40) + "<li>x" * 5000 + "</ul>",
    "bold across a link's end": "<a href=x>" + bold_tags(40) + "</a>" + "<div>x</div>" * 5000,
    # The parser compares every attribute of a tag with every other.
    "attributes": "<p " + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 1)) + ">x</p>",
    "attributes after a quoted >": '<p x=">" ' + " ".join(f"a{i}=1" for i in range(MAX_ATTRIBUTES + 1)) + ">",
    # Inside <script>, <style>, <svg>… the scan cannot tell where the content ends.
    "script hiding the depth": '<script><a title="</script>' + "<div>" * (MAX_DEPTH + 1),
    "svg hiding attributes": '<svg><g x="<" ' + "a=1 " * (MAX_ATTRIBUTES + 1) + ">",
    "too long": "x" * (MAX_CHARS + 1),
}


@pytest.mark.parametrize("html", HOSTILE.values(), ids=HOSTILE.keys())
def test_it_refuses_hostile_markup_before_cleaning(html, nh3_calls):
    with pytest.raises(MarkupTooComplex):
        clean_html(html)
    assert nh3_calls == []


def test_the_refusals_say_in_polish_what_to_do():
    assert refusal("<div>" * 101) == (
        "Tekst ma zbyt głęboko zagnieżdżone elementy (ponad 100 poziomów jeden w drugim), więc nie można go "
        "sprawdzić ani zapisać. Usuń zbędne zagnieżdżenia albo wklej tekst ponownie jako zwykły tekst."
    )
    assert refusal("<p>x</p>" * (MAX_ELEMENTS + 1)).startswith(
        "Tekst ma zbyt wiele elementów (akapitów, linków, wyróżnień i innych: ponad 50\xa0000), więc nie można "
    )
    assert refusal("x" * 1_200_000) == (
        "Tekst jest za długi: liczba znaków to 1\xa0200\xa0000, a można zapisać najwyżej 1\xa0000\xa0000. "
        "Podziel go na kilka stron."
    )
    assert refusal(HOSTILE["attributes"]).startswith("Element „p” ma ponad 100 atrybutów")
    assert refusal(HOSTILE["svg hiding attributes"]).startswith("Tekst zawiera elementy, których edytor nie tworzy")


def long_report(copies):
    """What CKEditor 5 writes, repeated: headings, lists, links, a figure, a table, a quote."""
    return (
        "<h2>Cele partnerstwa</h2><p>Partnerstwo <strong>lokalne</strong> powstało w <em>2026</em> roku, "
        '<a href="/media/dokumenty/plan.pdf">plan (PDF, 1 MB)</a>.</p>'
        "<ul><li>Pierwszy cel<ul><li>szczegół <strong><em>ważny</em></strong></li></ul></li><li>Drugi</li></ul>"
        '<figure class="image"><img src="/media/editor/sala.jpg" alt="Sala obrad" width="800" height="600">'
        "<figcaption>Sala obrad</figcaption></figure>"
        '<figure class="table"><table><thead><tr><th>Gmina</th><th>Osoby</th></tr></thead>'
        "<tbody><tr><td>Nasielsk</td><td><p>12</p><p>w tym 3 z urzędu</p></td></tr></tbody></table></figure>"
        "<blockquote><p>Razem łatwiej.</p></blockquote><h3>Terminy</h3><ol><li>Styczeń</li></ol>"
    ) * copies


def test_it_accepts_far_more_than_a_long_report():
    html = long_report(1000)  # about 40,000 elements in 700,000 characters
    check_markup(html)
    check_markup(clean_html(html))


@pytest.mark.parametrize(
    "html",
    [
        "<p>Akapit<p>bez końca<ul><li>jeden<li>dwa</ul>" * 60,  # end tags a browser does not need
        "<table><tr><td>a<td>b<tr><td>c</table>" * 60,
        "<div>" * MAX_DEPTH + "x",
        "<p>Tekst z ukośnikiem < i nawiasem > oraz <!-- komentarzem --> i &lt;znakami&gt;.</p>" * 100,
        "<b><p>Pogrubiony akapit</p></b>",
    ],
)
def test_it_accepts_untidy_but_harmless_markup(html):
    check_markup(html)
    check_markup(clean_html(html))


def test_a_text_the_parser_would_deepen_past_the_bounds_is_refused():
    # 50 tables, each a cell deep, are 100 levels as written and 200 once the parser adds <tbody><tr>.
    html = "<table><td>" * 50 + "x"
    check_markup(html)
    with pytest.raises(MarkupTooComplex):
        clean_html(html)


def test_a_row_written_around_the_model_shows_as_nothing_and_is_logged(caplog):
    html = "<div>" * 160_000 + "x"
    assert shown_html(html) == ""
    assert html_to_text(html) == ""
    assert "Rich text above the bounds" in caplog.text


def test_the_bounds_are_generous_and_set_in_one_place():
    assert 50 <= markup.MAX_DEPTH <= 100
    assert 10_000 <= markup.MAX_ELEMENTS <= 100_000
    assert markup.MAX_CHARS == 1_000_000
