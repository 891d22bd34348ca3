"""What every page's frame shows, loaded in one query: the coordinator, the main menu, the home blocks.

Every HTML page has a header (the menu) and a footer (the coordinator's contacts), and the
query budget of every page (tests/test_query_budget.py) counts one query for them. Two tables
and a join would be three; instead one SELECT reads the coordinator's row next to the menu and
the home page's blocks as JSON arrays built by PostgreSQL. It answers one row even when
the coordinator's row does not exist yet (a fresh database), so the menu never depends on it.
With the page cache's fragments on, each process keeps the loaded frame under the site's
content version (pagecache.fragments.kept): any save in the admin renews that version, so it
shows on the very next page.
"""

import functools
from dataclasses import dataclass, field

from django.db import connection
from django.urls import NoReverseMatch, reverse

from pagecache import fragments
from pages.models import Coordinator, HomeBlock, MenuItem, Page, page_address

# The menu before staff edit it (and what the demo creates): today's header.
DEFAULT_MENU = [
    ("Aktualności", MenuItem.Section.NEWS),
    ("Spotkania", MenuItem.Section.MEETINGS),
    ("Porozumienie", MenuItem.Section.AGREEMENT),
    ("Partnerzy", MenuItem.Section.PARTNERS),
    ("O partnerstwie", MenuItem.Section.PARTNERSHIP),
]
DEFAULT_BLOCKS = [HomeBlock.Kind.NEWS, HomeBlock.Kind.MEETINGS, HomeBlock.Kind.PARTNERS]


@dataclass
class MenuLink:
    label: str
    href: str
    current: bool = False

    @property
    def is_external(self):
        return not self.href.startswith("/")


@dataclass
class Frame:
    coordinator: Coordinator | None
    menu: list[MenuLink] = field(default_factory=list)
    # Shown home blocks in staff's order (HomeBlock.Kind values).
    home_blocks: list[str] = field(default_factory=list)


@functools.cache  # the same text for every request: built once per process
def _sql():
    coordinator = Coordinator._meta.db_table
    item, page, block = MenuItem._meta.db_table, Page._meta.db_table, HomeBlock._meta.db_table
    # A menu item that leads to a page shows only while the page (and each page above it) is published.
    hidden_ancestor = (
        f"SELECT 1 FROM {page} h WHERE h.section = p.section AND NOT h.is_published "
        f"AND p.url_path LIKE h.url_path || '/%'"
    )
    return f"""
        SELECT c.*,
          (SELECT COALESCE(json_agg(json_build_object(
                    'label', m.label, 'section', m.section, 'url', m.url,
                    'page_section', p.section, 'page_path', p.url_path)
                  ORDER BY m.position, m.id), '[]'::json)
             FROM {item} m LEFT JOIN {page} p ON p.id = m.page_id
            WHERE m.page_id IS NULL OR (p.is_published AND NOT EXISTS ({hidden_ancestor}))
          ) AS frame_menu,
          (SELECT json_agg(json_build_object('kind', b.kind, 'shown', b.is_shown) ORDER BY b.position, b.id)
             FROM {block} b WHERE b.home_id = 1
          ) AS frame_blocks,
          (SELECT count(*) FROM {item}) AS frame_menu_rows
        FROM (VALUES (1)) AS anchor (one) LEFT JOIN {coordinator} c ON c.id = 1
    """


def load_frame():
    with connection.cursor() as cursor:
        cursor.execute(_sql())
        columns = [col.name for col in cursor.description]
        row = dict(zip(columns, cursor.fetchone(), strict=True))
    coordinator = None
    if row["id"] is not None:
        attnames = {f.attname: f.column for f in Coordinator._meta.concrete_fields}
        coordinator = Coordinator.from_db(
            connection.alias, list(attnames), [row[column] for column in attnames.values()]
        )
    if row["frame_menu_rows"]:
        menu = [_link(item) for item in row["frame_menu"]]
        menu = [link for link in menu if link is not None]
    else:  # staff have not made a menu yet
        menu = [MenuLink(label, reverse(section)) for label, section in DEFAULT_MENU]
    if row["frame_blocks"] is None:
        blocks = list(DEFAULT_BLOCKS)
    else:
        blocks = [b["kind"] for b in row["frame_blocks"] if b["shown"]]
    return Frame(coordinator=coordinator, menu=menu, home_blocks=blocks)


def _link(item):
    if item["page_path"] is not None:
        return MenuLink(item["label"], page_address(item["page_section"], item["page_path"]))
    if item["section"]:
        try:
            return MenuLink(item["label"], reverse(item["section"]))
        except NoReverseMatch:  # a section the portal no longer has
            return None
    return MenuLink(item["label"], item["url"])


def request_frame(request):
    """This request's frame, loaded once for the view and the templates (shared: never change it)."""
    if not hasattr(request, "_site_frame"):
        request._site_frame = fragments.kept("pages.frame", [], load_frame)
    return request._site_frame


def header_key(menu, path):
    """What sets one page's header apart from another's: which link is current, and where."""
    current = next((i for i, link in enumerate(menu) if link.current), -1)
    return f"{current}:{path == '/'}:{path == '/konto/'}"


def mark_current(menu, path):
    """The same links, the one whose address holds this page marked current (the longest match)."""
    best = None
    for link in menu:
        if link.is_external:
            continue
        if link.href == path or (link.href != "/" and path.startswith(link.href)):
            if best is None or len(link.href) > len(best.href):
                best = link
    return [MenuLink(link.label, link.href, current=link is best) for link in menu]
