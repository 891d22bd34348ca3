import re

from reversion.models import Version

from changelog.diff import html_to_text, line_diff


def _versions(post):
    return list(Version.objects.get_for_object(post).order_by("pk"))


def test_comparing_shows_removed_and_added_words_with_a_text_legend(client, edited_post):
    first, _, last = _versions(edited_post)
    response = client.get(f"/admin/news/post/{edited_post.pk}/history/compare/", {"od": first.pk, "do": last.pk})
    html = response.text
    assert response.status_code == 200
    assert "Porównanie wersji: Nabór wniosków – termin" in html
    assert "<del>tekst przekreślony</del> – usunięto" in html and "<ins>tekst podkreślony</ins> – dodano" in html
    assert '<del><span class="visually-hidden">usunięto: </span>Pierwsza</del>' in html
    assert '<ins><span class="visually-hidden">dodano: </span>Druga</ins>' in html
    assert '<ins><span class="visually-hidden">dodano: </span>Nowy akapit.</ins>' in html
    assert "<h3>Tytuł</h3>" in html and "<h3>Treść</h3>" in html
    assert "&lt;p&gt;" not in html  # rich text is compared as text, not as tags


def shown_comparison(html):
    """The comparison as text, as a screen reader reads it: versions, fields, removed and added words."""
    main = re.search(r'<div id="content-main".*?<p class="version-actions">.*?</p>', html, re.S).group()
    return " ".join(re.sub(r"<[^>]+>", " ", main).split())


def test_the_order_of_the_choice_does_not_matter(client, edited_post):
    first, _, last = _versions(edited_post)
    url = f"/admin/news/post/{edited_post.pk}/history/compare/"
    older_first = shown_comparison(client.get(url, {"od": first.pk, "do": last.pk}).text)
    newer_first = shown_comparison(client.get(url, {"od": last.pk, "do": first.pk}).text)
    assert "Wersja starsza nr 1 z " in older_first and "Wersja nowsza nr 3 z " in older_first
    assert "Tytuł Nabór wniosków dodano: – termin" in older_first
    assert "Treść usunięto: Pierwsza dodano: Druga treść wpisu. dodano: Nowy akapit." in older_first
    assert "Przywróć wersję starszą (nr 1)" in older_first
    assert newer_first == older_first


def test_unchanged_fields_are_not_listed(client, edited_post):
    first, second, _ = _versions(edited_post)
    html = client.get(f"/admin/news/post/{edited_post.pk}/history/compare/", {"od": first.pk, "do": second.pk}).text
    assert "<h3>Treść</h3>" in html
    assert "<h3>Tytuł</h3>" not in html and "<h3>Kategoria</h3>" not in html


def test_choosing_one_version_twice_asks_for_two_in_polish(client, edited_post):
    first = _versions(edited_post)[0]
    response = client.get(f"/admin/news/post/{edited_post.pk}/history/compare/", {"od": first.pk, "do": first.pk})
    assert response.status_code == 400
    assert "Do porównania wybierz dwie różne wersje." in response.text


def test_a_made_up_or_foreign_version_is_refused_in_polish(client, edited_post, make_post, editor, post_form):
    other = make_post(title="Inny wpis")
    client.post(f"/admin/news/post/{other.pk}/change/", post_form(other, title="Inny wpis"))
    foreign = Version.objects.get_for_object(other).get()
    first = _versions(edited_post)[0]
    url = f"/admin/news/post/{edited_post.pk}/history/compare/"
    for query in ({"od": first.pk, "do": foreign.pk}, {"od": "x", "do": "1"}, {}):
        response = client.get(url, query)
        assert response.status_code == 400
        assert "Nie znaleziono wybranych wersji." in response.text


def test_rich_text_becomes_lines_of_text():
    html = "<h2>Termin</h2><p>Do <strong>15 maja</strong>.</p><ul><li>jeden</li><li>dwa</li></ul>"
    html += '<p><img src="/a.jpg" alt="Sala obrad"></p>'
    assert html_to_text(html).splitlines() == ["Termin", "Do 15 maja.", "jeden", "dwa", "[obraz: Sala obrad]"]


def test_a_decorative_image_is_named_so_and_one_without_alt_says_it_lacks_one():
    assert html_to_text('<p><img src="/a.jpg" alt=""></p>') == "[obraz ozdobny]"
    assert html_to_text('<p><img src="/a.jpg"></p>') == "[obraz bez opisu]"


def test_a_replaced_line_is_diffed_word_by_word_and_escaped():
    rows = line_diff(["Spotkanie w Nasielsku <b>"], ["Spotkanie w Pomiechówku <b>"])
    assert rows[0][0] == "changed"
    assert "&lt;b&gt;" in rows[0][1]
    assert '<del><span class="visually-hidden">usunięto: </span>Nasielsku</del>' in rows[0][1]


def test_numbers_too_big_for_a_version_are_refused_not_crashed_on(client, edited_post):
    huge = "9" * 30
    url = f"/admin/news/post/{edited_post.pk}/history/"
    assert client.get(f"{url}compare/", {"od": huge, "do": "-1"}).status_code == 400
    assert client.get(f"{url}{huge}/restore/").status_code == 404
    assert client.get("/admin/news/post/" + huge + "/history/compare/").status_code == 302  # no such post


def test_a_version_that_can_no_longer_be_read_is_reported_not_crashed_on(client, edited_post):
    first, _, last = _versions(edited_post)
    Version.objects.filter(pk=first.pk).update(serialized_data="[{]")
    url = f"/admin/news/post/{edited_post.pk}/history/"
    response = client.get(f"{url}compare/", {"od": first.pk, "do": last.pk})
    assert response.status_code == 409
    assert "Tej wersji nie da się już odczytać" in response.text
    assert client.get(f"{url}{first.pk}/restore/").status_code == 409
    response = client.post(f"{url}{first.pk}/restore/", follow=True)
    assert "Tej wersji nie da się już odczytać" in response.text
