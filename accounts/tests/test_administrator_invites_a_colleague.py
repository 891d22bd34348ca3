"""„Dodaj pracownika”: an Administrator adds a colleague by e-mail with a role; the colleague sets
the password from the invitation and signs in with the confirmed address."""

import datetime
import re

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core import mail

from accounts.roles import ADMINISTRATOR, MODERATOR, REDAKTOR

NEW_PASSWORD = "Nasielsk-rynek-pracy-2027"
STOCK_TEXTS = ["Nazwa użytkownika", "SSO", "LDAP", "Nieużywalne", "nieużywalne", "pbkdf2", "hash", "uwierzytelni"]


@pytest.fixture
def administrator(client, staff_in_role):
    user = staff_in_role(ADMINISTRATOR, email="kierowniczka@pup.example")
    user.first_name, user.last_name = "Beata", "Nowak"
    user.save()
    client.force_login(user)
    return user


def invite(client, in_background, **fields):
    data = {"first_name": "Anna", "last_name": "Kowalska", "email": "Anna.Kowalska@PUP.example", "role": REDAKTOR}
    data.update(fields)
    with in_background():
        return client.post("/admin/auth/user/add/", data, follow=True)


def test_the_add_page_asks_for_a_name_an_address_and_a_role(client, administrator):
    html = client.get("/admin/auth/user/").text
    assert ">Dodaj pracownika</a>" in html
    response = client.get("/admin/auth/user/add/")
    html = response.text
    assert response.status_code == 200
    assert "<h1>Dodaj pracownika</h1>" in html
    for label in ("Imię", "Nazwisko", "Adres e-mail", "Rola"):
        assert re.search(rf">{label}:?</(label|legend)>", html), label
    assert 'aria-describedby="_helptext"' not in html
    assert "Redaktor – wpisy, strony i menu" in html and "Moderator – komentarze" in html
    assert "Administrator – wszystko" in html
    assert 'name="password' not in html and 'name="username"' not in html
    assert not [text for text in STOCK_TEXTS if text in html]


def test_an_invited_colleague_has_a_confirmed_address_a_role_and_no_password_yet(
    client, administrator, in_background, settings
):
    settings.OFFICE_EMAIL = "partnerstwo@pup.example"
    response = invite(client, in_background)

    assert response.redirect_chain[-1][0] == "/admin/auth/user/"
    assert (
        "Dodano pracownika „Anna Kowalska”. Zaproszenie z linkiem do ustawienia hasła (ważnym przez 3 dni) "
        "zostanie wysłane na adres anna.kowalska@pup.example w ciągu kilku minut."
    ) in response.text
    anna = Group.objects.get(name=REDAKTOR).user_set.get(email="anna.kowalska@pup.example")
    assert anna.is_staff and not anna.is_superuser and anna.is_active
    assert not anna.has_usable_password()
    assert anna.username == "anna.kowalska@pup.example"
    assert list(EmailAddress.objects.filter(user=anna).values_list("email", "verified", "primary")) == [
        ("anna.kowalska@pup.example", True, True)
    ]

    [letter] = mail.outbox
    assert letter.to == ["anna.kowalska@pup.example"]
    assert letter.reply_to == ["partnerstwo@pup.example"]
    assert "kierowniczka@pup.example" not in letter.message().as_string()
    assert letter.subject == "Konto w panelu portalu Partnerstwa Lokalnego: ustaw hasło"
    assert letter.body.startswith("Dzień dobry,\n\nw panelu administracyjnym portalu")
    assert "z rolą „Redaktor” (wpisy, strony i menu," in letter.body
    assert "Link działa przez 3 dni i tylko raz." in letter.body
    assert letter.alternatives[0].mimetype == "text/html"


def test_the_colleague_sets_a_password_from_the_link_and_signs_in(client, administrator, in_background):
    invite(client, in_background)
    client.logout()
    url = re.search(r"http://\S+/konto/haslo/nowe/klucz/\S+", mail.outbox[0].body).group()

    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "<h1>Ustaw hasło do panelu</h1>" in response.text
    assert 'name="password1"' in response.text
    response = client.post(
        response.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}, follow=True
    )
    assert response.redirect_chain[0][0] == "/admin/"  # then the login, which comes back to the admin

    response = client.post(
        "/konto/zaloguj/", {"login": "anna.kowalska@pup.example", "password": NEW_PASSWORD, "next": "/admin/"}
    )
    assert response["Location"] == "/admin/"
    home = client.get("/admin/")
    assert home.status_code == 200
    assert "Wpisy" in home.text and "Newsletter" not in home.text

    client.logout()
    spent = client.get(url)
    assert spent.status_code == 410
    assert spent.context["token_fail"]


