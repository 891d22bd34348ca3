"""The check panel's endpoint is for staff who edit rich text: one who only moderates comments gets 403."""

import pytest
from django.contrib.auth.models import Group, Permission

from accounts.roles import MODERATOR, REDAKTOR

FORBIDDEN = {"error": "Sprawdzanie treści jest dostępne dla osób, które redagują treści."}


@pytest.fixture
def staff_in(db, django_user_model, client):
    def make(role):
        user = django_user_model.objects.create_user(
            username=f"{role.lower()}@pup.example", email=f"{role.lower()}@pup.example", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
        return client

    return make


def test_staff_who_only_moderate_comments_get_403(client, django_user_model):
    moderator = django_user_model.objects.create_user(username="ewa@pup.example", is_staff=True)
    moderator.user_permissions.set(Permission.objects.filter(codename__in=["view_comment", "change_comment"]))
    client.force_login(moderator)
    response = client.post("/admin/sprawdz-tresc/", {"html": "<p>Tekst.</p>"})
    assert response.status_code == 403
    assert response.json() == FORBIDDEN


def test_a_moderator_gets_the_findings_for_the_institution_they_complete(staff_in):
    response = staff_in(MODERATOR).post("/admin/sprawdz-tresc/", {"html": "<p>Krótki tekst bez błędów.</p>"})
    assert response.status_code == 200


def test_staff_who_may_only_view_get_403(client, django_user_model):
    viewer = django_user_model.objects.create_user(username="viewer@pup.example", is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename__in=["view_post", "view_page"]))
    client.force_login(viewer)
    assert client.post("/admin/sprawdz-tresc/", {"html": "<p>Tekst.</p>"}).json() == FORBIDDEN


def test_a_redaktor_gets_the_findings(staff_in):
    response = staff_in(REDAKTOR).post("/admin/sprawdz-tresc/", {"html": "<p>Krótki tekst bez błędów.</p>"})
    assert response.status_code == 200
    assert "Nie znaleziono problemów z dostępnością." in response.json()["html"]


def test_staff_who_may_change_one_rich_text_model_get_the_findings(client, django_user_model):
    newsletter = django_user_model.objects.create_user(username="newsletter@pup.example", is_staff=True)
    newsletter.user_permissions.set(Permission.objects.filter(codename="change_issue"))
    client.force_login(newsletter)
    assert client.post("/admin/sprawdz-tresc/", {"html": "<p>Tekst.</p>"}).status_code == 200


def test_a_redaktor_is_still_slowed_down_by_the_rate_limit(staff_in):
    from adminsite.content_checks import CHECKS_PER_MINUTE

    client = staff_in(REDAKTOR)
    for _ in range(CHECKS_PER_MINUTE):
        client.post("/admin/sprawdz-tresc/", {"html": "<p>x</p>"})
    assert client.post("/admin/sprawdz-tresc/", {"html": "<p>x</p>"}).status_code == 429
