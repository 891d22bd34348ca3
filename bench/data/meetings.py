"""Benchmark data for meetings: 200 meetings with agenda, report, six photos and two documents each."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from meetings.models import AgendaItem, Document, Meeting, Photo, Report, Venue
from members.models import Institution

MEETINGS = 200
PHOTOS_PER_MEETING = 6


def _sample_photo(meeting):
    """One real upload through the model (renditions made by Pillow); the others reuse its files."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (30, 90, 160)).save(out, format="JPEG")
    photo = Photo(meeting=meeting, alt="Uczestnicy spotkania przy stole", position=0)
    photo.image.save("probka.jpg", ContentFile(out.getvalue()), save=False)
    photo.save()
    photo.make_renditions()  # here, not in the background task queued on commit
    return photo


def fill(log):
    venue = Venue.objects.create(name="Sala konferencyjna (dane testowe)", gmina="nasielsk")
    today = timezone.localdate()
    meetings = Meeting.objects.bulk_create(
        Meeting(
            title=f"Spotkanie testowe {n}",
            slug=f"spotkanie-testowe-{n}",
            series="Spotkania testowe",
            date=today + datetime.timedelta(days=30 * (n - MEETINGS // 2)),
            start_time=datetime.time(11, 0),
            end_time=datetime.time(14, 0),
            venue=venue,
            description="<p>Opis spotkania w danych testowych.</p>",
            status=Meeting.Status.HELD if n < MEETINGS // 2 else Meeting.Status.PLANNED,
        )
        for n in range(1, MEETINGS + 1)
    )
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=m, position=p, title=f"Punkt programu {p}") for m in meetings for p in range(1, 5)
    )
    now = timezone.now()
    Report.objects.bulk_create(
        Report(
            meeting=m,
            body="<p>Relacja ze spotkania w danych testowych.</p>",
            status=Report.Status.PUBLISHED,
            published_at=now,
        )
        for m in meetings[: MEETINGS // 2]
    )
    sample = _sample_photo(meetings[0])
    copies = {
        f.name: getattr(sample, f.name)
        for f in Photo._meta.concrete_fields
        if f.name not in ("id", "meeting", "position", "alt")
    }
    Photo.objects.bulk_create(
        Photo(meeting=m, position=p, alt=f"Zdjęcie {p} ze spotkania", **copies)
        for m in meetings
        for p in range(1, PHOTOS_PER_MEETING + (0 if m.pk == meetings[0].pk else 1))
    )
    content = b"%PDF-1.4\n% bench\n%%EOF\n"
    pdf = Document(meeting=meetings[0], title="Lista obecności", kind=Document.Kind.PDF, size=len(content))
    pdf.file.save("lista.pdf", ContentFile(content), save=False)
    doc_fields = {
        f.name: getattr(pdf, f.name)
        for f in Document._meta.concrete_fields
        if f.name not in ("id", "meeting", "title", "position")
    }
    Document.objects.bulk_create(
        Document(meeting=m, title=title, **doc_fields) for m in meetings for title in ("Lista obecności", "Prezentacja")
    )
    participants = list(Institution.objects.order_by("pk")[:10])
    Meeting.participants.through.objects.bulk_create(
        Meeting.participants.through(meeting_id=m.pk, institution_id=i.pk) for m in meetings for i in participants
    )
    log(
        f"{MEETINGS} meetings with agenda, {MEETINGS // 2} reports, {MEETINGS * PHOTOS_PER_MEETING} photos, "
        f"{2 * MEETINGS} documents"
    )


def urls():
    return {"meeting list": "/spotkania/", "meeting": f"/spotkania/spotkanie-testowe-{MEETINGS // 2 - 1}/"}
