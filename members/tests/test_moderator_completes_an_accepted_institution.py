"""A Moderator decides a request and finishes the job: the new institution's form opens for them."""

from accounts.roles import MODERATOR
from members.models import Institution


def test_moderator_accepts_a_request_then_completes_and_publishes_the_institution(
    client, staff_in_role, pending_request, django_capture_on_commit_callbacks
):
    req = pending_request()
    client.force_login(staff_in_role(MODERATOR))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/members/accessionrequest/{req.pk}/przyjmij/", follow=True)
    institution = Institution.objects.get()
    assert response.redirect_chain == [(f"/admin/members/institution/{institution.pk}/change/", 302)]
    assert response.status_code == 200
    assert "Przyjęto zgłoszenie „Cech Rzemiosł Różnych”" in response.text

    form = response.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "logo"}
    data.update({"is_published": "on", "offices-TOTAL_FORMS": "0", "offices-INITIAL_FORMS": "0"})
    saved = client.post(f"/admin/members/institution/{institution.pk}/change/", data)
    assert saved.status_code == 302, saved.context["adminform"].form.errors
    institution.refresh_from_db()
    assert institution.is_published