def test_the_link_stops_working_after_three_days(client, administrator, in_background):
    start = datetime.datetime(2026, 12, 5, 9, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        invite(client, in_background)
    url = re.search(r"http://\S+/konto/haslo/nowe/klucz/\S+", mail.outbox[0].body).group()
    client.logout()
    with time_machine.travel(start + datetime.timedelta(days=3, minutes=1), tick=False):
        response = client.get(url)
    assert response.status_code == 410
    assert response.context["token_fail"]
    assert "<h1>Link już nie działa</h1>" in response.text
    assert "poprosić osobę z rolą Administrator o ponowne zaproszenie" in response.text
    assert 'name="password1"' not in response.text


def test_a_taken_address_or_a_missing_role_is_refused_with_what_was_typed_kept(
    client, administrator, bob, in_background
):
    response = invite(client, in_background, email="BOB@example.com")
    assert response.status_code == 200
    assert "Konto z tym adresem e-mail już istnieje. Aby nadać mu rolę, otwórz je na liście użytkowników." in (
        response.text
    )
    assert 'value="Kowalska"' in response.text

    response = invite(client, in_background, role="", email="ewa@pup.example")
    assert "Wybierz rolę." in response.text
    response = invite(client, in_background, role="Superbohater", email="ewa@pup.example")
    assert response.status_code == 200
    assert not mail.outbox


def test_the_user_list_shows_names_addresses_roles_and_last_logins(
    client, administrator, staff_in_role, bob, django_assert_max_num_queries
):
    moderator = staff_in_role(MODERATOR)
    moderator.first_name, moderator.last_name = "Marek", "Zieliński"
    moderator.save()
    with django_assert_max_num_queries(12):
        html = client.get("/admin/auth/user/").text
    assert "Marek Zieliński" in html and "moderator@pup.example" in html
    assert '<td class="field-roles">Moderator</td>' in html
    assert '<td class="field-roles">konto czytelnika</td>' in html
    assert "jeszcze nie" in html  # never signed in
    assert "Nazwa użytkownika" not in html
    for n in range(8):
        staff_in_role(REDAKTOR, email=f"redaktor{n}@pup.example")
    with django_assert_max_num_queries(12):
        html = client.get("/admin/auth/user/").text
    assert html.count('<td class="field-roles">Redaktor</td>') == 8
    assert "Marek Zieliński" in client.get("/admin/auth/user/?q=Zielińskiego").text


def test_a_role_is_changed_with_the_same_picker(client, administrator, bob, staff_in_role):
    redaktor = staff_in_role(REDAKTOR)
    page = client.get(f"/admin/auth/user/{redaktor.pk}/change/").text
    assert "Bez roli – konto czytelnika" in page
    assert re.search(r'value="Redaktor" id="id_role_0" checked', page)
    assert not [text for text in STOCK_TEXTS if text in page]

    response = client.post(
        f"/admin/auth/user/{redaktor.pk}/change/",
        {"first_name": "Anna", "last_name": "Kowalska", "role": MODERATOR, "is_active": "on"},
    )
    assert response.status_code == 302
    assert [g.name for g in redaktor.groups.all()] == [MODERATOR]

    client.post(f"/admin/auth/user/{bob.pk}/change/", {"first_name": "Bob", "last_name": "", "role": REDAKTOR})
    bob.refresh_from_db()
    assert bob.is_staff and not bob.is_active  # a role, and the box left unticked
    client.post(f"/admin/auth/user/{bob.pk}/change/", {"first_name": "Bob", "role": "", "is_active": "on"})
    bob.refresh_from_db()
    assert not bob.is_staff and not bob.groups.exists()


def test_nobody_takes_away_their_own_administrator_role(client, administrator):
    response = client.post(
        f"/admin/auth/user/{administrator.pk}/change/", {"first_name": "Beata", "last_name": "Nowak", "role": REDAKTOR}
    )
    assert response.status_code == 200
    assert "Własnej roli nie można zmienić: poproś o to inną osobę z rolą Administrator." in response.text
    assert "Własnego konta nie można wyłączyć." in response.text
    administrator.refresh_from_db()
    assert administrator.is_active and administrator.groups.get().name == ADMINISTRATOR


def test_an_invitation_is_sent_again_from_the_list(client, administrator, staff_in_role, bob, in_background):
    moderator = staff_in_role(MODERATOR)
    moderator.set_unusable_password()  # invited, never came
    moderator.save()
    redaktor = staff_in_role(REDAKTOR)  # has a password: recovers it herself
    with in_background():
        response = client.post(
            "/admin/auth/user/",
            {"action": "send_invitations", "_selected_action": [moderator.pk, redaktor.pk, bob.pk]},
            follow=True,
        )
    assert "Zaproszenie z nowym linkiem do ustawienia hasła zostanie wysłane do 1 osoby" in response.text
    assert "pozostałe zaznaczone konta pominięto" in response.text
    assert [m.to for m in mail.outbox] == [["moderator@pup.example"]]
    assert "z rolą „Moderator”" in mail.outbox[0].body


def test_only_an_administrator_adds_colleagues(client, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    assert client.get("/admin/auth/user/add/").status_code == 403
    assert client.get("/admin/auth/user/").status_code == 403
