"""Staff save rich text with an image without alt text or an unlabelled document link: refused,
with what they typed kept; softer problems are saved with warnings."""

import datetime

import pytest

from meetings.models import Meeting, Report
from news.models import Post
from pages.models import Page

NO_ALT = '<p>Wstęp.</p><figure class="image"><img src="/media/editor/sala.jpg"><figcaption>Sala</figcaption></figure>'
UNLABELLED_PDF = '<p>Pobierz <a href="/media/dokumenty/regulamin.pdf">regulamin naboru</a>.</p>'
ALT_REFUSAL = "Obraz 1 (plik „sala.jpg”): brak tekstu alternatywnego."
PDF_REFUSAL = "Link 1 („regulamin naboru”): link prowadzi do dokumentu, ale nie podaje jego rodzaju i rozmiaru."


def post_form(category, body):
    return {
        "title": "Spotkanie partnerów",
        "slug": "",
        "category": category.pk,
        "lead": "",
        "body": body,
        "image_alt": "",
        "status": "published",
        "published_at_0": "2026-11-20",
        "published_at_1": "10:00:00",
        "author": "",
    }


def test_a_post_with_an_image_without_alt_is_refused_and_nothing_typed_is_lost(client, alice, category):
    client.force_login(alice)
    response = client.post("/admin/news/post/add/", post_form(category, NO_ALT))
    assert response.status_code == 200
    assert not Post.objects.exists()
    assert ALT_REFUSAL in response.text
    form = response.context["adminform"].form
    assert form.errors["body"][0].startswith(ALT_REFUSAL)
    assert "Spotkanie partnerów" in response.text
    assert "sala.jpg" in form["body"].value()  # the body comes back into the editor as typed
    assert 'class="content-checks"' in response.text  # the panel lists the same finding


def test_the_same_post_with_alt_text_is_saved(client, alice, category):
    client.force_login(alice)
    body = NO_ALT.replace("<img ", '<img alt="Sala obrad starostwa" ')
    response = client.post("/admin/news/post/add/", post_form(category, body))
    assert response.status_code == 302
    assert 'alt="Sala obrad starostwa"' in Post.objects.get().body


def test_a_decorative_image_is_saved_without_alt(client, alice, category):
    client.force_login(alice)
    body = '<figure class="image image-decorative"><img src="/media/editor/szlaczek.png" alt=""></figure><p>Tekst.</p>'
    assert client.post("/admin/news/post/add/", post_form(category, body)).status_code == 302
    assert "image-decorative" in Post.objects.get().body


def test_a_page_with_an_unlabelled_document_link_is_refused(client, alice):
    client.force_login(alice)
    data = {"title": "Nabór", "slug": "nabor", "section": "", "position": 0, "body": UNLABELLED_PDF}
    response = client.post("/admin/pages/page/add/", data)
    assert response.status_code == 200
    assert PDF_REFUSAL in response.text
    assert not Page.objects.exists()


def test_warnings_are_shown_after_a_save_that_goes_through(client, alice, category):
    client.force_login(alice)
    body = '<h2>Cele</h2><h4>Szczegóły</h4><p>Formularz jest <a href="/formularz/">tutaj</a>.</p>'
    response = client.post("/admin/news/post/add/", post_form(category, body), follow=True)
    assert Post.objects.exists()
    texts = [str(m) for m in response.context["messages"]]
    assert texts[0].startswith("Dodano wpis")
    assert "Treść – Link 1 („tutaj”): tekst linku nie mówi, dokąd link prowadzi." in " ".join(texts)
    assert "Treść – Drugi nagłówek („Szczegóły”): ma poziom 4, a nagłówek przed nim – poziom 2." in " ".join(texts)


def test_the_agreement_text_is_checked_too(client, alice, make_agreement):
    agreement = make_agreement()
    client.force_login(alice)
    page = client.get(f"/admin/agreement/agreement/{agreement.pk}/change/")
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "document"}
    data.update({"text": NO_ALT, "signed_on": agreement.signed_on.isoformat(), "meeting": ""})
    data.update({"signatures-TOTAL_FORMS": 0, "signatures-INITIAL_FORMS": 0})
    response = client.post(f"/admin/agreement/agreement/{agreement.pk}/change/", data)
    assert response.status_code == 200
    assert ALT_REFUSAL in response.text
    agreement.refresh_from_db()
    assert "sala.jpg" not in agreement.text


