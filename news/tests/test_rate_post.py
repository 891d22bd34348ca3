import pytest

from news.models import Rating


def _rate(client, post, value):
    return client.post(f"{post.get_absolute_url()}ocena/", {"value": value})


def test_the_rating_is_an_accessible_radio_group_in_a_plain_form(client, make_post):
    post = make_post()
    html = client.get(post.get_absolute_url()).text
    assert '<h2 id="ocena-tytul">Ocena wpisu</h2>' in html
    assert "Brak ocen" in html
    assert f'<form method="post" action="{post.get_absolute_url()}ocena/"' in html
    assert "<legend>Twoja ocena (od 1 do 5 gwiazdek)</legend>" in html
    for value in range(1, 6):
        assert f'type="radio" name="value" value="{value}"' in html
    assert '<label for="id_value_4">' in html
    assert "5 – bardzo dobry" in html


def test_visitor_rates_without_javascript_and_sees_the_result(client, make_post):
    post = make_post()
    response = _rate(client, post, 4)
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#ocena"
    assert "ocena" in response.cookies and response.cookies["ocena"]["httponly"]
    html = client.get(response["Location"]).text
    assert "Dziękujemy za ocenę: 4 / 5." in html
    assert "4,0 / 5</strong> – 1 ocena" in html
    assert "Twoja ocena: 4 / 5" in html
    assert '<input type="radio" name="value" value="4" id="id_value_3" required checked>' in html
    assert "Zmień ocenę" in html


def test_one_vote_per_browser_which_can_be_changed(client, make_post):
    post = make_post()
    _rate(client, post, 2)
    response = _rate(client, post, 5)
    assert Rating.objects.get().value == 5
    assert "Zmieniliśmy Twoją ocenę na 5 / 5." in client.get(response["Location"]).text
    assert "5,0 / 5</strong> – 1 ocena" in client.get(post.get_absolute_url()).text


def test_another_browser_gets_its_own_vote(client, make_post, django_user_model):
    from django.test import Client

    post = make_post()
    _rate(client, post, 5)
    _rate(Client(), post, 2)
    assert Rating.objects.count() == 2
    assert "3,5 / 5</strong> – 2 oceny" in client.get(post.get_absolute_url()).text


def test_a_forged_cookie_does_not_take_over_someone_elses_vote(client, make_post):
    post = make_post()
    _rate(client, post, 5)
    key = Rating.objects.get().browser_key
    other = type(client)()
    other.cookies["ocena"] = key  # unsigned: ignored
    _rate(other, post, 1)
    assert sorted(Rating.objects.values_list("value", flat=True)) == [1, 5]


def test_one_vote_per_account_across_browsers(client, make_post, bob):
    post = make_post()
    client.force_login(bob)
    _rate(client, post, 3)
    other = type(client)()
    other.force_login(bob)
    _rate(other, post, 4)
    rating = Rating.objects.get()
    assert (rating.user, rating.value, rating.browser_key) == (bob, 4, "")
    assert "Twoja ocena: 4 / 5" in client.get(post.get_absolute_url()).text


def test_the_database_refuses_a_second_vote_of_one_account(make_post, bob):
    from django.db import IntegrityError

    post = make_post()
    Rating.objects.create(post=post, user=bob, value=3)
    with pytest.raises(IntegrityError):
        Rating.objects.create(post=post, user=bob, value=4)


@pytest.mark.parametrize("value", ["", "0", "6", "pięć"])
def test_a_wrong_value_gets_a_polish_message(client, make_post, value):
    response = _rate(client, make_post(), value)
    assert response.status_code == 400
    assert "Wybierz ocenę od 1 do 5." in response.text
    assert 'aria-describedby="id_value_error"' in response.text
    assert not Rating.objects.exists()


def test_get_is_refused(client, make_post):
    assert client.get(f"{make_post().get_absolute_url()}ocena/").status_code == 405


def test_average_has_a_polish_decimal_comma(client, make_post):
    post = make_post()
    values = [5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3]  # 52 / 12 = 4.33
    Rating.objects.bulk_create(Rating(post=post, value=v, browser_key=f"k{n}") for n, v in enumerate(values))
    assert "4,3 / 5</strong> – 12 ocen" in client.get(post.get_absolute_url()).text


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "1 ocena"), (2, "2 oceny"), (5, "5 ocen"), (12, "12 ocen"), (22, "22 oceny"), (101, "101 ocen")],
)
def test_rating_count_uses_polish_plurals(client, make_post, count, text):
    post = make_post()
    Rating.objects.bulk_create(Rating(post=post, value=4, browser_key=f"k{n}") for n in range(count))
    html = client.get(post.get_absolute_url()).text
    assert f"4,0 / 5</strong> – {text}\n" in html


def test_no_ratings_say_so(client, make_post):
    html = client.get(make_post().get_absolute_url()).text
    assert "Brak ocen" in html and "/ 5</strong>" not in html


def test_too_many_votes_from_one_address_are_refused(client, make_post):
    posts = [make_post() for _ in range(31)]
    for post in posts[:30]:
        assert _rate(client, post, 4).status_code == 302
    response = _rate(client, posts[30], 4)
    assert response.status_code == 429
    assert "Zbyt wiele ocen" in response.text
