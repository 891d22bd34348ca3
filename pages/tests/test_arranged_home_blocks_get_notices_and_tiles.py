"""A home page whose blocks staff arranged before notices and link tiles existed keeps its order
and gets the two new blocks: the notices above everything, the tiles before the partners."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from pages.models import Coordinator, HomeBlock

pytestmark = pytest.mark.migrations

BEFORE = [("pages", "0007_polish_help_texts")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_schema(transactional_db):
    apps = _migrate(BEFORE)
    yield apps
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_the_new_blocks_join_the_arranged_ones(old_schema, client):
    old_home = old_schema.get_model("pages", "Coordinator").objects.create(pk=1)
    old_block = old_schema.get_model("pages", "HomeBlock")
    old_block.objects.bulk_create(
        [
            old_block(home=old_home, kind="partnerzy", position=1),
            old_block(home=old_home, kind="aktualnosci", position=20),
            old_block(home=old_home, kind="spotkania", position=30, is_shown=False),
        ]
    )

    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    blocks = HomeBlock.objects.filter(home=Coordinator.objects.get()).order_by("position", "pk")
    assert [(b.kind, b.position, b.is_shown) for b in blocks] == [
        ("komunikaty", 0, True),
        ("partnerzy", 1, True),
        ("aktualnosci", 20, True),
        ("kafelki", 25, True),
        ("spotkania", 30, False),
    ]
    assert Coordinator.objects.get().home_news_count == 5
    assert client.get("/").status_code == 200
