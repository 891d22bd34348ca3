"""Someone without an account opens a preview link of a page, even one not yet published."""

from pages.models import Page

BANNER = "Podgląd wersji roboczej."


def test_an_unpublished_subpage_is_shown_with_its_trail_and_the_banner(client, db, make_preview_link):
    parent = Page.objects.create(
        title="Projekty", slug="projekty", section=Page.Section.PARTNERSHIP, is_published=False
    )
    page = Page.objects.create(
        title="Staże w gminach", slug="staze", parent=parent, body="<p>Opis przed publikacją.</p>", is_published=False
    )
    Page.objects.create(title="Cele partnerstwa", slug="cele", section=Page.Section.PARTNERSHIP)
    Page.objects.create(title="Szkic obok", slug="szkic-obok", section=Page.Section.PARTNERSHIP, is_published=False)
    _, url = make_preview_link(page)
    assert client.get(page.get_absolute_url()).status_code == 404

    response = client.get(url)
    assert response.status_code == 200
    text = response.text
    assert BANNER in text and "Staże w gminach" in text and "Opis przed publikacją." in text
    assert "Projekty" in text and "Cele partnerstwa" in text  # the trail and the published menu
    assert "Szkic obok" not in text  # no other unpublished page
    assert response["X-Robots-Tag"] == "noindex, nofollow" and response["Cache-Control"] == "private, no-store"


def test_the_page_preview_runs_the_same_queries_with_one_page_or_many(
    client, db, make_preview_link, django_assert_num_queries
):
    page = Page.objects.create(title="Szkic strony", slug="szkic", section=Page.Section.PARTNERSHIP, is_published=False)
    _, url = make_preview_link(page)
    client.get(url)  # one-off lookups
    with django_assert_num_queries(9) as small:
        assert client.get(url).status_code == 200
    for n in range(20):
        Page.objects.create(title=f"Strona {n}", slug=f"strona-{n}", section=Page.Section.PARTNERSHIP)
    with django_assert_num_queries(len(small.captured_queries)):
        assert client.get(url).status_code == 200


def test_a_redaktor_sees_the_box_in_a_page_form(client, staff_in_role, db):
    page = Page.objects.create(title="Szkic strony", slug="szkic", section=Page.Section.PARTNERSHIP, is_published=False)
    client.force_login(staff_in_role("Redaktor"))
    form = client.get(f"/admin/pages/page/{page.pk}/change/").text
    assert "Linki do podglądu" in form and 'value="pages.page"' in form
    response = client.post("/admin/podglad/utworz/", {"model": "pages.page", "object_id": str(page.pk), "days": "1"})
    assert response.status_code == 302
    assert "Utworzono link do podglądu ważny przez 1 dzień." in client.get(response["Location"]).text
