"""Staff revoke a preview link („Unieważnij” in the box of the change form): it answers 410."""

from drafts.models import PreviewLink
from news.models import Post

REVOKE = "/admin/podglad/uniewaznij/"


def test_a_redaktor_revokes_a_link_and_the_visitor_gets_a_410(client, staff_in_role, make_post, make_preview_link):
    post = make_post(status=Post.Status.DRAFT)
    link, url = make_preview_link(post)
    editor = staff_in_role("Redaktor")
    client.force_login(editor)
    assert "Aktywne linki: 1 link" in client.get(f"/admin/news/post/{post.pk}/change/").text

    response = client.post(REVOKE, {"link": str(link.pk)}, follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/news/post/{post.pk}/change/#linki-do-podgladu"
    assert "Unieważniono link do podglądu." in response.text
    assert "Nie ma aktywnych linków do podglądu." in response.text
    link.refresh_from_db()
    assert link.revoked_at is not None

    client.logout()
    gone = client.get(url)
    assert gone.status_code == 410
    assert (
        "Ten link do podglądu unieważniono" in gone.text and "poproś osobę, która przesłała link, o nowy" in gone.text
    )


def test_a_moderator_cannot_revoke(client, staff_in_role, make_post, make_preview_link):
    link, url = make_preview_link(make_post(status=Post.Status.DRAFT))
    client.force_login(staff_in_role("Moderator"))
    assert client.post(REVOKE, {"link": str(link.pk)}).status_code == 403
    assert PreviewLink.objects.get().revoked_at is None


def test_an_unknown_link_is_refused_in_polish(client, alice):
    client.force_login(alice)
    for value in ("999999", "abc", ""):
        response = client.post(REVOKE, {"link": value})
        assert response.status_code == 404
        assert "Nie ma takiego linku do podglądu." in response.text
