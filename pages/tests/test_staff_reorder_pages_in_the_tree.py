"""Staff see every page in its place in the admin's page tree and move pages up and down among their siblings."""

import re

import pytest
from reversion.models import Version

from accounts.roles import MODERATOR, REDAKTOR
from changelog.models import ChangeRecord
from pages.models import Page

TREE = "/admin/pages/page/drzewo/"
GONE = "Nie ma takiej strony: mogła trafić do kosza. Odśwież drzewo stron."


@pytest.fixture
def tree(db):
    about = Page.objects.create(title="O portalu", slug="o-portalu", position=1)
    history = Page.objects.create(title="Historia", slug="historia", parent=about, position=1)
    people = Page.objects.create(title="Ludzie", slug="ludzie", parent=about, position=2)
    rules = Page.objects.create(title="Regulamin", slug="regulamin", parent=about, position=3)
    privacy = Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", position=2)
    goals = Page.objects.create(title="Cele", slug="cele", section=Page.Section.PARTNERSHIP)
    return {"about": about, "history": history, "people": people, "rules": rules, "privacy": privacy, "goals": goals}


@pytest.fixture
def editor_client(client, staff_in_role):
    client.force_login(staff_in_role(REDAKTOR))
    return client


def titles_in_order(html):
    return re.findall(r'id="strona-\d+-tytul"[^>]*>([^<]+)</a>', html)


def children_of(parent):
    return list(Page.objects.filter(parent=parent).order_by("position", "title").values_list("title", flat=True))


def move(client, page, direction, **extra):
    return client.post(TREE, {"strona": str(page.pk), "kierunek": direction, **extra})


def test_the_tree_shows_each_section_with_its_pages_nested_in_their_order(editor_client, tree):
    html = editor_client.get(TREE).text
    assert "<h1>Drzewo stron</h1>" in html
    assert '<h2 id="dzial-1">Strony ogólne</h2>' in html
    assert '<h2 id="dzial-2">O partnerstwie</h2>' in html
    assert titles_in_order(html) == ["O portalu", "Historia", "Ludzie", "Regulamin", "Polityka prywatności", "Cele"]
    branch = html.split(f'id="strona-{tree["about"].pk}"')[1].split(f'id="strona-{tree["privacy"].pk}"')[0]
    assert branch.count('<ul class="page-tree"') == 1  # the subpages in a list of their own
    assert "/o-portalu/historia/" in branch


def test_the_first_page_cannot_go_up_and_the_last_cannot_go_down(editor_client, tree):
    html = editor_client.get(TREE).text
    first = html.split(f'id="strona-{tree["history"].pk}"')[1].split("</form>")[0]
    last = html.split(f'id="strona-{tree["rules"].pk}"')[1].split("</form>")[0]
    assert re.search(r'value="gora"[^>]*disabled', first)
    assert not re.search(r'value="dol"[^>]*disabled', first)
    assert re.search(r'value="dol"[^>]*disabled', last)


def test_w_gore_moves_a_page_above_its_sibling_and_says_so(editor_client, tree):
    response = move(editor_client, tree["people"], "gora")
    assert response.status_code == 302
    assert response.url == f"{TREE}?przeniesiona={tree['people'].pk}&kierunek=gora"
    assert children_of(tree["about"]) == ["Ludzie", "Historia", "Regulamin"]
    page = editor_client.get(response.url).text
    assert "Stronę „Ludzie” przeniesiono wyżej." in page


def test_after_a_move_the_same_button_has_the_focus_or_the_other_one_at_the_end(editor_client, tree):
    move(editor_client, tree["rules"], "gora")
    html = editor_client.get(f"{TREE}?przeniesiona={tree['rules'].pk}&kierunek=gora").text
    item = html.split(f'id="strona-{tree["rules"].pk}"')[1].split("</form>")[0]
    assert re.search(r'value="gora"[^>]*autofocus', item)
    move(editor_client, tree["rules"], "gora")
    html = editor_client.get(f"{TREE}?przeniesiona={tree['rules'].pk}&kierunek=gora").text
    item = html.split(f'id="strona-{tree["rules"].pk}"')[1].split("</form>")[0]
    assert re.search(r'value="dol"[^>]*autofocus', item)  # „W górę” is disabled at the top
    assert html.count("autofocus") == 1


def test_w_dol_moves_a_top_level_page_below_the_next_in_its_section(editor_client, tree):
    move(editor_client, tree["about"], "dol")
    roots = Page.objects.filter(parent=None, section=Page.Section.GENERAL).order_by("position", "title")
    assert [page.title for page in roots] == ["Polityka prywatności", "O portalu"]
    assert Page.objects.get(pk=tree["goals"].pk).position == 0  # the other section is left alone