@pytest.mark.django_db
def test_a_meeting_report_written_inside_the_meeting_is_checked(client, alice):
    meeting = Meeting.objects.create(title="Posiedzenie", date=datetime.date(2026, 11, 5))
    client.force_login(alice)
    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/")
    data = {}
    for admin_formset in page.context["inline_admin_formsets"]:
        management = admin_formset.formset.management_form
        for name, field in management.fields.items():
            data[f"{management.prefix}-{name}"] = management.initial.get(name, field.initial)
    form = page.context["adminform"].form
    data.update({k: v for k, v in form.initial.items() if v is not None and not isinstance(v, list)})
    data.update({"date": "2026-11-05", "status": meeting.status, "new_date": "", "venue": ""})
    data.update(
        {
            "report-TOTAL_FORMS": 1,
            "report-0-body": NO_ALT,
            "report-0-status": "draft",
            "report-0-published_at_0": "2026-11-06",
            "report-0-published_at_1": "10:00:00",
            "report-0-author": "",
        }
    )
    response = client.post(f"/admin/meetings/meeting/{meeting.pk}/change/", data)
    assert response.status_code == 200
    assert ALT_REFUSAL in response.text
    assert not Report.objects.exists()


def test_the_panel_endpoint_returns_the_findings_for_staff(client, alice):
    client.force_login(alice)
    response = client.post("/admin/sprawdz-tresc/", {"html": NO_ALT})
    assert response.status_code == 200
    data = response.json()
    assert data["errors"][0].startswith(ALT_REFUSAL)
    assert "Do poprawienia przed zapisaniem: 1." in data["html"]
    assert ALT_REFUSAL in data["html"]


def test_the_panel_endpoint_is_for_staff_only(client, bob):
    assert client.post("/admin/sprawdz-tresc/", {"html": NO_ALT}).status_code == 302  # to the login page
    client.force_login(bob)
    response = client.post("/admin/sprawdz-tresc/", {"html": NO_ALT})
    assert response.status_code == 302
    assert "errors" not in response.content.decode()


def test_the_panel_endpoint_takes_only_post_with_a_csrf_token(alice):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    assert strict.post("/admin/sprawdz-tresc/", {"html": NO_ALT}).status_code == 403
    assert strict.get("/admin/sprawdz-tresc/").status_code == 405


def test_the_panel_endpoint_slows_down_a_flood(client, alice, settings):
    from adminsite import content_checks

    client.force_login(alice)
    for _ in range(content_checks.CHECKS_PER_MINUTE):
        client.post("/admin/sprawdz-tresc/", {"html": "<p>x</p>"})
    response = client.post("/admin/sprawdz-tresc/", {"html": "<p>x</p>"})
    assert response.status_code == 429
    assert response.json()["error"].startswith("Sprawdzanie podczas pisania jest na chwilę wstrzymane.")


def test_the_panel_says_when_there_is_nothing_to_check_yet(client, alice):
    client.force_login(alice)
    page = client.get("/admin/news/post/add/").text
    assert "Pole jest puste: sprawdzenie zacznie się, gdy pojawi się tekst." in page
    response = client.post("/admin/sprawdz-tresc/", {"html": "<p>Krótki tekst bez błędów.</p>"})
    assert "Nie znaleziono problemów z dostępnością." in response.json()["html"]
    assert "Czytelność (FOG-PL) oceniana jest dla tekstu od 30 słów." in response.json()["html"]


def test_the_panel_endpoint_refuses_an_oversized_text_in_polish(client, alice):
    client.force_login(alice)
    response = client.post("/admin/sprawdz-tresc/", {"html": "x" * 1_000_001})
    assert response.status_code == 400
    assert response.json()["error"] == (
        "Tekst jest za długi: liczba znaków to 1\xa0000\xa0001, a można zapisać najwyżej 1\xa0000\xa0000. "
        "Podziel go na kilka stron."
    )
