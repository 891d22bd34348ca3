"""Two gminas, one account each: neither sees nor opens the other's posts or institution in the admin."""

from datetime import timedelta

import pytest
import reversion
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.utils import timezone

from accounts.roles import PARTNER, REDAKTOR
from changelog.versions import versions_of
from news.models import Post


@pytest.fixture
def posts(make_post, from_nasielsk, from_czosnow, nasielsk, czosnow):
    """A draft and a post waiting for approval of each gmina, saved with a version each."""
    made = {}
    for key, institution, author in (("nasielsk", nasielsk, from_nasielsk), ("czosnow", czosnow, from_czosnow)):
        with reversion.create_revision():
            draft = make_post(
                title=f"Szkic {institution.short_name}",
                status=Post.Status.DRAFT,
                institution=institution,
                author=author,
            )
        waiting = make_post(
            title=f"Do akceptacji {institution.short_name}",
            status=Post.Status.SUBMITTED,
            institution=institution,
            author=author,
            submitted_by=author,
        )
        made[key] = (draft, waiting)
    return made


def test_each_partner_lists_only_its_institutions_posts(client, posts, from_nasielsk, from_czosnow):
    for user, own, other in ((from_nasielsk, "Nasielsk", "Czosnów"), (from_czosnow, "Czosnów", "Nasielsk")):
        client.force_login(user)
        page = client.get("/admin/news/post/").text
        assert f"Szkic {own}" in page and f"Do akceptacji {own}" in page
        assert other not in page
        assert "\n2 wpisy\n" in page


def test_the_search_and_filters_find_nothing_of_the_other_gmina(client, posts, from_nasielsk):
    client.force_login(from_nasielsk)
    found = client.get("/admin/news/post/", {"q": "Czosnów"}).text
    assert "Szkic Czosnów" not in found and "\n0 wpisów\n" in found
    waiting = client.get("/admin/news/post/", {"stan": "czeka"}).text
    assert "Do akceptacji Nasielsk" in waiting and "Czosnów" not in waiting
    # No filter by institution names the other gminas, nor opens their posts by a crafted address.
    assert "institution__id__exact" not in client.get("/admin/news/post/").text
    crafted = client.get("/admin/news/post/", {"institution__id__exact": posts["czosnow"][0].institution_id})
    assert "Szkic Czosnów" not in crafted.text


def test_every_address_of_the_other_gminas_post_is_refused(client, posts, from_nasielsk):
    draft, waiting = posts["czosnow"]
    client.force_login(from_nasielsk)
    for url in (
        f"/admin/news/post/{draft.pk}/change/",
        f"/admin/news/post/{waiting.pk}/change/",
        f"/admin/news/post/{draft.pk}/history/",
        f"/admin/news/post/{draft.pk}/delete/",
        f"/admin/news/post/{waiting.pk}/zwroc-do-poprawy/",
        f"/admin/news/post/{draft.pk}/history/compare/",
        f"/admin/news/post/{draft.pk}/history/{versions_of(draft).first().pk}/restore/",
        "/admin/news/post/999999/change/",
    ):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "Szkic Czosnów" not in response.text
    response = client.post(f"/admin/news/post/{draft.pk}/change/", {"title": "Przejęty"})
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title == "Szkic Czosnów"


def test_the_own_posts_history_opens(client, posts, from_nasielsk):
    draft, _ = posts["nasielsk"]
    client.force_login(from_nasielsk)
    assert client.get(f"/admin/news/post/{draft.pk}/change/").status_code == 200
    assert client.get(f"/admin/news/post/{draft.pk}/history/").status_code == 200


def test_a_bulk_action_on_the_other_gminas_post_changes_nothing(client, posts, from_nasielsk):
    draft, _ = posts["czosnow"]
    client.force_login(from_nasielsk)
    page = client.get("/admin/news/post/").text
    assert "delete_selected" not in page and "publish_selected" not in page
    response = client.post(
        "/admin/news/post/", {"action": "delete_selected", ACTION_CHECKBOX_NAME: [draft.pk], "post": "yes"}
    )
    assert response.status_code == 200 and "Czosnów" not in response.text  # no such action for this account
    assert Post.objects.filter(pk=draft.pk, deleted_at__isnull=True).exists()


def test_the_autocomplete_offers_only_the_own_institution(client, posts, from_nasielsk):
    client.force_login(from_nasielsk)
    response = client.get(
        "/admin/autocomplete/", {"app_label": "news", "model_name": "post", "field_name": "institution", "term": ""}
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Urząd Miejski w Nasielsku"]


def test_the_partner_has_no_trash_comments_subscribers_accounts_or_requests(client, posts, from_nasielsk):
    client.force_login(from_nasielsk)
    for url in (
        "/admin/kosz/",
        "/admin/news/comment/",
        "/admin/newsletter/subscriber/",
        "/admin/auth/user/",
        "/admin/members/accessionrequest/",
        "/admin/meetings/report/",
        "/admin/meetings/venue/",
        "/admin/members/person/",
    ):
        assert client.get(url).status_code == 403, url


def test_the_partner_lands_on_a_home_with_its_returned_posts_only(client, make_post, from_nasielsk, nasielsk, czosnow):
    make_post(title="Nasz do poprawy", status=Post.Status.RETURNED, institution=nasielsk)
    make_post(title="Cudzy do poprawy", status=Post.Status.RETURNED, institution=czosnow)
    make_post(title="Cudzy czeka", status=Post.Status.SUBMITTED, institution=czosnow)
    make_post(title="Cudzy zaplanowany", institution=czosnow, published_at=timezone.now() + timedelta(days=2))
    client.force_login(from_nasielsk)
    response = client.get("/admin/")
    assert response.status_code == 200
    home = response.text
    assert "Brak dostępu" not in home
    assert "1 wpis zwrócony do poprawy" in home
    assert "Cudzy" not in home and "akceptację" not in home and "zaplanowaną" not in home
    assert "Najczęściej czytane" not in home
    assert "Wpisy" in home and "Instytucje" in home
    assert "Komentarze" not in home and "Subskrybenci" not in home and "Kosz" not in home


def test_the_redaktor_sees_both_gminas_posts_with_their_institution(client, posts, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    page = client.get("/admin/news/post/").text
    assert "Szkic Nasielsk" in page and "Szkic Czosnów" in page
    assert "(Nasielsk)" in page and "(Czosnów)" in page
    only = client.get("/admin/news/post/", {"institution__id__exact": posts["czosnow"][0].institution_id}).text
    assert "Szkic Czosnów" in only and "Szkic Nasielsk" not in only


def test_an_account_of_the_role_without_an_institution_sees_no_posts(client, posts, staff_in_role, make_post):
    make_post(title="Zaplanowany", published_at=timezone.now() + timedelta(days=2))
    client.force_login(staff_in_role(PARTNER, email="bez-instytucji@gmina.example"))
    page = client.get("/admin/news/post/").text
    assert "Nasielsk" not in page and "Czosnów" not in page and "Dodaj wpis" not in page
    assert "\n0 wpisów\n" in page
    assert client.get("/admin/news/post/add/").status_code == 403
    home = client.get("/admin/").text
    assert "Zaplanowany" not in home and "zaplanowaną" not in home
