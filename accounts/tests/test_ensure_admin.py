from django.core.management import call_command


def test_the_ensured_admin_logs_in_through_allauth_at_once(client, db, monkeypatch, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("ADMIN_EMAIL", "szef@pup.example")
    monkeypatch.setenv("ADMIN_PASSWORD", "Haslo-admina-2024")
    call_command("ensure_admin", stdout=open(tmp_path / "out", "w"))
    call_command("ensure_admin", stdout=open(tmp_path / "out", "w"))  # idempotent
    response = client.post("/konto/zaloguj/", {"login": "szef@pup.example", "password": "Haslo-admina-2024"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
