import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from accounts.roles import MODERATOR
from news.models import Comment
from tests.browser.helpers import STAFF_PASSWORD, horizontal_overflow, log_in_to_admin

pytestmark = pytest.mark.browser


def test_moderator_opens_the_waiting_comment_from_the_home_page_and_approves_it(
    page, django_user_model, make_post, bob
):
    Comment.objects.create(
        post=make_post(title="Nabór na staże"), user=bob, author_name="Bob", body="Do kiedy można się zgłaszać?"
    )
    moderator = django_user_model.objects.create_user(
        username="ola@pup.example", email="ola@pup.example", password=STAFF_PASSWORD, is_staff=True
    )
    moderator.groups.add(Group.objects.get(name=MODERATOR))
    page.set_viewport_size({"width": 1366, "height": 900})
    log_in_to_admin(page, moderator)

    tasks = page.locator("#content-main .dashboard-tasks")
    expect(tasks.get_by_role("heading", name="Do zrobienia")).to_be_visible()
    assert horizontal_overflow(page) == 0
    tasks.get_by_role("link", name="1 komentarz czeka na moderację").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Komentarze")
    expect(page.locator(".paginator")).to_contain_text("1 komentarz")
    page.locator("input.action-select").first.check()
    page.get_by_label("Akcja:").select_option(label="Zatwierdź zaznaczone komentarze")
    page.get_by_role("button", name="Uruchom").click()
    expect(page.locator(".messagelist")).to_contain_text("Zatwierdzone komentarze: 1.")

    page.goto("/admin/")
    expect(page.locator(".dashboard-tasks")).to_contain_text("Nic nie czeka na załatwienie.")
