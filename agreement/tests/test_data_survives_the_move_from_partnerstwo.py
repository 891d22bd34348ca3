"""The agreement moved out of the project package `partnerstwo` into its own app.

A database with the demo agreement, a change in its register and its first version is
rolled back to the schema before the move and migrated forward again: the rows, the
content types (and so permissions, versions and the register) and the pages survive.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from reversion.models import Version

from accounts.roles import ADMINISTRATOR
from agreement.models import Agreement, Signature
from changelog.models import ChangeRecord

pytestmark = pytest.mark.migrations

BEFORE_THE_MOVE = [("partnerstwo", "0006_agreement_document_problems"), ("agreement", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def _latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def _app_label_of(content_type_id):
    with connection.cursor() as cursor:
        cursor.execute("SELECT app_label FROM django_content_type WHERE id = %s", [content_type_id])
        return cursor.fetchone()[0]


@pytest.fixture
def demo_agreement(transactional_db, admin_client):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    # The schema before the move needs a person on every signature: the 2024 agreement, signed by
    # functions alone, cannot go back there (agreement 0002 refuses), so this round trip is the 2018 one's.
    Agreement.objects.exclude(slug="porozumienie-o-zawarciu-partnerstwa-lokalnego").delete()
    agreement = Agreement.objects.get()
    admin_client.post(f"/admin/agreement/agreement/{agreement.pk}/change/", _form(agreement, "<p>Treść.</p>"))
    assert ChangeRecord.objects.filter(object_id=agreement.pk).count() == 1
    yield agreement
    _migrate(_latest())


def _form(agreement, text):
    signatures = list(agreement.signatures.all())
    data = {
        "title": agreement.title,
        "slug": agreement.slug,
        "signed_on": agreement.signed_on.isoformat(),
        "occasion": agreement.occasion,
        "meeting": agreement.meeting_id or "",
        "initiators": agreement.initiators,
        "text": text,
        "is_published": "on",
        "signatures-TOTAL_FORMS": str(len(signatures)),
        "signatures-INITIAL_FORMS": str(len(signatures)),
        "signatures-MIN_NUM_FORMS": "0",
        "signatures-MAX_NUM_FORMS": "1000",
    }
    for i, s in enumerate(signatures):
        data.update(
            {
                f"signatures-{i}-id": s.pk,
                f"signatures-{i}-agreement": agreement.pk,
                f"signatures-{i}-order": s.order,
                f"signatures-{i}-function": s.function,
                f"signatures-{i}-person": s.person_id,
                f"signatures-{i}-institution": s.institution_id,
                f"signatures-{i}-note": s.note,
            }
        )
    return data


def test_the_agreement_keeps_its_rows_types_and_history_across_the_move(demo_agreement, client):
    agreement_type_id = ContentType.objects.get_for_model(Agreement).pk
    signature_type_id = ContentType.objects.get_for_model(Signature).pk
    signatures = Signature.objects.count()
    versions = Version.objects.get_for_object(demo_agreement).count()
    assert versions >= 1

    _migrate(BEFORE_THE_MOVE)
    assert _app_label_of(agreement_type_id) == "partnerstwo"
    assert _app_label_of(signature_type_id) == "partnerstwo"

    _migrate(_latest())
    assert {"partnerstwo_agreement", "partnerstwo_signature"} <= set(connection.introspection.table_names())
    assert ContentType.objects.get_for_model(Agreement).pk == agreement_type_id
    assert ContentType.objects.get_for_model(Signature).pk == signature_type_id
    assert not ContentType.objects.filter(app_label="partnerstwo").exists()
    assert Signature.objects.count() == signatures
    assert ChangeRecord.objects.get(object_id=demo_agreement.pk).content_object == demo_agreement
    assert Version.objects.get_for_object(demo_agreement).count() == versions
    change = Permission.objects.get(content_type_id=agreement_type_id, codename="change_agreement")
    assert change in Group.objects.get(name=ADMINISTRATOR).permissions.all()

    html = client.get("/porozumienie/").text
    assert "Treść." in html
    assert "Rejestr zmian" in html


def test_staff_can_edit_the_agreement_after_the_move(demo_agreement, admin_client):
    _migrate(BEFORE_THE_MOVE)
    _migrate(_latest())
    response = admin_client.post(
        f"/admin/agreement/agreement/{demo_agreement.pk}/change/", _form(demo_agreement, "<p>Poprawiona treść.</p>")
    )
    assert response.status_code == 302
    assert Agreement.objects.get().text == "<p>Poprawiona treść.</p>"
    assert ChangeRecord.objects.filter(object_id=demo_agreement.pk).count() == 2


def test_going_back_before_signatures_by_function_refuses_while_some_exist(transactional_db):
    from django.db.migrations.exceptions import IrreversibleError

    from members.models import Institution

    agreement = Agreement.objects.create(title="Porozumienie", signed_on="2024-09-18")
    Signature.objects.create(agreement=agreement, institution=Institution.objects.create(name="Gmina"), function="Wójt")
    with pytest.raises(IrreversibleError, match="function without a person"):
        _migrate([("agreement", "0001_move_agreement_from_partnerstwo")])
    _migrate(_latest())
    assert Signature.objects.get().person is None  # nothing was lost
