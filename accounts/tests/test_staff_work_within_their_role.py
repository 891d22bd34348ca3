"""The three roles made by the accounts migration: each person does their job and no more."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from accounts.roles import ADMINISTRATOR, MODERATOR, REDAKTOR
from news.models import Comment, Post


@pytest.fixture
def person_in(db, django_user_model, client):
    """A logged-in staff member whose only permissions come from one role."""

    def make(role):
        user = django_user_model.objects.create_user(
            username=f"{role.lower()}@pup.example",
            email=f"{role.lower()}@pup.example",
            password="x" * 12,
            is_staff=True,
        )
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return make


def codenames(role):
    perms = Group.objects.get(name=role).permissions.select_related("content_type")
    return {f"{p.content_type.app_label}.{p.codename}" for p in perms}


def test_a_fresh_database_has_the_three_roles_with_their_permissions(db):
    redaktor, moderator = codenames(REDAKTOR), codenames(MODERATOR)
    assert {
        "news.add_post",
        "news.change_post",
        "meetings.add_report",
        "meetings.add_photo",
        "meetings.change_document",
        "news.add_category",
    } <= redaktor
    assert {"pages.change_coordinator", "pages.change_accessibilitystatement", "members.change_institution"} <= redaktor
    assert {"pages.add_coordinator", "pages.add_accessibilitystatement"} <= redaktor  # a fresh site has neither
    assert not {p for p in redaktor if p.startswith(("newsletter.", "auth.", "members.change_accessionrequest"))}
    assert "news.change_comment" not in redaktor and "members.delete_institution" not in redaktor
    partners = {
        f"members.{action}_{model}" for model in ("institution", "person") for action in ("add", "change", "view")
    } | {f"members.{action}_office" for action in ("add", "change", "delete", "view")}
    partners.add("members.approve_institutionchange")  # what a partner's own account proposes
    assert moderator == {
        "news.change_comment",
        "news.delete_comment",
        "news.view_comment",
        "members.change_accessionrequest",
        "members.view_accessionrequest",
        "accessibility.change_accessibilityrequest",
        "accessibility.view_accessibilityrequest",
        "accessibility.view_caseevent",
        *partners,
    }
    # Everything but the mark of an account limited to one partner institution (members/partner_access.py).
    assert len(codenames(ADMINISTRATOR)) == Permission.objects.count() - 1
    assert "members.limit_institutionaccount" not in codenames(ADMINISTRATOR)
    assert {"newsletter.change_issue", "auth.change_user", "mfa.delete_authenticator"} <= codenames(ADMINISTRATOR)


def test_the_migration_makes_the_roles_with_the_models_of_its_time(db):
    """Run on the historical models, as on a fresh database (permissions created first)."""
    import importlib

    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    Group.objects.filter(name__in=[REDAKTOR, MODERATOR, ADMINISTRATOR]).delete()
    Permission.objects.filter(content_type__app_label="news").delete()
    migration = importlib.import_module("accounts.migrations.0001_create_roles")
    state = MigrationLoader(connection).project_state(("accounts", "0001_create_roles"), at_end=False)
    with connection.schema_editor() as editor:
        migration.create_roles(state.apps, editor)
    assert {"news.add_post", "news.change_post"} <= codenames(REDAKTOR)
    assert "news.change_comment" in codenames(MODERATOR)


def test_migrate_brings_roles_back_to_their_permissions(db):
    Group.objects.get(name=REDAKTOR).permissions.clear()
    call_command("migrate", verbosity=0)
    assert "news.add_post" in codenames(REDAKTOR)


def test_redaktor_adds_a_post_but_sees_no_comments_or_newsletter(person_in, category, make_post, bob):
    Comment.objects.create(post=make_post(), user=bob, author_name="Bob", body="Czekam na moderację.")
    client = person_in(REDAKTOR)
    response = client.post(
        "/admin/news/post/add/",
        {
            "title": "Nabór do projektu",
            "slug": "nabor-do-projektu",
            "category": category.pk,
            "lead": "",
            "body": "<p>Treść.</p>",
            "image_alt": "",
            "status": Post.Status.DRAFT,
            "published_at_0": "2026-12-01",
            "published_at_1": "10:00",
        },
    )
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert Post.objects.filter(slug="nabor-do-projektu").exists()

    assert client.get("/admin/news/comment/").status_code == 403
    assert client.get("/admin/newsletter/issue/").status_code == 403
    home = client.get("/admin/").text
    assert "Komentarze" not in home and "Newsletter" not in home and "Wpisy" in home
    assert "na moderację" not in home


def test_moderator_approves_comments_but_cannot_edit_posts(person_in, make_post, bob):
    post = make_post()
    comment = Comment.objects.create(post=post, user=bob, author_name="Bob", body="Czy będzie nabór?")
    client = person_in(MODERATOR)

    response = client.post("/admin/news/comment/", {"action": "approve", "_selected_action": [comment.pk]}, follow=True)
    assert "Zatwierdzone komentarze: 1." in response.text
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    assert client.get(f"/admin/news/post/{post.pk}/change/").status_code == 403
    assert client.post(f"/admin/news/post/{post.pk}/change/", {"title": "Zmieniony"}).status_code == 403
    assert client.get("/admin/members/accessionrequest/").status_code == 200
    assert "1 komentarz czeka na moderację" not in client.get("/admin/").text  # approved already


def test_a_refusal_inside_the_admin_is_an_admin_page_with_a_way_back(person_in):
    response = person_in(REDAKTOR).get("/admin/news/comment/")
    assert response.status_code == 403
    html = response.text
    assert "<h1>Brak dostępu</h1>" in html
    assert "Partnerstwo Lokalne – administracja" in html  # the admin's header
    assert 'href="/admin/">Wróć do strony głównej panelu</a>' in html
    assert "poproś administratora portalu o nadanie odpowiedniej roli" in html


def test_only_those_who_moderate_see_the_reply_link_under_a_comment(person_in, make_post, bob):
    post = make_post()
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Pytanie.", status=Comment.Status.APPROVED)
    assert "Odpowiedz jako Partnerstwo" not in person_in(REDAKTOR).get(post.get_absolute_url()).text
    assert "Odpowiedz jako Partnerstwo" in person_in(MODERATOR).get(post.get_absolute_url()).text


@pytest.mark.parametrize("role", [REDAKTOR, MODERATOR, ADMINISTRATOR])
def test_no_link_on_a_roles_admin_home_leads_to_a_refusal(person_in, role, make_post, bob):
    """On a fresh site too, where the to-do list asks for the coordinator's data and the statement."""
    import re

    Comment.objects.create(post=make_post(), user=bob, author_name="Bob", body="Pytanie.")
    client = person_in(role)
    links = set(re.findall(r'href="(/admin/[^"]*)"', client.get("/admin/").text)) - {"/admin/logout/"}
    assert links
    refused = [link for link in sorted(links) if client.get(link.replace("&amp;", "&")).status_code == 403]
    assert refused == []
