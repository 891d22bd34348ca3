from members.models import AccessionRequest, Institution


def pending_request(**fields):
    data = {
        "institution_name": "Cech Rzemiosł Różnych",
        "kind": "pracodawca",
        "gmina": "zakroczym",
        "contact_name": "Jan Przykładowy",
        "email": "jan@example.org",
        "consent": True,
    }
    data.update(fields)
    return AccessionRequest.objects.create(**data)


def act(client, action, *requests):
    return client.post(
        "/admin/members/accessionrequest/",
        {"action": action, "_selected_action": [r.pk for r in requests]},
        follow=True,
    )


def test_accepting_a_request_creates_the_institution(client, alice):
    req = pending_request()
    client.force_login(alice)
    response = act(client, "accept", req)
    assert "Przyjęto 1 zgłoszenie." in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.ACCEPTED
    assert req.decided_by == alice and req.decided_at is not None
    institution = Institution.objects.get()
    assert req.institution == institution
    assert institution.name == "Cech Rzemiosł Różnych"
    assert (institution.kind, institution.gmina) == ("pracodawca", "zakroczym")
    # The contact person's details are not published as the institution's.
    assert institution.email == "" and institution.phone == ""
    assert "Cech Rzemiosł Różnych" in client.get("/partnerzy/").text


def test_rejecting_creates_nothing_and_decided_requests_are_skipped(client, alice):
    req = pending_request()
    done = pending_request(institution_name="Inna instytucja")
    client.force_login(alice)
    act(client, "reject", done)
    response = act(client, "accept", req, done)
    assert "Przyjęto 1 zgłoszenie." in response.text
    assert "Pominięto 1 zgłoszenie już rozpatrzone." in response.text
    done.refresh_from_db()
    assert done.status == AccessionRequest.Status.REJECTED
    assert list(Institution.objects.values_list("name", flat=True)) == ["Cech Rzemiosł Różnych"]


def test_a_request_for_an_existing_institution_is_not_accepted(client, alice, make_institution):
    make_institution(name="Cech Rzemiosł Różnych")
    req = pending_request()
    client.force_login(alice)
    response = act(client, "accept", req)
    assert "instytucja o tej nazwie już istnieje" in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING


def test_admin_list_shows_status_in_polish(client, alice):
    pending_request()
    client.force_login(alice)
    html = client.get("/admin/members/accessionrequest/").text
    assert "oczekuje na decyzję" in html
    assert "Przyjmij wybrane zgłoszenia" in html and "Odrzuć wybrane zgłoszenia" in html


def test_readers_cannot_decide(client, bob):
    req = pending_request()
    client.force_login(bob)
    act(client, "accept", req)
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING
    assert not Institution.objects.exists()

