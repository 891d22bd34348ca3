"""Deleting a post, a page, a meeting or an institution in the admin moves it to the Kosz: gone from
every public place, back with everything on „Przywróć”, gone for good after TRASH_DAYS."""

import datetime
import io

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from agreement.models import Signature
from changelog.metryczka import record_change
from changelog.models import ChangeRecord
from meetings.models import Meeting, Report
from members.models import Institution
from news.models import Comment, Post
from pages.models import MenuItem, Page
from search.models import Document


@pytest.fixture
def admin_client(client, alice):
    client.force_login(alice)
    return client


def in_search(obj):
    return Document.objects.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk).exists()


@pytest.fixture
def trash(django_capture_on_commit_callbacks):
    """The admin's own delete: the confirmation page, then its POST, committed."""

    def delete(client, obj):
        url = f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/delete/"
        assert client.get(url).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(url, {"post": "yes"})

    return delete


@pytest.fixture
def restore(django_capture_on_commit_callbacks):
    """„Przywróć” in the Kosz, committed; the Kosz page it leads to."""

    def bring_back(client, obj):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/admin/kosz/{obj._meta.label_lower}/{obj.pk}/przywroc/", follow=True)

    return bring_back


@pytest.fixture
def content(db, make_post, make_institution, django_capture_on_commit_callbacks):
    """One public object of each kind that goes to the trash, indexed for search."""
    with django_capture_on_commit_callbacks(execute=True):
        post = make_post(title="Targi pracy w Nasielsku", slug="targi-pracy")
        page = Page.objects.create(title="Cele partnerstwa", slug="cele", body="<p>Cele.</p>")
        meeting = Meeting.objects.create(title="Spotkanie partnerów", date=datetime.date(2026, 5, 12))
        institution = make_institution(name="Gminny Ośrodek Pomocy Społecznej", slug="gops")
    return {"post": post, "page": page, "meeting": meeting, "institution": institution}


PUBLIC = {
    "post": ["/aktualnosci/", "/aktualnosci/rss/", "/sitemap.xml"],
    "page": ["/sitemap.xml"],
    "meeting": ["/spotkania/archiwum/2026/", "/spotkania/kalendarz.ics", "/dane/spotkania.json", "/sitemap.xml"],
    "institution": ["/partnerzy/", "/dane/instytucje.json", "/sitemap.xml"],
}


@pytest.mark.parametrize("kind", ["post", "page", "meeting", "institution"])
def test_a_deleted_object_leaves_every_public_place_and_comes_back_whole(kind, admin_client, content, trash, restore):
    obj = content[kind]
    reader = Client()
    address = obj.get_absolute_url()
    # Read once, so the pages are in the page cache when the delete happens.
    assert reader.get(address).status_code == 200
    for url in PUBLIC[kind]:
        assert address in reader.get(url).text

    response = trash(admin_client, obj)
    assert response.status_code == 302
    obj = type(obj).all_objects.get(pk=obj.pk)
    assert obj.deleted_at is not None and obj.deleted_by.email == "alice@pup.example"
    assert reader.get(address).status_code == 404
    for url in PUBLIC[kind]:
        assert address not in reader.get(url).text, url
    assert not in_search(obj)
    assert not type(obj).objects.filter(pk=obj.pk).exists()
    listing = admin_client.get("/admin/kosz/")
    assert str(obj) in listing.text and address in listing.text

    page = restore(admin_client, obj)
    assert "Przywrócono z kosza" in page.text
    assert reader.get(address).status_code == 200
    for url in PUBLIC[kind]:
        assert address in reader.get(url).text, url
    assert in_search(obj)
    assert str(obj) not in admin_client.get("/admin/kosz/").text


def test_the_confirmation_says_the_post_can_come_back_and_for_how_long(admin_client, content, settings):
    settings.TRASH_DAYS = 14
    page = admin_client.get(f"/admin/news/post/{content['post'].pk}/delete/")
    assert "Przenieść do kosza wpis „Targi pracy w Nasielsku”?" in page.text
    assert "Przez 14 dni można go przywrócić" in page.text
    assert "Tak, przenieś do kosza" in page.text
    response = admin_client.post(f"/admin/news/post/{content['post'].pk}/delete/", {"post": "yes"}, follow=True)
    assert "Przeniesiono do kosza wpis „Targi pracy w Nasielsku”. Przez 14 dni można go przywrócić" in response.text


