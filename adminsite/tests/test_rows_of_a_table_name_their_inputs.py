"""A tabular inline heads its columns with <th> and gives no input a <label>; the admin names each
visible input of a row by its column (adminsite/options.py PolishInlineMixin), so a screen reader
says „Punkt programu”, not a nameless field. The browser test with axe:
tests/browser/test_editor_forms_have_a_name_for_every_field.py."""

import datetime
import re

from meetings.models import AgendaItem, Meeting


def test_each_input_of_a_program_row_carries_its_columns_name(client, alice):
    meeting = Meeting.objects.create(title="Spotkanie partnerów", date=datetime.date(2026, 12, 10))
    AgendaItem.objects.create(meeting=meeting, title="Otwarcie spotkania")
    client.force_login(alice)

    page = client.get(f"/admin/meetings/meeting/{meeting.pk}/change/").text

    named = dict(re.findall(r'name="agenda_items-0-([A-Za-z_]+)"[^>]*aria-label="([^"]*)"', page))
    assert named == {
        "position": "Kolejność",
        "time": "Godzina",
        "title": "Punkt programu",
        "notes": "Uwagi",
        "DELETE": "Usuń",
    }  # the hidden id and meeting fields carry no name: nobody meets them
