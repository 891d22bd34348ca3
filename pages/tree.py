"""The admin's page tree (PageAdmin.tree_view): every page in its place, moved among its siblings.

The tree is read in one query and arranged here. A move renumbers the page's siblings (10, 20,
30…) in their new order; the admin saves each renumbered page the ordinary way, so the history,
the metryczka and the page cache see an ordinary change.
"""

from dataclasses import dataclass, field

from pages.models import Page

UP, DOWN = "gora", "dol"
STEP = 10


class MoveError(Exception):
    """A move that cannot be made, said in Polish for the person who asked for it."""


@dataclass
class Node:
    page: Page
    children: list["Node"] = field(default_factory=list)
    is_first: bool = False
    is_last: bool = False
    focus: str = ""  # after a move: which control of this page gets the focus (UP, DOWN or "link")


@dataclass
class Section:
    label: str
    roots: list[Node]


def page_tree(*, focus="", direction=""):
    """The pages of each section as nested nodes, siblings in the public order (one query)."""
    pages = Page.objects.only("pk", "title", "slug", "parent_id", "section", "url_path", "is_published").order_by(
        "section", "position", "title", "pk"
    )
    nodes = {page.pk: Node(page) for page in pages}
    roots = {}
    for node in nodes.values():
        parent = nodes.get(node.page.parent_id)
        siblings = parent.children if parent is not None else roots.setdefault(node.page.section, [])
        siblings.append(node)
    for node in nodes.values():
        _mark_ends(node.children)
    for siblings in roots.values():
        _mark_ends(siblings)
    moved = nodes.get(int(focus)) if focus.isdigit() else None
    if moved is not None:
        moved.focus = _focus_after_move(moved, direction)
    return [Section(label, roots[value]) for value, label in Page.Section.choices if value in roots]


def _mark_ends(siblings):
    if siblings:
        siblings[0].is_first = True
        siblings[-1].is_last = True


def _focus_after_move(node, direction):
    # The same button again when it still works, so a keyboard user may press it again.
    if direction == UP and not node.is_first or direction != UP and not node.is_last:
        return direction if direction in (UP, DOWN) else DOWN
    if not node.is_first:
        return UP
    if not node.is_last:
        return DOWN
    return "link"


def move_page(pk, direction, place=""):
    """Move a page one step up or down (direction) or to a place (1, 2…) among its siblings.

    Returns the page, the direction it went and the siblings whose position changed (unsaved).
    Call inside a transaction: the siblings are locked until it ends.
    """
    try:
        page = Page.objects.get(pk=int(pk))
    except (ValueError, Page.DoesNotExist):
        raise MoveError("Nie ma takiej strony: mogła trafić do kosza. Odśwież drzewo stron.") from None
    siblings = list(
        Page.objects.select_for_update()
        .filter(parent_id=page.parent_id, section=page.section)
        .order_by("position", "title", "pk")
    )
    index = next(i for i, sibling in enumerate(siblings) if sibling.pk == page.pk)
    if place:
        try:
            target = int(place) - 1
        except ValueError:
            raise MoveError("Miejsce strony podaje się liczbą, np. 2.") from None
        if not 0 <= target < len(siblings):
            raise MoveError(f"Na poziomie strony „{page}” są miejsca od 1 do {len(siblings)}.")
        if target == index:
            raise MoveError(f"Strona „{page}” już jest na miejscu {target + 1}.")
    elif direction == UP:
        target = index - 1
        if target < 0:
            raise MoveError(f"Strona „{page}” jest już pierwsza na swoim poziomie drzewa.")
    elif direction == DOWN:
        target = index + 1
        if target >= len(siblings):
            raise MoveError(f"Strona „{page}” jest już ostatnia na swoim poziomie drzewa.")
    else:
        raise MoveError("Wybierz, dokąd przenieść stronę: „W górę” albo „W dół”.")
    moved = siblings.pop(index)
    siblings.insert(target, moved)
    changed = []
    for number, sibling in enumerate(siblings, start=1):
        if sibling.position != number * STEP:
            sibling.position = number * STEP
            changed.append(sibling)
    return moved, UP if target < index else DOWN, changed
