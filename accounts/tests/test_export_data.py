import json

from django.conf import settings

from news.models import Comment, Rating


def test_reader_downloads_their_data_as_json(client, reader, make_post):
    post = make_post(title="Partnerstwo lokalne")
    Comment.objects.create(post=post, user=reader, author_name="Bob", body="Zażółć gęślą jaźń", status="approved")
    Rating.objects.create(post=post, user=reader, value=4)
    Rating.objects.create(post=post, browser_key="obca-przegladarka", value=1)
    client.force_login(reader)
    response = client.get("/konto/moje-dane.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="moje-dane-partnerstwo.json"'
    assert "Zażółć gęślą jaźń" in response.content.decode()  # readable Polish, not \\u escapes
    data = json.loads(response.content)
    assert data["konto"]["email"] == "bob@example.com"
    assert data["konto"]["adresy_email"] == [{"email": "bob@example.com", "potwierdzony": True, "glowny": True}]
    [comment] = data["komentarze"]
    assert comment["tresc"] == "Zażółć gęślą jaźń" and comment["status"] == "zatwierdzony"
    assert comment["adres_wpisu"] == f"{settings.SITE_URL}{post.get_absolute_url()}"
    assert [r["ocena"] for r in data["oceny"]] == [4]


def test_someone_elses_data_is_not_in_the_file(client, reader, make_post, django_user_model):
    other = django_user_model.objects.create_user(username="x@example.com", email="x@example.com", password="x")
    Comment.objects.create(post=make_post(), user=other, author_name="X", body="Cudzy")
    client.force_login(reader)
    assert json.loads(client.get("/konto/moje-dane.json").content)["komentarze"] == []


def test_visitors_are_sent_to_log_in(client, db):
    assert client.get("/konto/moje-dane.json")["Location"].startswith("/konto/zaloguj/")
