"""An Administrator invites someone from a gmina with the role „Osoba z instytucji partnerskiej” and its institution."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from accounts.roles import ADMINISTRATOR, PARTNER, REDAKTOR
from adminsite.tests.forms import change_form_data
from members.models import InstitutionAccount


@pytest.fixture
def administrator(client, staff_in_role):
    user = staff_in_role(ADMINISTRATOR, email="kierowniczka@pup.example")
    client.force_login(user)
    return user


@pytest.fixture
def gmina(make_institution):
    return make_institution(name="Urząd Gminy Leoncin")


def invite(client, in_background, **fields):
    data = {"first_name": "Ewa", "last_name": "Lis", "email": "ewa.lis@leoncin.example", "role": PARTNER}
    data.update(fields)
    with in_background():
        return client.post("/admin/auth/user/add/", data)


def test_the_invitation_gives_the_role_and_the_institution(client, administrator, gmina, in_background):
    page = client.get("/admin/auth/user/add/").text
    assert "Instytucja partnerska" in page and f"{PARTNER} – wpisy i spotkania jednej instytucji partnerskiej" in page
    assert invite(client, in_background, institution=gmina.pk).status_code == 302
    [invitation] = mail.outbox
    assert f"z rolą „{PARTNER}” (wpisy i spotkania jednej instytucji partnerskiej" in invitation.body
    assert "dla instytucji „Urząd Gminy Leoncin”." in invitation.body
    user = get_user_model().objects.get(email="ewa.lis@leoncin.example")
    assert user.is_staff and user.groups.get().name == PARTNER
    assert InstitutionAccount.objects.get(user=user).institution == gmina
    assert user.has_perm("members.limit_institutionaccount")


def test_the_role_without_an_institution_is_refused_in_polish(client, administrator, gmina, in_background):
    response = invite(client, in_background)
    assert response.status_code == 200
    assert "Wybierz instytucję, dla której będzie pracować osoba z instytucji partnerskiej." in response.text
    assert not get_user_model().objects.filter(email="ewa.lis@leoncin.example").exists()


def test_another_role_drops_the_institution(client, administrator, gmina, staff_in_role):
    user = staff_in_role(PARTNER, email="ewa.lis@leoncin.example")
    InstitutionAccount.objects.create(user=user, institution=gmina)
    url = f"/admin/auth/user/{user.pk}/change/"
    page = client.get(url)
    assert f'value="{gmina.pk}" selected' in page.text
    data = change_form_data(page) | {"role": REDAKTOR}
    assert client.post(url, data).status_code == 302
    assert not InstitutionAccount.objects.filter(user=user).exists()
    user = get_user_model().objects.get(pk=user.pk)
    assert user.groups.get().name == REDAKTOR and not user.has_perm("members.limit_institutionaccount")


def test_the_administrator_role_is_never_limited(administrator):
    assert not administrator.has_perm("members.limit_institutionaccount")
    assert administrator.has_perm("news.publish_post")
