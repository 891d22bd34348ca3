"""Staff decide on several requests at once from the list (bulk actions)."""

from django.core import mail

from members.models import AccessionRequest, Institution


def act(client, action, *requests, **extra):
    return client.post(
        "/admin/members/accessionrequest/",
        {"action": action, "_selected_action": [r.pk for r in requests], **extra},
        follow=True,
    )


def test_accepting_selected_requests_asks_first_then_creates_unpublished_institutions(
    client, alice, pending_request, in_background
):
    first = pending_request()
    second = pending_request(institution_name="Stowarzyszenie Przykładowe", email="anna@example.org")
    client.force_login(alice)
    question = act(client, "accept", first, second)
    assert "Przyjąć wybrane zgłoszenia?" in question.text
    assert (
        "Stowarzyszenie Przykładowe (pracodawca, gmina Zakroczym; Jan Przykładowy, anna@example.org)" in question.text
    )
    assert not Institution.objects.exists() and not mail.outbox

    with in_background():
        response = act(client, "accept", first, second, confirm="1")
    assert "Przyjęto 2 zgłoszenia; osoby zgłaszające dostaną e-mail." in response.text
    assert set(Institution.objects.values_list("name", "is_published")) == {
        ("Cech Rzemiosł Różnych", False),
        ("Stowarzyszenie Przykładowe", False),
    }
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@example.org", "jan@example.org"]
    assert "Cech Rzemiosł Różnych" not in client.get("/partnerzy/").text


def test_rejecting_selected_requests_asks_one_reason_for_all(client, alice, pending_request, in_background):
    first = pending_request()
    second = pending_request(institution_name="Inna instytucja", email="anna@example.org")
    client.force_login(alice)
    page = act(client, "reject", first, second)
    assert "Odrzucić wybrane zgłoszenia?" in page.text
    assert "Inna instytucja (Jan Przykładowy, anna@example.org)" in page.text
    assert not mail.outbox

    missing = act(client, "reject", first, second, reason="")
    assert missing.status_code == 400
    assert "Podaj powód odrzucenia: trafi do osoby zgłaszającej." in missing.text

    with in_background():
        done = act(client, "reject", first, second, reason="Nabór partnerów jest zamknięty do końca roku.")
    assert "Odrzucono 2 zgłoszenia; osoby zgłaszające dostaną e-mail z uzasadnieniem." in done.text
    assert set(AccessionRequest.objects.values_list("status", "rejection_reason")) == {
        ("odrzucone", "Nabór partnerów jest zamknięty do końca roku."),
    }
    assert len(mail.outbox) == 2
    assert all("Nabór partnerów jest zamknięty do końca roku." in m.body for m in mail.outbox)


def test_decided_requests_are_skipped(client, alice, pending_request):
    req = pending_request()
    done = pending_request(institution_name="Inna instytucja")
    client.force_login(alice)
    act(client, "reject", done, reason="Zgłoszenie wysłano dwa razy.")
    response = act(client, "accept", req, done, confirm="1")
    assert "Przyjęto 1 zgłoszenie" in response.text
    assert "Pominięto 1 zgłoszenie już rozpatrzone." in response.text
    done.refresh_from_db()
    assert done.status == AccessionRequest.Status.REJECTED
    assert list(Institution.objects.values_list("name", flat=True)) == ["Cech Rzemiosł Różnych"]


def test_a_request_for_an_existing_institution_is_not_accepted(client, alice, make_institution, pending_request):
    make_institution(name="Cech Rzemiosł Różnych")
    req = pending_request()
    client.force_login(alice)
    response = act(client, "accept", req, confirm="1")
    assert "instytucja o tej nazwie już istnieje" in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING


def test_admin_list_shows_status_in_polish(client, alice, pending_request):
    pending_request()
    client.force_login(alice)
    html = client.get("/admin/members/accessionrequest/").text
    assert "oczekuje na decyzję" in html
    assert "Przyjmij wybrane zgłoszenia" in html and "Odrzuć wybrane zgłoszenia" in html


def test_readers_cannot_decide(client, bob, pending_request):
    req = pending_request()
    client.force_login(bob)
    act(client, "accept", req, confirm="1")
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING
    assert not Institution.objects.exists()
