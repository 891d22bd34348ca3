"""What every page's frame shows: the coordinator (header and footer) and the main menu.

Loaded once per request, when a template or the view first asks (request_frame), in two
queries: the coordinator's row and the menu with the pages it leads to. The menu's submenus
(one level) come in the same query: every item is a row, arranged under its parent here.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef
from django.urls import NoReverseMatch, reverse

from pages.models import Coordinator, MenuItem, Page, is_internal_address, page_address

# The menu before staff edit it (and what the demo creates): today's header.
DEFAULT_MENU = [
    ("Aktualności", MenuItem.Section.NEWS),
    ("Spotkania", MenuItem.Section.MEETINGS),
    ("Porozumienie", MenuItem.Section.AGREEMENT),
    ("Partnerzy", MenuItem.Section.PARTNERS),
    ("O partnerstwie", MenuItem.Section.PARTNERSHIP),
]


@dataclass
class MenuLink:
    label: str
    href: str
    current: bool = False
    children: list["MenuLink"] = field(default_factory=list)
    holds_current: bool = False  # one of its submenu's links is the current one

    @property
    def is_external(self):
        return not is_internal_address(self.href)


@dataclass
class Frame:
    coordinator: Coordinator | None
    menu: list[MenuLink] = field(default_factory=list)


def load_frame():
    coordinator = Coordinator.objects.filter(pk=1).first()
    public_page = Page.objects.published().filter(pk=OuterRef("page_id"))
    items = list(MenuItem.objects.select_related("page").annotate(page_is_public=Exists(public_page)))
    if items:
        # A menu item that leads to a page shows only while the page (and each page above it) is
        # published; a submenu shows only under a top item that shows.
        links = {item.pk: _link(item) for item in items if item.page_id is None or item.page_is_public}
        menu = []
        for item in items:
            link = links.get(item.pk)
            if link is None:
                continue
            if item.parent_id is None:
                menu.append(link)
            elif links.get(item.parent_id) is not None:
                links[item.parent_id].children.append(link)
    else:  # staff have not made a menu yet
        menu = [MenuLink(label, reverse(section)) for label, section in DEFAULT_MENU]
    return Frame(coordinator=coordinator, menu=menu)


def _link(item):
    if item.page is not None:
        return MenuLink(item.label, page_address(item.page.section, item.page.url_path))
    if item.section:
        try:
            return MenuLink(item.label, reverse(item.section))
        except NoReverseMatch:  # a section the portal no longer has
            return None
    return MenuLink(item.label, item.url)


def request_frame(request):
    """This request's frame, loaded once for the view and the templates."""
    if not hasattr(request, "site_frame"):
        request.site_frame = load_frame()
    return request.site_frame


def mark_current(menu, path):
    """The same links, the one whose address holds this page marked current (the longest match).

    A submenu's link may be the one; its top item then says that it holds it.
    """
    best = None
    for link in [*menu, *(child for top in menu for child in top.children)]:
        if link.is_external:
            continue
        if link.href == path or (link.href != "/" and path.startswith(link.href)):
            if best is None or len(link.href) > len(best.href):
                best = link
    return [
        MenuLink(
            link.label,
            link.href,
            current=link is best,
            children=[MenuLink(child.label, child.href, current=child is best) for child in link.children],
            holds_current=any(child is best for child in link.children),
        )
        for link in menu
    ]


def has_submenu(menu):
    return any(link.children for link in menu)
