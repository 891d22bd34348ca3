"""The site frame and the change register moved out of the `partnerstwo` app.

A database filled with the demo content at the schema before the move (the
migrations are rolled back to it) is migrated forward: tables, content types,
the change register and the search index must survive, and the pages still show.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from changelog.models import ChangeRecord
from pages.models import Page
from search.models import Document

pytestmark = pytest.mark.migrations

BEFORE_THE_MOVE = [
    ("partnerstwo", "0004_link_agreement_to_meeting"),
    ("pages", None),
    ("changelog", None),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def _tables():
    return set(connection.introspection.table_names())


@pytest.fixture
def demo_site(transactional_db, admin_client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    # The old schema needs a person on every signature: the 2024 agreement, signed by functions alone,
    # cannot go back there (agreement 0002 refuses), so it leaves before the round trip.
    from agreement.models import Agreement

    Agreement.objects.filter(signed_on__year=2024).delete()
    page = Page.objects.get(slug="polityka-prywatnosci")
    # One change in the register, made as staff make it.
    admin_client.post(
        f"/admin/pages/page/{page.pk}/change/",
        {
            "title": page.title,
            "slug": page.slug,
            "section": page.section,
            "position": page.position,
            "body": page.body + "<p>Uzupełnienie.</p>",
            "is_published": "on",
        },
    )
    assert ChangeRecord.objects.filter(object_id=page.pk).count() == 1
    yield page
    _migrate(_latest())


def test_demo_content_is_kept_when_the_old_schema_is_migrated(demo_site, client):
    page_type_id = ContentType.objects.get_for_model(Page).pk
    pages_before = Page.objects.count()

    _migrate(BEFORE_THE_MOVE)
    assert {"partnerstwo_page", "partnerstwo_coordinator", "partnerstwo_changerecord"} <= _tables()
    assert "pages_page" not in _tables()
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label FROM django_content_type WHERE id = %s", [page_type_id])
        assert cursor.fetchone() == ("partnerstwo",)

    _migrate(_latest())
    assert {"pages_page", "pages_coordinator", "pages_accessibilitystatement", "changelog_changerecord"} <= _tables()
    assert not {"partnerstwo_page", "partnerstwo_changerecord"} & _tables()

    # Same content type row, so everything that points at it still finds its object.
    assert ContentType.objects.get_for_model(Page).pk == page_type_id
    assert not ContentType.objects.filter(app_label="partnerstwo", model="page").exists()
    assert Page.objects.count() == pages_before
    record = ChangeRecord.objects.get(object_id=demo_site.pk)
    assert record.content_object == demo_site
    assert Document.objects.get(content_type_id=page_type_id, object_id=demo_site.pk).item == demo_site

    html = client.get("/polityka-prywatnosci/").text
    assert "Uzupełnienie." in html
    assert "Rejestr zmian" in html
    assert client.get("/partnerstwo/").status_code == 200
    assert client.get("/deklaracja-dostepnosci/").status_code == 200
    assert client.get("/porozumienie/").status_code == 200


def test_new_pages_can_be_added_after_the_move(demo_site, admin_client):
    _migrate(BEFORE_THE_MOVE)
    _migrate(_latest())
    response = admin_client.post(
        "/admin/pages/page/add/",
        {
            "title": "Dojazd",
            "slug": "dojazd",
            "section": "ogolne",
            "position": 5,
            "body": "<p>Jak dojechać na spotkania.</p>",
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    assert Page.objects.get(slug="dojazd").title == "Dojazd"
