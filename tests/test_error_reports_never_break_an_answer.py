"""A request that fails in a way the error report cannot describe still gets its Polish answer."""

from django_tasks_db.models import DBTaskResult

TOO_MANY_FIELDS = "&".join(f"p{i}=1" for i in range(1001))


def test_too_many_query_parameters_answer_400_with_admins_to_tell(client, db, settings):
    settings.ADMINS = ["it@pup.example"]
    response = client.get("/szukaj/?" + TOO_MANY_FIELDS)
    assert response.status_code == 400
    assert "<h1>Nieprawidłowe żądanie</h1>" in response.text


def test_without_admins_no_report_is_queued(client, db, settings):
    settings.ADMINS = []
    assert client.get("/szukaj/?" + TOO_MANY_FIELDS).status_code == 400
    assert not DBTaskResult.objects.exists()
