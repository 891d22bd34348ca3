"""An article page weighs at most 50 KB of HTML, CSS and JavaScript (images aside), uncompressed."""

import re

from django.contrib.staticfiles import finders

BUDGET = 50 * 1024


def _static_path(url):
    return finders.find(url.removeprefix("/static/").split("?")[0])


def test_an_article_with_comments_and_rating_stays_under_50_kb(client, make_post, settings):
    assert_article_within_budget(client, make_post, settings)


def test_an_article_under_a_menu_with_submenus_stays_under_50_kb(client, make_post, settings):
    from pages.frame import DEFAULT_MENU
    from pages.models import MenuItem

    # Today's menu, with three more items under „O partnerstwie”.
    for position, (label, section) in enumerate(DEFAULT_MENU):
        MenuItem.objects.create(label=label, section=section, position=position)
    top = MenuItem.objects.get(section=MenuItem.Section.PARTNERSHIP)
    for section in [MenuItem.Section.ACCESSION, MenuItem.Section.NEWSLETTER, MenuItem.Section.CONTACT]:
        MenuItem.objects.create(label=section.label, section=section, parent=top)
    text = assert_article_within_budget(client, make_post, settings)
    assert "submenu.css" in text and "submenu.js" in text


def assert_article_within_budget(client, make_post, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    post = make_post(title="Partnerstwo lokalne w powiecie nowodworskim", body="<p>" + "Treść wpisu. " * 400 + "</p>")
    html = client.get(post.get_absolute_url()).content
    text = html.decode()
    styles = [
        href
        for tag, href in re.findall(r'(<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"[^>]*>)', text)
        if 'media="print"' not in tag
    ]
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', text)
    assert styles and scripts
    sizes = {"HTML": len(html)}
    for url in styles + scripts:
        path = _static_path(url)
        assert path, f"{url} not found"
        with open(path, "rb") as file:
            sizes[url] = len(file.read())
    total = sum(sizes.values())
    assert total <= BUDGET, f"{total} bytes > {BUDGET}: {sizes}"
    print(f"article page: {total} bytes {sizes}")
    return text
