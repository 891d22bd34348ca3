"""Simple pages sit in a tree: breadcrumbs and a section menu follow it, and a moved page keeps its old address."""

import pytest

from pages.models import Page, PageRedirect


@pytest.fixture
def tree(db):
    about = Page.objects.create(title="O portalu", slug="o-portalu", body="<p>O portalu.</p>")
    history = Page.objects.create(title="Historia", slug="historia", parent=about, position=1)
    people = Page.objects.create(title="Ludzie", slug="ludzie", parent=history)
    rules = Page.objects.create(title="Zasady", slug="zasady", section=Page.Section.PARTNERSHIP)
    return {"about": about, "history": history, "people": people, "rules": rules}


def test_a_subpage_lives_below_its_parents_address(client, tree):
    assert tree["people"].get_absolute_url() == "/o-portalu/historia/ludzie/"
    response = client.get("/o-portalu/historia/ludzie/")
    assert response.status_code == 200
    assert "<h1>Ludzie</h1>" in response.text


def test_breadcrumbs_lead_through_every_page_above(client, tree):
    html = client.get("/o-portalu/historia/ludzie/").text
    crumbs = html.split('aria-label="Ścieżka nawigacji"')[1].split("</nav>")[0]
    assert '<a href="/">Strona główna</a>' in crumbs
    assert '<a href="/o-portalu/">O portalu</a>' in crumbs
    assert '<a href="/o-portalu/historia/">Historia</a>' in crumbs
    assert '<span aria-current="page">Ludzie</span>' in crumbs


def test_the_section_menu_shows_the_branch_open_down_to_this_page(client, tree):
    html = client.get("/o-portalu/historia/").text
    menu = html.split('class="section-nav" aria-label="O portalu"')[1].split("</nav>")[0]
    assert '<a href="/o-portalu/">O portalu</a>' in menu
    assert '<a href="/o-portalu/historia/" aria-current="page">Historia</a>' in menu
    assert '<a href="/o-portalu/historia/ludzie/">Ludzie</a>' in menu


def test_a_page_alone_has_no_section_menu(client, db):
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci")
    assert "section-nav" not in client.get("/polityka-prywatnosci/").text


def test_a_subpage_of_a_partnership_page_keeps_the_partnership_prefix(client, tree):
    detail = Page.objects.create(title="Szczegóły", slug="szczegoly", parent=tree["rules"])
    assert detail.section == Page.Section.PARTNERSHIP
    html = client.get("/partnerstwo/zasady/szczegoly/").text
    assert '<a href="/partnerstwo/">O partnerstwie</a>' in html
    assert '<a href="/partnerstwo/zasady/">Zasady</a>' in html


def test_moving_a_page_under_another_answers_its_old_address_with_a_permanent_redirect(admin_client, client, tree):
    history = tree["history"]
    response = admin_client.post(
        f"/admin/pages/page/{history.pk}/change/",
        {
            "title": "Historia",
            "slug": "historia",
            "parent": str(tree["rules"].pk),
            "section": "ogolne",
            "position": "1",
            "body": "",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    old = client.get("/o-portalu/historia/")
    assert old.status_code == 301
    assert old["Location"] == "/partnerstwo/zasady/historia/"
    # Its subpage moved with it and keeps its old address too.
    old_child = client.get("/o-portalu/historia/ludzie/")
    assert (old_child.status_code, old_child["Location"]) == (301, "/partnerstwo/zasady/historia/ludzie/")
    assert client.get("/partnerstwo/zasady/historia/ludzie/").status_code == 200


def test_every_earlier_address_leads_to_where_the_page_is_now(client, tree):
    people = tree["people"]
    people.slug = "osoby"
    people.save()
    people.parent = None
    people.save()
    for old in ("/o-portalu/historia/ludzie/", "/o-portalu/historia/osoby/"):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, "/osoby/")


def test_a_new_page_at_an_old_address_takes_it_over(client, tree):
    tree["history"].slug = "dzieje"
    tree["history"].save()
    assert client.get("/o-portalu/historia/").status_code == 301
    Page.objects.create(title="Nowa historia", slug="historia", parent=tree["about"])
    assert client.get("/o-portalu/historia/").status_code == 200
    assert not PageRedirect.objects.filter(old_path="/o-portalu/historia/").exists()


def test_a_page_cannot_be_put_under_itself_or_its_subpage(admin_client, tree):
    about = tree["about"]
    for parent in (about, tree["people"]):
        response = admin_client.post(
            f"/admin/pages/page/{about.pk}/change/",
            {
                "title": "O portalu",
                "slug": "o-portalu",
                "parent": str(parent.pk),
                "section": "ogolne",
                "position": "0",
                "body": "",
                "is_published": "on",
            },
        )
        assert response.status_code == 200
        assert "Strony nie można umieścić pod nią samą ani pod żadną z jej podstron." in response.text
    about.refresh_from_db()
    assert about.parent is None


@pytest.mark.parametrize("slug", ["aktualnosci", "kontakt", "szukaj"])
def test_a_top_page_cannot_take_an_address_of_another_part_of_the_portal(admin_client, db, slug):
    response = admin_client.post(
        "/admin/pages/page/add/",
        {"title": "Strona", "slug": slug, "parent": "", "section": "ogolne", "position": "0", "body": ""},
    )
    assert response.status_code == 200
    assert f"Adres /{slug}/ zajmuje już inna część portalu." in response.text


def test_two_pages_cannot_share_an_address(admin_client, tree):
    response = admin_client.post(
        "/admin/pages/page/add/",
        {"title": "Druga", "slug": "historia", "parent": str(tree["about"].pk), "section": "ogolne", "position": "0"},
    )
    assert response.status_code == 200
    assert "Pod adresem /o-portalu/historia/ jest już strona „Historia”." in response.text


def test_subpages_of_an_unpublished_page_are_not_public(client, tree):
    tree["about"].is_published = False
    tree["about"].save()
    assert client.get("/o-portalu/historia/").status_code == 404
    assert not Page.objects.published().filter(pk=tree["people"].pk).exists()
    assert "/o-portalu/historia/" not in client.get("/sitemap.xml").text


def test_an_unknown_address_below_a_page_is_a_polish_404(client, tree):
    response = client.get("/o-portalu/nie-ma-takiej/")
    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_a_subpage_costs_the_same_queries_however_big_the_tree(
    client, tree, django_assert_num_queries, count, cold_render
):
    Page.objects.bulk_create(
        Page(title=f"Podstrona {i}", slug=f"p-{i}", url_path=f"o-portalu/p-{i}", parent=tree["about"])
        for i in range(count)
    )
    with django_assert_num_queries(5):  # the branch + the page's attachments + metryczka's register + frame
        response = client.get("/o-portalu/historia/ludzie/")
    assert response.status_code == 200


def test_the_partnership_index_lists_only_the_top_pages(client, tree):
    Page.objects.create(title="Szczegóły zasad", slug="szczegoly", parent=tree["rules"])
    html = client.get("/partnerstwo/").text
    assert "Zasady" in html
    assert "Szczegóły zasad" not in html


def test_a_loop_is_refused_even_outside_the_admin(tree):
    from django.core.exceptions import ValidationError

    about = tree["about"]
    about.parent = tree["people"]
    with pytest.raises(ValidationError):
        about.save()
    about.refresh_from_db()
    assert about.parent is None