def test_the_bulk_delete_moves_every_selected_post_to_the_trash(admin_client, make_post):
    posts = [make_post() for _ in range(3)]
    data = {"action": "delete_selected", "_selected_action": [p.pk for p in posts]}
    assert "Przenieś zaznaczone wpisy do kosza" in admin_client.get("/admin/news/post/").text
    question = admin_client.post("/admin/news/post/", data)
    assert "Przenieść do kosza 3 wpisy?" in question.text
    assert "można je przywrócić" in question.text
    assert 'value="Tak, przenieś do kosza"' in question.text
    assert "Czy na pewno usunąć" not in question.text
    done = admin_client.post("/admin/news/post/", {**data, "post": "yes"}, follow=True)
    assert "Przeniesiono do kosza 3 wpisy." in done.text
    assert Post.objects.count() == 0
    assert Post.all_objects.filter(deleted_at__isnull=False).count() == 3


def test_comments_and_related_meetings_come_back_with_the_post(admin_client, content, bob, trash, restore):
    post, meeting = content["post"], content["meeting"]
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Dobry wpis.", status="approved")
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Czeka na zatwierdzenie.", status="pending")
    meeting.related_posts.add(post)
    assert "1 komentarz czeka" in admin_client.get("/admin/").text
    trash(admin_client, post)
    assert list(meeting.related_posts.all()) == []
    assert Comment.objects.filter(post_id=post.pk).count() == 2  # kept while in the trash
    # ...but out of the moderators' list and to-do count, like the post itself
    assert "Dobry wpis." not in admin_client.get("/admin/news/comment/").text
    assert "Czeka na zatwierdzenie." not in admin_client.get("/admin/news/comment/?status__exact=pending").text
    assert "komentarz czeka" not in admin_client.get("/admin/").text
    restore(admin_client, post)
    assert "Dobry wpis." in admin_client.get("/admin/news/comment/").text
    assert list(meeting.related_posts.all()) == [post]
    assert "Dobry wpis." in admin_client.get(post.get_absolute_url()).text


def test_a_restored_page_keeps_its_place_in_the_tree_and_its_menu_item(admin_client, content, trash, restore):
    parent = content["page"]
    child = Page.objects.create(title="Szczegóły", slug="szczegoly", parent=parent, position=3)
    MenuItem.objects.create(label="Szczegóły celów", page=child)
    reader = Client()
    assert "Szczegóły celów" in reader.get("/").text

    refused = trash(admin_client, parent)  # a page with subpages stays
    assert "Nie można przenieść strony „Cele partnerstwa” do kosza" in refused.text
    assert Page.objects.filter(pk=parent.pk).exists()

    trash(admin_client, child)
    assert "Szczegóły celów" not in reader.get("/").text
    trash(admin_client, parent)
    # A subpage cannot come back while the page above it is in the trash.
    page = restore(admin_client, child)
    assert "Nie można przywrócić strony „Szczegóły”: jej strona nadrzędna „Cele partnerstwa” też jest w koszu." in (
        page.text
    )
    restore(admin_client, parent)
    restore(admin_client, child)
    child.refresh_from_db()
    assert (child.parent_id, child.position, child.get_absolute_url()) == (parent.pk, 3, "/cele/szczegoly/")
    assert reader.get("/cele/szczegoly/").status_code == 200
    assert "Szczegóły celów" in reader.get("/").text


def test_an_address_taken_meanwhile_is_a_clear_message_on_restore(admin_client, content, make_post, trash, restore):
    post = content["post"]
    trash(admin_client, post)
    # The trashed post gave its address up: a new one takes it, through the admin's own form.
    newer = make_post(title="Targi pracy (nowe)", slug="targi-pracy")
    response = restore(admin_client, post)
    assert response.status_code == 200
    assert (
        "Nie można przywrócić wpisu „Targi pracy w Nasielsku”: pod jego adresem /aktualnosci/targi-pracy/ "
        "jest teraz wpis „Targi pracy (nowe)”." in response.text
    )
    assert Post.all_objects.get(pk=post.pk).deleted_at is not None
    newer.slug = "targi-pracy-nowe"
    newer.save()
    assert "Przywrócono z kosza" in restore(admin_client, post).text