def test_a_drag_and_drop_sends_the_new_place(editor_client, tree):
    response = editor_client.post(TREE, {"strona": str(tree["rules"].pk), "miejsce": "1"})
    assert response.status_code == 302
    assert children_of(tree["about"]) == ["Regulamin", "Historia", "Ludzie"]
    assert "Stronę „Regulamin” przeniesiono wyżej." in editor_client.get(response.url).text


def test_a_move_is_kept_in_each_moved_pages_history_and_the_change_register(editor_client, tree):
    move(editor_client, tree["people"], "gora")
    for page in (tree["people"], tree["history"]):
        version = Version.objects.get_for_object(page).first()
        assert version.revision.comment == "Zmiana kolejności w drzewie stron"
        assert ChangeRecord.objects.filter(object_id=page.pk, summary="Zmiana kolejności w drzewie stron").exists()
    history = editor_client.get(f"/admin/pages/page/{tree['people'].pk}/history/").text
    assert "Zmiana kolejności w drzewie stron" in history


def test_a_move_renews_the_cached_section_menu(editor_client, client, tree, django_capture_on_commit_callbacks):
    def section_menu():
        html = client.get("/o-portalu/").text
        return re.findall(r">(Historia|Ludzie|Regulamin)</a>", html.split('class="section-nav"')[1])

    assert section_menu() == ["Historia", "Ludzie", "Regulamin"]
    with django_capture_on_commit_callbacks(execute=True):
        move(editor_client, tree["rules"], "gora")
    assert section_menu() == ["Historia", "Regulamin", "Ludzie"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"strona": "abc", "kierunek": "gora"}, GONE),
        ({"strona": "999999", "kierunek": "gora"}, GONE),
        ({"kierunek": "bok"}, "Wybierz, dokąd przenieść stronę: „W górę” albo „W dół”."),
        ({"kierunek": "gora"}, "Strona „Historia” jest już pierwsza na swoim poziomie drzewa."),
        ({"miejsce": "7"}, "Na poziomie strony „Historia” są miejsca od 1 do 3."),
        ({"miejsce": "dwa"}, "Miejsce strony podaje się liczbą, np. 2."),
    ],
)
def test_an_impossible_move_is_refused_in_polish(editor_client, tree, data, message):
    response = editor_client.post(TREE, {"strona": str(tree["history"].pk), **data})
    assert response.status_code == 400
    assert message in response.text
    assert children_of(tree["about"]) == ["Historia", "Ludzie", "Regulamin"]


def test_the_page_list_links_to_the_tree_for_those_who_may_change_pages(editor_client, tree):
    assert f'<a href="{TREE}">Drzewo stron</a>' in editor_client.get("/admin/pages/page/").text


def test_staff_who_may_not_change_pages_neither_see_nor_use_the_tree(client, staff_in_role, tree):
    client.force_login(staff_in_role(MODERATOR))
    assert client.get(TREE).status_code == 403
    assert move(client, tree["people"], "gora").status_code == 403
    assert children_of(tree["about"]) == ["Historia", "Ludzie", "Regulamin"]


def test_the_tree_is_read_in_one_query_however_many_pages(editor_client, tree, django_assert_num_queries):
    editor_client.get(TREE)
    # Session, user, the user's and the role's permissions, the admin frame's three one-row
    # models, and one query for the whole tree; the same with many more pages.
    with django_assert_num_queries(QUERIES) as few:
        editor_client.get(TREE)
    for i in range(30):
        parent = Page.objects.create(title=f"Strona {i}", slug=f"strona-{i}")
        Page.objects.create(title=f"Podstrona {i}", slug="podstrona", parent=parent)
    with django_assert_num_queries(QUERIES):
        html = editor_client.get(TREE).text
    assert len(titles_in_order(html)) == 6 + 60
    assert len(few.captured_queries) == QUERIES


QUERIES = 8


def test_an_editor_who_had_a_moved_page_open_is_not_allowed_to_undo_the_move_unknowingly(editor_client, tree):
    from adminsite.tests.forms import change_form_data

    url = f"/admin/pages/page/{tree['people'].pk}/change/"
    stale = change_form_data(editor_client.get(url))
    move(editor_client, tree["people"], "gora")
    response = editor_client.post(url, stale)
    assert response.status_code == 200
    assert "Nie zapisano zmian: w czasie edycji zapisano nowszą wersję" in response.text
    assert children_of(tree["about"]) == ["Ludzie", "Historia", "Regulamin"]
