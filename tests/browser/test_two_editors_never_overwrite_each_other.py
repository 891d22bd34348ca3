"""Two people in two browsers edit one post: the later save is refused and keeps what was typed."""

import pytest
from playwright.sync_api import expect

from news.models import Post
from tests.browser.conftest import _new_page
from tests.browser.helpers import STAFF_PASSWORD, log_in_to_admin

pytestmark = pytest.mark.browser


def test_the_later_save_is_refused_in_the_browser(browser, live_server, page, alice, make_post, django_user_model):
    carol = django_user_model.objects.create_user(
        username="carol@pup.example",
        email="carol@pup.example",
        password=STAFF_PASSWORD,
        is_staff=True,
        is_superuser=True,
        first_name="Karolina",
        last_name="Nowak",
    )
    post = make_post(lead="Zajawka pierwsza.")
    url = f"/admin/news/post/{post.pk}/change/"
    log_in_to_admin(page, alice, next_url=url)
    context, other = _new_page(browser, live_server)
    try:
        log_in_to_admin(other, carol, next_url=url)
        other.locator("#id_lead").fill("Zajawka Karoliny.")
        other.locator("input[name=_save]").click()
        expect(other.locator(".messagelist")).to_contain_text("Zapisano wpis")
    finally:
        context.close()

    page.locator("#id_title").fill("Tytuł Alicji")
    page.locator("input[name=_save]").click()
    expect(page.locator(".errorlist.nonfield")).to_contain_text("Nie zapisano zmian")
    expect(page.locator(".errorlist.nonfield")).to_contain_text("Karolina Nowak")
    expect(page.locator("#id_title")).to_have_value("Tytuł Alicji")
    assert Post.objects.get(pk=post.pk).lead == "Zajawka Karoliny."
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("Zapisano wpis")
    assert Post.objects.get(pk=post.pk).title == "Tytuł Alicji"
