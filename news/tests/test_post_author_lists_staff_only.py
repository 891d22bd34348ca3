import re

from django.contrib.auth import get_user_model


def author_choices(html):
    select = re.search(r'<select name="author".*?</select>', html, re.S).group(0)
    return re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)</option>", select)


def test_the_author_field_lists_staff_and_no_readers(client, alice, bob):
    editor = get_user_model().objects.create_user(username="ewa@pup.example", email="ewa@pup.example", is_staff=True)
    client.force_login(alice)
    choices = author_choices(client.get("/admin/news/post/add/").text)
    assert any(alice.username in c for c in choices) and any(editor.username in c for c in choices)
    assert not any(bob.username in c for c in choices)


def test_a_post_keeps_an_author_who_has_left_the_staff(client, alice, make_post, django_user_model):
    former = django_user_model.objects.create_user(username="jan@pup.example", email="jan@pup.example")
    post = make_post(author=former)
    client.force_login(alice)
    choices = author_choices(client.get(f"/admin/news/post/{post.pk}/change/").text)
    assert any(former.username in c for c in choices)


def test_the_report_author_lists_staff_only(client, alice, bob):
    client.force_login(alice)
    assert not any(bob.username in c for c in author_choices(client.get("/admin/meetings/report/add/").text))
