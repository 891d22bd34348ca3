import re

import pytest
from django.core import mail
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def run_background_worker():
    """What `manage.py db_worker` does in production: send the queued e-mails, then stop."""
    from django_tasks_db.management.commands.db_worker import Worker

    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="browser-test",
        excluded_queue_names=[],
    ).run()


def link_in(message, path_prefix):
    """The path of the portal link in an e-mail (SITE_URL's host is not the test server's)."""
    return re.search(rf"https?://[^/\s]+({re.escape(path_prefix)}\S+/)", message.body).group(1)


def test_resident_signs_up_in_the_footer_box_and_confirms_from_the_email(any_page, make_post, mailoutbox):
    from newsletter.models import Subscriber

    post = make_post(title="Nabór na staże")
    page = any_page
    page.goto(post.get_absolute_url())
    box = page.get_by_role("region", name="Zapisz się na newsletter")
    box.get_by_label("Adres e-mail", exact=True).fill("mieszkanka@example.com")
    box.get_by_label(re.compile("Wyrażam zgodę")).check()
    box.get_by_role("button", name="Zapisz się").click()

    expect(page.get_by_text("wysłaliśmy na niego wiadomość z linkiem potwierdzającym")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    run_background_worker()
    [message] = mail.outbox
    assert message.to == ["mieszkanka@example.com"]
    page.goto(link_in(message, "/newsletter/potwierdz/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Potwierdzenie zapisu na newsletter")
    page.get_by_role("button", name="Potwierdzam zapis").click()

    expect(page.get_by_text("Gotowe! Adres mieszkanka@example.com jest zapisany")).to_be_visible()
    subscriber = Subscriber.objects.get(email="mieszkanka@example.com")
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert (subscriber.wants_posts, subscriber.wants_issues) == (True, True)  # topics are chosen on /newsletter/


TARGETS = """() => Array.from(document.querySelectorAll('main form .checkbox input')).map(input => {
    const label = document.querySelector(`label[for="${input.id}"]`).getBoundingClientRect();
    const box = input.getBoundingClientRect();
    return {id: input.id, inputRight: box.right, labelLeft: label.left, labelTop: label.top,
            inputTop: box.top, height: Math.max(label.bottom, box.bottom) - Math.min(label.top, box.top),
            width: label.right - box.left};
})"""


def test_on_a_phone_each_choice_is_a_44px_target_with_its_label_beside_the_control(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/newsletter/")
    targets = page.evaluate(TARGETS)
    assert len(targets) == 4  # three kinds of mail and the consent
    for target in targets:
        assert target["height"] >= 44 and target["width"] >= 44, target
        # The label starts right of the control and never wraps back under it.
        assert target["labelLeft"] >= target["inputRight"], target
        assert target["labelTop"] <= target["inputTop"], target


def test_resident_leaves_through_the_welcome_emails_link_and_undoes_it(any_page, mailoutbox):
    """Sign-up on /newsletter/, the confirmation link, the welcome e-mail's unsubscribe link, the undo."""
    from newsletter.models import Subscriber

    page = any_page
    page.goto("/newsletter/")
    form = page.get_by_role("main").locator("form")
    form.get_by_label("Adres e-mail", exact=True).fill("sasiad@example.com")
    form.get_by_role("group", name="Co chcesz otrzymywać?").get_by_label("Tylko newsletter").check()
    form.get_by_label(re.compile("Wyrażam zgodę")).check()
    form.get_by_role("button", name="Zapisz się").click()
    expect(page.get_by_role("status")).to_contain_text("linkiem potwierdzającym")

    run_background_worker()
    [confirmation] = mail.outbox
    page.goto(link_in(confirmation, "/newsletter/potwierdz/"))
    page.get_by_role("button", name="Potwierdzam zapis").click()
    expect(page.get_by_text("Gotowe! Adres sasiad@example.com jest zapisany")).to_be_visible()

    run_background_worker()
    welcome = mail.outbox[1]
    assert welcome.to == ["sasiad@example.com"]
    page.goto(link_in(welcome, "/newsletter/wypisz/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Wypisanie z newslettera")
    page.get_by_role("button", name="Wypisz mnie").click()
    expect(page.get_by_text("Adres sasiad@example.com jest wypisany.")).to_be_visible()
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED

    page.get_by_role("button", name="Cofnij wypisanie").click()
    # Back on the list: the page now shows what the address receives, not the unsubscribe button again.
    expect(page.get_by_text("Wypisanie cofnięte")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ustawienia newslettera")
    expect(page.get_by_role("main")).to_contain_text("Na adres sasiad@example.com wysyłane są: newsletter.")
    expect(page.get_by_role("button", name="Wypisz mnie")).to_have_count(0)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert (subscriber.wants_posts, subscriber.wants_issues) == (False, True)
