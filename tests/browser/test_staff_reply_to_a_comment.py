import pytest
from playwright.sync_api import expect

from news.models import Comment
from tests.browser.helpers import format_violations, log_in_to_admin, run_axe

pytestmark = pytest.mark.browser


def test_staff_reply_from_the_post_page_and_readers_see_the_partnerships_answer(
    page, browser, live_server, alice, make_post, django_user_model
):
    post = make_post(title="Nabór na staże")
    reader = django_user_model.objects.create_user(username="czytelnik@example.com", email="czytelnik@example.com")
    comment = Comment.objects.create(
        post=post, user=reader, author_name="Celina", body="Kiedy ruszy nabór?", status=Comment.Status.APPROVED
    )
    log_in_to_admin(page, alice, next_url=post.get_absolute_url())

    page.get_by_role("link", name="Odpowiedz jako Partnerstwo na komentarz: Celina").click()
    reply = page.get_by_role("textbox", name="Odpowiedź Partnerstwa Lokalnego")
    reply.fill("Nabór ruszy w marcu.\nSzczegóły podamy we wpisie.")
    page.get_by_role("button", name="Zapisz", exact=True).click()

    expect(page.locator(".messages, .messagelist").first).to_contain_text("Zapisano odpowiedź")
    item = page.locator(f"#komentarz-{comment.pk}")
    expect(item.locator(".comment-reply")).to_contain_text("Odpowiedź Partnerstwa Lokalnego")
    expect(item.locator(".comment-reply")).to_contain_text("Nabór ruszy w marcu.")
    expect(item.get_by_role("link", name="Zmień odpowiedź Partnerstwa na komentarz: Celina")).to_be_visible()

    visitor = browser.new_context(base_url=live_server.url).new_page()
    visitor.goto(post.get_absolute_url())
    reply = visitor.locator(f"#komentarz-{comment.pk} .comment-reply")
    expect(reply).to_contain_text("Odpowiedź Partnerstwa Lokalnego")
    expect(visitor.get_by_text("Odpowiedz jako Partnerstwo")).to_have_count(0)
    violations = run_axe(visitor)
    assert not violations, format_violations(violations)
    visitor.context.close()
