from news.models import Comment

CHANGELIST = "/admin/news/comment/"


def test_staff_filter_the_comments_waiting_for_moderation(client, alice, make_post, carol, make_comment):
    post = make_post()
    make_comment(post, carol, body="Czeka na mnie moderator", status=Comment.Status.PENDING)
    make_comment(post, carol, body="Już zatwierdzony", status=Comment.Status.APPROVED)
    client.force_login(alice)
    html = client.get(CHANGELIST + "?status__exact=pending").text
    assert "czeka na moderację" in html
    assert "Czeka na mnie moderator" in html
    assert "Już zatwierdzony" not in html


def _act(client, action, comments):
    return client.post(CHANGELIST, {"action": action, "_selected_action": [c.pk for c in comments]}, follow=True)


def test_staff_approve_in_bulk_and_the_comments_appear(client, alice, make_post, carol, make_comment):
    post = make_post()
    waiting = [make_comment(post, carol, body=f"Komentarz {n}", status=Comment.Status.PENDING) for n in range(2)]
    client.force_login(alice)
    response = _act(client, "approve", waiting)
    assert "Zatwierdzone komentarze: 2." in response.text
    assert all(c.moderated_at for c in Comment.objects.all())
    client.logout()
    html = client.get(post.get_absolute_url()).text
    assert "2 komentarze" in html and "Komentarz 1" in html


def test_staff_hide_spam_and_it_disappears(client, alice, make_post, carol, make_comment):
    post = make_post()
    spam = make_comment(post, carol, body="Tanie kredyty!!!")
    client.force_login(alice)
    response = _act(client, "mark_spam", [spam])
    assert "Ukryte jako spam: 1." in response.text
    spam.refresh_from_db()
    assert spam.status == Comment.Status.SPAM
    client.logout()
    assert "Tanie kredyty" not in client.get(post.get_absolute_url()).text


def test_staff_delete_a_comment(client, alice, make_post, carol, make_comment):
    comment = make_comment(make_post(), carol)
    client.force_login(alice)
    client.post(CHANGELIST, {"action": "delete_selected", "_selected_action": [comment.pk], "post": "yes"})
    assert not Comment.objects.exists()
