import pytest


@pytest.fixture
def editor(alice):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    return alice


@pytest.fixture
def post_form():
    def form(post=None, **fields):
        data = {
            "title": "Nabór wniosków",
            "slug": post.slug if post else "",
            "category": post.category_id if post else "",
            "lead": "",
            "body": "<p>Pierwsza treść.</p>",
            "image_alt": "",
            "status": "published",
            "published_at_0": "2026-01-10",
            "published_at_1": "10:00:00",
            "author": "",
        }
        data.update(fields)
        return data

    return form


@pytest.fixture
def edited_post(client, editor, category, post_form):
    """A post written in admin and then edited twice: three versions."""
    from news.models import Post

    client.force_login(editor)
    client.post("/admin/news/post/add/", post_form(category=category.pk, body="<p>Pierwsza treść wpisu.</p>"))
    post = Post.objects.get()
    client.post(f"/admin/news/post/{post.pk}/change/", post_form(post, body="<p>Druga treść wpisu.</p>"))
    client.post(
        f"/admin/news/post/{post.pk}/change/",
        post_form(post, title="Nabór wniosków – termin", body="<p>Druga treść wpisu.</p><p>Nowy akapit.</p>"),
    )
    post.refresh_from_db()
    return post
