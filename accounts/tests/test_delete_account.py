from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from news.models import Comment, Rating


def test_reader_deletes_the_account_with_comments_and_ratings(client, reader, make_post):
    post = make_post()
    Comment.objects.create(post=post, user=reader, author_name="Bob", body="Do usunięcia", status="approved")
    Rating.objects.create(post=post, user=reader, value=2)
    Rating.objects.create(post=post, browser_key="inna", value=5)
    client.force_login(reader)
    page = client.get("/konto/usun/").text
    assert "zostaną usunięte wszystkie Twoje komentarze i oceny (1 komentarz, 1 ocena)" in " ".join(page.split())
    assert '<label for="id_password">Hasło</label>' in page

    response = client.post("/konto/usun/", {"password": "bob-haslo-123"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert "Usunęliśmy Twoje konto wraz z komentarzami i ocenami." in client.get("/").text
    assert not get_user_model().objects.filter(email="bob@example.com").exists()
    assert not EmailAddress.objects.exists()
    assert not Comment.objects.exists()
    assert list(Rating.objects.values_list("value", flat=True)) == [5]  # other people's votes stay
    assert "_auth_user_id" not in client.session
    html = client.get(post.get_absolute_url()).text
    assert "Do usunięcia" not in html and "Brak komentarzy" in html


def test_the_warning_counts_in_polish_and_says_nothing_of_what_is_not_there(client, reader, make_post):
    client.force_login(reader)
    assert "zostaną usunięte" not in client.get("/konto/usun/").text
    post = make_post()
    for _ in range(5):
        Comment.objects.create(post=post, user=reader, author_name="Bob", body="Tekst", status="approved")
    Rating.objects.create(post=post, user=reader, value=2)
    Rating.objects.create(post=make_post(title="Drugi"), user=reader, value=4)
    page = " ".join(client.get("/konto/usun/").text.split())
    assert "(5 komentarzy, 2 oceny)" in page


def test_a_wrong_password_keeps_the_account(client, reader):
    client.force_login(reader)
    response = client.post("/konto/usun/", {"password": "nie-to"})
    assert response.status_code == 400
    assert "To nie jest Twoje hasło." in response.text
    assert 'aria-describedby="id_password_helptext id_password_error"' in response.text
    assert get_user_model().objects.filter(pk=reader.pk).exists()


def test_staff_accounts_are_not_deleted_here(client, staff):
    client.force_login(staff)
    response = client.post("/konto/usun/", {"password": "alice-haslo-123"}, follow=True)
    assert "Konta pracowników usuwa administrator" in response.text
    assert get_user_model().objects.filter(pk=staff.pk).exists()


def test_the_privacy_policy_says_what_happens(db):
    from pages.demo import PRIVACY_POLICY

    assert "Usunięcie konta usuwa także komentarze i oceny jego właściciela." in PRIVACY_POLICY
    assert "<code>ocena</code>" in PRIVACY_POLICY
