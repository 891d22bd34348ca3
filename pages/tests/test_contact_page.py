"""/kontakt/: the coordinator's contacts, honest when staff have not filled them in yet."""

import pytest

from pages.models import Coordinator


def test_with_nothing_filled_in_the_page_names_the_coordinator_and_invents_nothing(client, db):
    Coordinator.objects.create()
    response = client.get("/kontakt/")
    assert response.status_code == 200
    html = response.text
    assert "<h1>Kontakt</h1>" in html
    assert "Partnerstwo Lokalne koordynuje Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim." in html
    assert "zostaną podane" not in html  # nothing promised
    # Without the data protection officer's contacts: plainly, write to the controller.
    assert (
        "Administratorem danych jest Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim. W sprawach danych "
        "osobowych można do niego pisać, z dopiskiem „do inspektora ochrony danych”."
    ) in html
    assert "inspektora ochrony danych zostaną podane" not in html
    main = html.split('<main id="tresc"')[1].split("</main>")[0]
    assert "tel:" not in main and "mailto:" not in main


def test_the_page_works_before_the_coordinator_row_exists(client, db):
    response = client.get("/kontakt/")
    assert response.status_code == 200
    assert "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim" in response.text


@pytest.fixture
def filled(db):
    return Coordinator.objects.create(
        address="ul. Przykładowa 1\n00-000 Przykładowo",
        phone="22 000 00 00",
        email="kontakt@pup.example.gov.pl",
        office_hours="poniedziałek–piątek 8:00–16:00",
        dpo_name="Inspektor Przykładowy",
        dpo_email="iod@pup.example.gov.pl",
    )


def test_filled_in_contacts_appear_on_the_page(client, filled):
    html = client.get("/kontakt/").text
    assert "ul. Przykładowa 1<br>00-000 Przykładowo" in html
    assert '<a href="tel:220000000">22 000 00 00</a>' in html
    assert '<a href="mailto:kontakt@pup.example.gov.pl">' in html
    assert "poniedziałek–piątek 8:00–16:00" in html
    assert "Inspektor Przykładowy" in html
    assert '<a href="mailto:iod@pup.example.gov.pl">' in html
    assert "zostaną podane" not in html


def test_every_footer_links_to_the_contact_page_and_shows_the_filled_contacts(client, filled):
    footer = client.get("/aktualnosci/").text.split('<footer class="site-footer">')[1]
    assert '<a href="/kontakt/">Kontakt</a>' in footer
    assert 'tel. <a href="tel:220000000">22 000 00 00</a>' in footer
    assert 'Inspektor ochrony danych: <a href="mailto:iod@pup.example.gov.pl">' in footer
    assert "Godziny pracy: poniedziałek–piątek 8:00–16:00" in footer


def test_staff_fill_in_the_data_protection_officer_in_the_admin(admin_client, client, db):
    Coordinator.objects.create()
    response = admin_client.post(
        "/admin/pages/coordinator/1/change/",
        {
            "name": "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
            "dpo_email": "iod@pup.example.gov.pl",
            "dpo_phone": "",
            "dpo_name": "",
        },
    )
    assert response.status_code == 302
    assert '<a href="mailto:iod@pup.example.gov.pl">' in client.get("/kontakt/").text


def test_the_contact_page_costs_only_the_frame(client, filled, django_assert_num_queries, cold_render):
    with django_assert_num_queries(3):  # the frame (the coordinator and the menu), the partners' contacts
        client.get("/kontakt/")


def test_the_privacy_policy_names_the_officer_ip_addresses_and_deletion_periods(client, db):
    from pages.models import Page

    Coordinator.objects.create(dpo_email="iod@pup.example.gov.pl")
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", body="<p>Zasady.</p>")
    html = client.get("/polityka-prywatnosci/").text
    assert "Kontakt w sprawach danych osobowych" in html
    assert '<a href="mailto:iod@pup.example.gov.pl">' in html
    assert "portal liczy próby wysłania z jednego adresu IP" in html
    assert "licznik przechowuje się najwyżej przez 48 godzin" in html
    assert "przechowuje się przez 2 lata od decyzji w jego sprawie" in html


def test_other_pages_do_not_carry_the_privacy_facts(client, db):
    from pages.models import Page

    Page.objects.create(title="O portalu", slug="o-portalu", body="<p>Tekst.</p>")
    assert "Kontakt w sprawach danych osobowych" not in client.get("/o-portalu/").text


def test_without_the_coordinators_contacts_it_says_whom_to_ask(client, db, make_institution):
    Coordinator.objects.create()
    make_institution(name="Gmina Pomiechówek", slug="gmina-pomiechowek", phone="22 765 27 24")
    make_institution(name="Gmina Leoncin", slug="gmina-leoncin", website="https://www.leoncin.pl/")
    html = client.get("/kontakt/").text
    assert "O sprawy partnerstwa można zapytać w urzędach partnerów wymienionych niżej." in html
    assert '<a href="tel:227652724">22 765 27 24</a>' in html
    assert "Gmina Leoncin" not in html  # no phone or e-mail: nobody to call there


def test_every_page_leads_to_a_real_phone_or_email_in_two_clicks(client, db):
    """Footer → Kontakt → a tel:/mailto: link, from any page (the demo content)."""
    import re

    from django.core.management import call_command

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    for path in ["/", "/aktualnosci/", "/spotkania/", "/partnerzy/", "/porozumienie/", "/nie-ma-takiej/"]:
        page = client.get(path).text
        footer = page[page.index('<footer class="site-footer">') :]
        assert 'href="/kontakt/"' in footer, path
    contact = client.get("/kontakt/").text
    main = contact.split('<main id="tresc"')[1].split("</main>")[0]
    assert re.search(r'href="tel:\d{9}"', main) and 'href="mailto:' in main
