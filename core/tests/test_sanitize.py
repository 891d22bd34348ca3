import pytest

from core.sanitize import clean_html, html_to_text


@pytest.mark.parametrize(
    "dirty, forbidden",
    [
        ("<script>alert(1)</script><p>x</p>", "<script"),
        ('<p onclick="alert(1)">x</p>', "onclick"),
        ('<img src="x" onerror="alert(1)" alt="">', "onerror"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript:"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "alert"),
        ('<iframe src="https://evil.example"></iframe>', "<iframe"),
        ('<svg onload="alert(1)"><circle/></svg>', "<svg"),
        ('<p style="background:url(javascript:alert(1))">x</p>', "style"),
        ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">', "data:"),
        ("<object data='x.swf'></object>", "<object"),
        ("<form action='/x'><input name='a'></form>", "<form"),
        ("<!-- <script>alert(1)</script> -->", "<script"),
        ("<p>a\x00b</p>", "\x00"),
    ],
)
def test_it_removes_dangerous_markup(dirty, forbidden):
    assert forbidden.lower() not in clean_html(dirty).lower()


def test_it_keeps_what_editors_write():
    html = (
        "<h2>Cele</h2><p><strong>Ważne</strong> i <em>pilne</em></p><ul><li>jeden</li></ul>"
        '<figure class="image"><img src="/media/editor/a.jpg" alt="Sala obrad"><figcaption>Sala</figcaption></figure>'
        "<table><tbody><tr><td>1</td></tr></tbody></table>"
    )
    cleaned = clean_html(html)
    kept_parts = ["<h2>Cele</h2>", "<strong>Ważne</strong>", "<li>jeden</li>", 'alt="Sala obrad"', "<td>1</td>"]
    for kept in kept_parts:
        assert kept in cleaned


def test_links_get_safe_rel():
    assert 'rel="noopener noreferrer"' in clean_html('<a href="https://pup.example">PUP</a>')


def test_html_to_text_drops_tags():
    assert html_to_text("<p>Ala <b>ma</b> kota</p>") == "Ala ma kota"


def test_html_to_text_decodes_entities_once():
    assert html_to_text("<p>PUP &amp; Starostwo&nbsp;– „razem” &lt;3</p>") == "PUP & Starostwo – „razem” <3"


def test_html_to_text_keeps_headings_and_paragraphs_apart():
    html = "<h2>Cele</h2><p>Partnerstwo <b>łączy</b>\n ludzi.</p><ul><li>praca</li><li>dialog</li></ul>"
    assert html_to_text(html) == "Cele\nPartnerstwo łączy ludzi.\npraca\ndialog"


BLOCK_IMAGE = (
    '<figure class="image"><img src="/media/editor/sala.jpg" alt="Sala obrad starostwa">'
    "<figcaption>Posiedzenie partnerstwa</figcaption></figure>"
)


def test_a_block_image_keeps_its_figure_caption_and_alt():
    assert clean_html(BLOCK_IMAGE) == BLOCK_IMAGE


def test_a_block_image_survives_a_second_save():
    assert clean_html(clean_html(BLOCK_IMAGE)) == BLOCK_IMAGE


def test_a_decorative_image_keeps_its_marker():
    html = '<figure class="image image-decorative"><img src="/media/editor/wzor.png" alt=""></figure>'
    assert clean_html(html) == html
    inline = '<p>Tekst <img class="image-decorative" src="/media/editor/kropka.png" alt=""></p>'
    assert 'class="image-decorative"' in clean_html(inline)


def test_a_table_keeps_its_figure():
    html = '<figure class="table"><table><tbody><tr><td>1</td></tr></tbody></table></figure>'
    assert clean_html(html) == html


def test_classes_outside_the_editor_list_are_dropped():
    cleaned = clean_html('<figure class="image evil"><img class="big" src="/a.jpg" alt="A"></figure><p class="x">t</p>')
    assert cleaned == '<figure class="image"><img src="/a.jpg" alt="A"></figure><p>t</p>'


def test_an_image_keeps_the_width_chosen_in_the_editor_and_nothing_else():
    html = '<figure class="image image-width-50"><img src="/media/editor/sala.jpg" alt="Sala"></figure>'
    assert clean_html(html) == html
    inline = '<p>Tekst <img class="image-width-25" src="/media/editor/logo.png" alt="Logo"></p>'
    assert clean_html(inline) == inline
    # CKEditor's own marker and inline width, and any other size, are dropped.
    resized = (
        '<figure class="image image_resized image-width-33" style="width:33%">'
        '<img src="/media/editor/sala.jpg" alt="Sala"></figure>'
    )
    assert clean_html(resized) == '<figure class="image"><img src="/media/editor/sala.jpg" alt="Sala"></figure>'
