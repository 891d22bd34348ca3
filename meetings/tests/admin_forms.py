"""The POST data of the meeting admin form, with its four inline formsets."""

INLINES = ("agenda_items", "report", "photos", "documents")


def meeting_form(inlines=None, **fields):
    """``inlines`` maps a prefix to a list of row dicts, e.g. {"documents": [{"title": …, "file": …}]}."""
    data = {
        "title": "Spotkanie partnerów w Leoncinie",
        "slug": "",
        "series": "",
        "description": "",
        "date": "2026-11-20",
        "start_time": "",
        "end_time": "",
        "venue": "",
        "status": "planned",
        "new_date": "",
        "status_reason": "",
        "new_photos_alt": "",
    }
    inlines = inlines or {}
    for prefix in INLINES:
        rows = inlines.get(prefix, [])
        initial = sum(1 for row in rows if row.get("id"))
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": str(len(rows)),
                f"{prefix}-INITIAL_FORMS": str(initial),
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "1000",
            }
        )
        for n, row in enumerate(rows):
            data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
    data.update(fields)
    return data
