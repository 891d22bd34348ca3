"""Staff reject a request from its page: a reason is required, stored, and e-mailed to the applicant."""

from django.core import mail

from members.models import AccessionRequest, Institution


def reject_url(req):
    return f"/admin/members/accessionrequest/{req.pk}/odrzuc/"


def test_rejecting_asks_for_a_reason(client, alice, pending_request):
    req = pending_request()
    client.force_login(alice)
    page = client.get(reject_url(req)).text
    assert "Odrzucić zgłoszenie?" in page
    assert "Powód odrzucenia" in page and "Trafi do osoby zgłaszającej w e-mailu z decyzją" in page

    response = client.post(reject_url(req), {"reason": "   "})
    assert response.status_code == 400
    assert "Podaj powód odrzucenia: trafi do osoby zgłaszającej." in response.text
    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.PENDING and mail.outbox == []


def test_rejecting_stores_the_reason_and_e_mails_it(client, alice, pending_request, in_background):
    req = pending_request()
    client.force_login(alice)
    reason = "Partnerstwo skupia instytucje z powiatu nowodworskiego, a siedziba cechu jest poza nim."
    with in_background():
        response = client.post(reject_url(req), {"reason": f"  {reason}\n"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/members/accessionrequest/?status__exact=oczekuje"

    req.refresh_from_db()
    assert req.status == AccessionRequest.Status.REJECTED
    assert req.rejection_reason == reason
    assert req.decided_by == alice and req.decided_at is not None
    assert not Institution.objects.exists()
    [letter] = mail.outbox
    assert letter.to == ["jan@example.org"]
    assert letter.subject == "Decyzja w sprawie zgłoszenia do Partnerstwa Lokalnego"
    assert "Tym razem zgłoszenia nie przyjęto." in letter.body
    assert f"Uzasadnienie:\n{reason}" in letter.body

    page = client.get(response["Location"]).text
    assert "Odrzucono zgłoszenie „Cech Rzemiosł Różnych”." in page
    assert "Wiadomość z decyzją zostanie wysłana na adres jan@example.org w ciągu kilku minut." in page
    detail = client.get(f"/admin/members/accessionrequest/{req.pk}/change/").text
    assert reason in detail and "Odrzuć zgłoszenie…" not in detail


def test_an_overlong_reason_is_refused_in_polish(client, alice, pending_request):
    req = pending_request()
    client.force_login(alice)
    response = client.post(reject_url(req), {"reason": "x" * 2001})
    assert response.status_code == 400
    assert "Powód może mieć najwyżej 2000 znaków (ma 2001)." in response.text


def test_a_rejection_without_reason_is_refused_by_the_database(pending_request):
    import pytest
    from django.db import IntegrityError
    from django.utils import timezone

    req = pending_request()
    with pytest.raises(IntegrityError):
        AccessionRequest.objects.filter(pk=req.pk).update(
            status=AccessionRequest.Status.REJECTED, decided_at=timezone.now()
        )