def test_an_institution_that_signed_an_agreement_is_not_trashed(
    admin_client, content, make_agreement, make_person, trash
):
    institution = content["institution"]
    agreement = make_agreement()
    Signature.objects.create(agreement=agreement, person=make_person(), institution=institution, function="Wójt")
    page = trash(admin_client, institution)
    assert "Nie można przenieść instytucji „Gminny Ośrodek Pomocy Społecznej” do kosza" in page.text
    assert Institution.objects.filter(pk=institution.pk).exists()


def test_a_report_leaves_the_search_with_its_meeting(
    admin_client, content, django_capture_on_commit_callbacks, trash, restore
):
    meeting = content["meeting"]
    with django_capture_on_commit_callbacks(execute=True):
        report = Report.objects.create(
            meeting=meeting, body="<p>Relacja.</p>", status=Report.Status.PUBLISHED, published_at=timezone.now()
        )
    assert in_search(report)
    trash(admin_client, meeting)
    assert not in_search(report)
    restore(admin_client, meeting)
    assert in_search(report)


def test_who_may_delete_may_restore_and_nobody_else(client, content, staff_in_role):
    post, institution = content["post"], content["institution"]
    post.move_to_trash()
    institution.move_to_trash()
    client.force_login(staff_in_role("Redaktor"))
    assert 'href="/admin/kosz/"' in client.get("/admin/").text
    listing = client.get("/admin/kosz/")
    assert post.title in listing.text
    assert institution.name not in listing.text  # only an Administrator deletes institutions
    assert client.post(f"/admin/kosz/members.institution/{institution.pk}/przywroc/").status_code == 403
    assert client.get(f"/admin/kosz/members.institution/{institution.pk}/usun-na-zawsze/").status_code == 403

    client.force_login(staff_in_role("Moderator"))
    assert "/admin/kosz/" not in client.get("/admin/").text
    assert client.get("/admin/kosz/").status_code == 403
    assert client.post(f"/admin/kosz/news.post/{post.pk}/przywroc/").status_code == 403
    assert Post.all_objects.get(pk=post.pk).deleted_at is not None


def test_the_kosz_answers_bad_addresses_with_a_4xx(admin_client, content):
    assert admin_client.get("/admin/kosz/auth.user/1/przywroc/").status_code == 405
    assert admin_client.post("/admin/kosz/auth.user/1/przywroc/").status_code == 404
    gone = admin_client.post(f"/admin/kosz/news.post/{content['post'].pk}/przywroc/", follow=True)
    assert "Tego wpisu nie ma już w koszu" in gone.text  # it was never there


def test_delete_for_good_from_the_kosz_asks_first(admin_client, content, bob, trash):
    post = content["post"]
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Dobry wpis.")
    trash(admin_client, post)
    url = f"/admin/kosz/news.post/{post.pk}/usun-na-zawsze/"
    question = admin_client.get(url)
    assert "Usunąć na zawsze wpis „Targi pracy w Nasielsku”? Tego nie można cofnąć." in question.text
    assert "Bob: Dobry wpis." in question.text
    done = admin_client.post(url, follow=True)
    assert "Usunięto na zawsze wpis „Targi pracy w Nasielsku”." in done.text
    assert not Post.all_objects.filter(pk=post.pk).exists()
    assert not Comment.objects.filter(post_id=post.pk).exists()


def test_the_daily_duties_delete_for_good_after_trash_days_and_not_before(db, alice, content, settings):
    settings.TRASH_DAYS = 30
    start = timezone.now()
    post, page, meeting = content["post"], content["page"], content["meeting"]
    child = Page.objects.create(title="Podstrona", slug="pod", parent=page)
    record_change(post, alice, created=True)
    with time_machine.travel(start, tick=False):
        for obj in [child, page, meeting]:
            obj.move_to_trash(alice)
    with time_machine.travel(start + datetime.timedelta(days=10), tick=False):
        post.move_to_trash(alice)

    with time_machine.travel(start + datetime.timedelta(days=30, hours=-1), tick=False):
        call_command("daily", stdout=io.StringIO())
    assert Page.all_objects.count() == 2 and Meeting.all_objects.count() == 1

    out = io.StringIO()
    with time_machine.travel(start + datetime.timedelta(days=30, hours=1), tick=False):
        call_command("daily", stdout=out)
    assert not Page.all_objects.exists()  # the subpage first, then the page above it
    assert not Meeting.all_objects.exists()
    assert Post.all_objects.filter(pk=post.pk).exists()  # ten days fewer in the trash
    assert "Deleted 2 pages from the trash." in out.getvalue()

    with time_machine.travel(start + datetime.timedelta(days=40, hours=1), tick=False):
        call_command("daily", stdout=io.StringIO())
    assert not Post.all_objects.exists()
    assert not ChangeRecord.objects.filter(object_id=post.pk, content_type__model="post").exists()
    assert Institution.objects.filter(pk=content["institution"].pk).exists()  # never in the trash


def test_the_kosz_costs_the_same_queries_for_one_object_as_for_many(
    admin_client, make_post, django_assert_max_num_queries
):
    def kosz_queries():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get("/admin/kosz/").status_code == 200
        return len(queries)

    make_post().move_to_trash()
    Page.objects.create(title="Strona", slug="strona").move_to_trash()
    one = kosz_queries()
    for n in range(10):
        make_post().move_to_trash()
        Page.objects.create(title=f"Strona {n}", slug=f"strona-{n}").move_to_trash()
        Meeting.objects.create(title=f"Spotkanie {n}", date=datetime.date(2026, 1, 1 + n)).move_to_trash()
    with django_assert_max_num_queries(one):
        assert admin_client.get("/admin/kosz/").status_code == 200


def test_a_readers_account_and_the_agreement_link_nothing_in_the_trash(
    client, content, bob, make_agreement, django_capture_on_commit_callbacks
):
    from news.models import Rating

    post, meeting = content["post"], content["meeting"]
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Dobry wpis.", status="approved")
    Rating.objects.create(post=post, user=bob, value=5)
    agreement = make_agreement(occasion="Spotkanie partnerów", meeting=meeting)
    client.force_login(bob)
    assert client.get("/konto/").text.count(post.get_absolute_url()) == 2
    assert meeting.get_absolute_url() in Client().get(agreement.get_absolute_url()).text
    with django_capture_on_commit_callbacks(execute=True):
        post.move_to_trash()
        meeting.move_to_trash()
    assert post.get_absolute_url() not in client.get("/konto/").text
    assert "Dobry wpis." in client.get("/konto/moje-dane.json").content.decode()  # the export keeps everything
    assert meeting.get_absolute_url() not in Client().get(agreement.get_absolute_url()).text


def test_the_post_form_refuses_a_taken_address_and_accepts_a_trashed_ones(admin_client, make_post):
    from news.tests.test_admin import post_form

    draft = make_post(title="Szkic", slug="szkic", status=Post.Status.DRAFT)
    other = make_post(title="Inny wpis", slug="inny-wpis")
    url = f"/admin/news/post/{draft.pk}/change/"
    data = post_form(draft.category, title="Szkic", slug="inny-wpis", status="draft")
    refused = admin_client.post(url, data)
    assert refused.status_code == 200
    assert "Inny wpis ma już ten adres (slug). Wybierz inny." in refused.text
    other.move_to_trash()
    assert admin_client.post(url, data).status_code == 302
    assert Post.objects.get(pk=draft.pk).slug == "inny-wpis"


def test_pages_with_subpages_are_refused_in_bulk_and_for_good_until_the_subpages_go(admin_client, trash):
    parent = Page.objects.create(title="Działania", slug="dzialania")
    child = Page.objects.create(title="Warsztaty", slug="warsztaty", parent=parent)
    data = {"action": "delete_selected", "_selected_action": [parent.pk], "post": "yes"}
    refused = admin_client.post("/admin/pages/page/", data)
    assert "Nie można przenieść 1 strony do kosza, dopóki są te powiązane obiekty" in refused.text
    assert "Strona: Warsztaty" in refused.text
    assert Page.objects.filter(pk=parent.pk).exists()

    trash(admin_client, child)
    trash(admin_client, parent)
    question = admin_client.get(f"/admin/kosz/pages.page/{parent.pk}/usun-na-zawsze/")
    assert "Nie można usunąć na zawsze strony „Działania”, dopóki są te powiązane obiekty" in question.text
    admin_client.post(f"/admin/kosz/pages.page/{parent.pk}/usun-na-zawsze/")
    assert Page.all_objects.filter(pk=parent.pk).exists()
    admin_client.post(f"/admin/kosz/pages.page/{child.pk}/usun-na-zawsze/")
    admin_client.post(f"/admin/kosz/pages.page/{parent.pk}/usun-na-zawsze/")
    assert not Page.all_objects.exists()
