import datetime
import functools
import zoneinfo

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.db import models, transaction
from django.db.models import OuterRef
from django.db.models.functions import Coalesce, JSONObject
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone

from core.documents import (
    DocumentKind,
    describe_pdf_problems,
    detect_kind,
    pdf_accessibility_problems,
    validate_document,
)
from core.files import new_files_removed_on_error, note_new_file
from core.images import image_size, renditions, validate_image
from core.links import site_host
from core.models import LiveManager, Trashable
from core.sanitize import clean_html
from core.text import unique_slug
from meetings.tasks import make_photo_renditions
from members.models import Gmina

WARSAW = zoneinfo.ZoneInfo("Europe/Warsaw")

# How long after a held meeting its page may promise a report („Relacja … wkrótce”). Reports
# usually follow within a week or two (the report of 6 June 2018 came on 14 June); past this,
# a promise would only show that it was forgotten, so the page says plainly there is none.
REPORT_PROMISE_DAYS = 14

# Slugs that would clash with the section's own addresses (/spotkania/kalendarz.ics).
RESERVED_SLUGS = {"kalendarz", "archiwum"}


class Venue(models.Model):
    name = models.CharField("nazwa", max_length=200, help_text="Np. Rezydencja „Miętowe Wzgórza”.")
    address = models.CharField(
        "adres", max_length=250, blank=True, help_text="Ulica i numer, miejscowość – tylko to, co jest pewne."
    )
    gmina = models.CharField("gmina", max_length=40, choices=Gmina.choices, blank=True)
    latitude = models.DecimalField(
        "szerokość geograficzna",
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Opcjonalnie, np. 52.433500. Razem z długością daje link do mapy OpenStreetMap.",
    )
    longitude = models.DecimalField(
        "długość geograficzna",
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text="Opcjonalnie, np. 20.614200.",
    )

    class Meta:
        verbose_name = "miejsce spotkań"
        verbose_name_plural = "miejsca spotkań"
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True, longitude__isnull=True)
                | models.Q(
                    latitude__gte=-90,
                    latitude__lte=90,
                    longitude__gte=-180,
                    longitude__lte=180,
                ),
                name="venue_coordinates_pair_in_range",
                violation_error_message="Podaj obie współrzędne (szerokość od -90 do 90, długość od -180 do 180) "
                "albo żadnej.",
            ),
        ]

    def __str__(self):
        place = self.address or self.get_gmina_display()
        return f"{self.name} ({place})" if place else self.name

    @property
    def map_url(self):
        """A plain link to OpenStreetMap (nothing is loaded from there on our pages)."""
        if self.latitude is None or self.longitude is None:
            return ""
        return (
            f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}"
            f"#map=17/{self.latitude}/{self.longitude}"
        )


def _count_of(model, *conditions):
    """How many rows of ``model`` (matching ``conditions``) belong to the meeting of the outer query."""
    rows = model.objects.filter(*conditions, meeting=OuterRef("pk")).order_by().values("meeting")
    return Coalesce(models.Subquery(rows.annotate(count=models.Count("*")).values("count")), 0)


def awaiting_report(today=None, now=None):
    """The condition of MeetingQuerySet.awaiting_report, for a count among others (the admin's home page)."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    return models.Q(date__lt=today, status__in=[Meeting.Status.PLANNED, Meeting.Status.HELD]) & ~models.Q(
        report__status=Report.Status.PUBLISHED, report__published_at__lte=now
    )


class MeetingQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see: a meeting approved for publishing (meetings/review.py).

        Every public page, feed, sitemap, the search index and the open data ask this, and only
        this, whether a meeting is public. A meeting has no publication date, so ``scheduled``
        (core/publishing.py asks with it) changes nothing.
        """
        return self.filter(review_state=Meeting.ReviewState.APPROVED)

    def upcoming(self, today=None):
        """Today's and later meetings, the soonest first."""
        today = today or timezone.localdate()
        return self.filter(date__gte=today).order_by("date", "start_time", "pk")

    def past(self, today=None):
        """Earlier meetings, the most recent first."""
        today = today or timezone.localdate()
        return self.filter(date__lt=today).order_by("-date", "-start_time", "-pk")

    def next_or_recent(self, today=None):
        """Upcoming meetings soonest first, then past ones newest first: one query for the home page."""
        today = today or timezone.localdate()
        upcoming = models.Q(date__gte=today)
        return self.alias(
            is_past=models.Case(models.When(upcoming, then=models.Value(False)), default=models.Value(True)),
            upcoming_date=models.Case(models.When(upcoming, then=models.F("date"))),
            past_date=models.Case(models.When(~upcoming, then=models.F("date"))),
        ).order_by("is_past", "upcoming_date", models.F("past_date").desc(), "start_time", "pk")

    def awaiting_report(self, today=None, now=None):
        """Past meetings (not cancelled or postponed) whose report is not public yet: staff's to-do."""
        return self.filter(awaiting_report(today, now))

    def for_cards(self):
        """What a meeting card shows: venue, report state and counts, in one query.

        The counts are subqueries, not joins with GROUP BY: PostgreSQL counts the photos and
        documents of the meetings shown only, not of every meeting before the LIMIT.
        """
        return self.select_related("venue", "report").annotate(
            # Photos count once their copies exist: until then the page does not show them.
            photo_count=_count_of(Photo, ~models.Q(large="") & ~models.Q(thumbnail="")),
            document_count=_count_of(Document),
        )

    def with_agenda(self):
        """The agenda as a list of {"time", "title"} in the meeting's own row (no extra query)."""
        items = AgendaItem.objects.filter(meeting=OuterRef("pk")).order_by("position", "pk")
        return self.annotate(
            agenda=ArraySubquery(items.values(json=JSONObject(time="time", title="title", notes="notes")))
        )


class Meeting(Trashable):
    class Status(models.TextChoices):
        PLANNED = "planned", "zaplanowane"
        HELD = "held", "odbyło się"
        POSTPONED = "postponed", "przełożone"
        CANCELLED = "cancelled", "odwołane"

    class ReviewState(models.TextChoices):
        # Approval before publishing (meetings/review.py), apart from the public status above:
        # a meeting proposed without the right to publish waits for someone who has it.
        DRAFT = "draft", "Szkic"
        SUBMITTED = "submitted", "Czeka na akceptację"
        RETURNED = "returned", "Do poprawy"
        APPROVED = "approved", "Zatwierdzone"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=200,
        blank=True,
        help_text="Tworzony z tytułu i daty; po ogłoszeniu spotkania lepiej go nie zmieniać.",
    )
    series = models.CharField(
        "cykl", max_length=200, blank=True, help_text="Np. „Spotkania organizacyjno-integracyjne”."
    )
    date = models.DateField("data")
    start_time = models.TimeField(
        "godzina rozpoczęcia",
        null=True,
        blank=True,
        help_text="Czas polski. Pozostaw puste, jeśli godzina nie jest znana – spotkanie będzie całodniowe "
        "w kalendarzu.",
    )
    end_time = models.TimeField(
        "godzina zakończenia", null=True, blank=True, help_text="Opcjonalnie; tylko razem z godziną rozpoczęcia."
    )
    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, null=True, blank=True, related_name="meetings", verbose_name="miejsce"
    )
    description = models.TextField("opis", blank=True, help_text="Zapowiedź: czego dotyczy spotkanie.")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PLANNED)
    new_date = models.DateField(
        "nowy termin", null=True, blank=True, help_text="Tylko dla spotkania przełożonego, jeśli termin jest znany."
    )
    status_reason = models.TextField(
        "powód zmiany", blank=True, help_text="Dlaczego spotkanie przełożono lub odwołano (pokazywane na stronie)."
    )
    participants = models.ManyToManyField(
        "members.Institution", blank=True, related_name="meetings", verbose_name="instytucje uczestniczące"
    )
    related_posts = models.ManyToManyField(
        "news.Post",
        blank=True,
        related_name="meetings",
        verbose_name="powiązane wpisy",
        help_text="Na stronie spotkania widać tylko opublikowane wpisy.",
    )
    institution = models.ForeignKey(
        "members.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_meetings",
        verbose_name="instytucja partnerska",
        help_text="Instytucja, która proponuje lub organizuje spotkanie. Konto instytucji partnerskiej ustawia "
        "ją samo i widzi tylko spotkania swojej instytucji.",
    )
    review_state = models.CharField(
        "akceptacja",
        max_length=20,
        choices=ReviewState.choices,
        default=ReviewState.APPROVED,
        help_text="Spotkanie jest na stronie dopiero po zatwierdzeniu. Zmieniają to przyciski na dole formularza.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="wysłane do akceptacji przez",
        help_text="Kto ostatni wysłał spotkanie do akceptacji: dostaje wiadomość o zatwierdzeniu albo zwrocie.",
    )
    review_note = models.TextField(
        "uwagi do poprawy",
        blank=True,
        editable=False,
        help_text="Uwagi z ostatniego zwrotu spotkania do poprawy.",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = LiveManager.from_queryset(MeetingQuerySet)()
    all_objects = MeetingQuerySet.as_manager()  # with the trash
    # Renders the saved state for a preview link (drafts/previews.py).
    preview_view = "meetings.views.meeting_preview"

    class Meta:
        verbose_name = "spotkanie"
        verbose_name_plural = "spotkania"
        ordering = ["-date", "-start_time", "-pk"]
        # Held by the Redaktor and the Administrator (accounts/roles.py); without it a meeting is
        # sent for approval instead (meetings/review.py).
        permissions = [("publish_meeting", "Publikowanie spotkań i akceptowanie spotkań innych osób")]
        indexes = [
            # Upcoming/past splits and the year archive filter on the date.
            models.Index(fields=["date"], name="meeting_date_idx"),
        ]
        constraints = [
            # One address per meeting outside the trash: a trashed meeting gives its address up.
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(deleted_at__isnull=True),
                name="meeting_unique_slug",
                violation_error_code="unique",  # shown at the field, as unique=True was
                violation_error_message="Inne spotkanie ma już ten adres (slug). Wybierz inny.",
            ),
            models.CheckConstraint(
                condition=models.Q(end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__gt=models.F("start_time")),
                name="meeting_end_after_start",
                violation_error_message="Godzina zakończenia musi być późniejsza niż godzina rozpoczęcia.",
            ),
            models.CheckConstraint(
                condition=models.Q(new_date__isnull=True) | models.Q(status="postponed"),
                name="meeting_new_date_only_when_postponed",
                violation_error_message="Nowy termin podaj tylko dla spotkania przełożonego.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        if not self.slug or self.slug in RESERVED_SLUGS:
            self.slug = unique_slug(Meeting, f"{self.title} {self.date:%Y-%m-%d}", exclude_pk=self.pk)
        self.description = clean_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.slug])

    def restore_problem(self):
        clash = Meeting.objects.filter(slug=self.slug).exclude(pk=self.pk).first()
        if clash is not None:
            return (
                f"pod jego adresem {self.get_absolute_url()} jest teraz spotkanie „{clash}”. "
                "Zmień adres tamtego spotkania i przywróć to ponownie."
            )
        return None

    def get_ics_url(self):
        return reverse("meetings:ics", args=[self.slug])

    @property
    def starts_at(self):
        """The start as an aware datetime, or None for a meeting without a known time."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=WARSAW)

    @property
    def ends_at(self):
        if self.end_time is None:
            return None
        return datetime.datetime.combine(self.date, self.end_time, tzinfo=WARSAW)

    @property
    def is_public(self):
        return self.deleted_at is None and self.review_state == self.ReviewState.APPROVED

    @property
    def public_report(self):
        """The report if visitors may read it (load it with select_related("report"))."""
        try:
            report = self.report
        except Report.DoesNotExist:
            return None
        return report if report.is_public else None

    @property
    def report_pending(self):
        """A held meeting whose report is still to come."""
        return self.status == self.Status.HELD and self.public_report is None

    @property
    def calendar_day(self):
        """The day a calendar should hold the meeting on, or None when no day holds.

        A postponed meeting moves to its new date once that is known; until then, and for a
        cancelled meeting, there is no day to offer: the old one must not reach a calendar.
        """
        if self.status == self.Status.CANCELLED:
            return None
        if self.status == self.Status.POSTPONED:
            return self.new_date
        return self.date

    @property
    def calendar_times(self):
        """(start, end) for calendars: aware datetimes, or dates of an all-day event.

        The time of day belongs to the original date; a new date comes without one, so it is all day.
        """
        day = self.calendar_day or self.date
        if day == self.date and self.starts_at:
            return self.starts_at, self.ends_at or self.starts_at + datetime.timedelta(hours=1)
        return day, day + datetime.timedelta(days=1)

    @property
    def offers_calendar(self):
        """Whether the page offers „Dodaj do kalendarza”: a day still to come that holds."""
        return self.calendar_day is not None and self.calendar_day >= timezone.localdate()

    @property
    def report_promised(self):
        """A held meeting whose report is still to come and may still be promised in public."""
        if not self.report_pending:
            return False
        return timezone.localdate() < self.date + datetime.timedelta(days=REPORT_PROMISE_DAYS)

    @property
    def is_upcoming(self):
        return self.date >= timezone.localdate()

    @property
    def uid(self):
        """The iCalendar UID: the same for this meeting in every download and feed."""
        return f"spotkanie-{self.pk}@{site_host()}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name="spotkanie"
    )
    position = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wcześniej.")
    time = models.TimeField("godzina", null=True, blank=True, help_text="Opcjonalnie.")
    title = models.CharField("punkt programu", max_length=250)
    notes = models.CharField("uwagi", max_length=500, blank=True, help_text="Np. kto prowadzi ten punkt.")

    class Meta:
        verbose_name = "punkt programu"
        verbose_name_plural = "program spotkania"
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.title


class ReportQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see: published, and its time has come.

        ``scheduled=True`` also takes what is published with a date still to come
        (the search index and the change register count it as published). A report of a meeting
        in the trash is not public.
        """
        published = self.filter(
            status=Report.Status.PUBLISHED,
            meeting__deleted_at__isnull=True,
            meeting__review_state=Meeting.ReviewState.APPROVED,
        )
        if scheduled:
            return published
        # The application's clock, not the database's: the page cache and the tests move the same one.
        return published.filter(published_at__lte=timezone.now())


class Report(models.Model):
    """The account of a meeting (relacja), written and published on its own, days after the meeting."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Szkic"
        # The review steps (meetings/review.py): a report written without the right to publish
        # meetings waits for someone who has it, who publishes it or returns it with a note.
        SUBMITTED = "submitted", "Czeka na akceptację"
        RETURNED = "returned", "Do poprawy"
        PUBLISHED = "published", "Opublikowana"

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="report", verbose_name="spotkanie")
    body = models.TextField("treść relacji")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_reports",
        verbose_name="autor",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "data publikacji",
        default=timezone.now,
        help_text="Data w przyszłości oznacza publikację zaplanowaną: relacja pojawi się o tej porze.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="wysłana do akceptacji przez",
        help_text="Kto ostatni wysłał relację do akceptacji: dostaje wiadomość o zatwierdzeniu albo zwrocie.",
    )
    review_note = models.TextField(
        "uwagi do poprawy",
        blank=True,
        editable=False,
        help_text="Uwagi z ostatniego zwrotu relacji do poprawy.",
    )
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = ReportQuerySet.as_manager()
    # Renders the saved state for a preview link (drafts/previews.py).
    preview_view = "meetings.views.report_preview"

    class Meta:
        verbose_name = "relacja ze spotkania"
        verbose_name_plural = "relacje ze spotkań"
        ordering = ["-published_at", "-pk"]

    def __str__(self):
        return f"Relacja: {self.meeting}"

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()


def photo_path(instance, filename):
    return f"spotkania/{instance.meeting_id}/zdjecia/{filename}"


def photo_rendition_path(instance, filename):
    return f"spotkania/{instance.meeting_id}/zdjecia/male/{filename}"


# The copies made of every photo (Photo.make_renditions): a large size and a thumbnail.
LARGE_SIZE = (1600, 1600)
THUMBNAIL_SIZE = (480, 360)
RENDITION_FIELDS = ["large", "large_width", "large_height", "thumbnail", "thumbnail_width", "thumbnail_height"]


class PhotoQuerySet(models.QuerySet):
    def ready(self):
        """Photos whose large size and thumbnail exist: the only ones pages show.

        A background task makes them after the upload is saved (meetings/tasks.py).
        """
        return self.exclude(large="").exclude(thumbnail="")


class Photo(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="photos", verbose_name="spotkanie")
    image = models.ImageField(
        "zdjęcie",
        upload_to=photo_path,
        validators=[validate_image],
        help_text="JPEG, PNG, GIF lub WebP. Dane EXIF (np. lokalizacja) są usuwane, nazwa pliku zmieniana.",
    )
    alt = models.CharField(
        "tekst alternatywny",
        max_length=250,
        help_text="Co widać na zdjęciu – dla osób, które go nie widzą. Wymagany.",
    )
    caption = models.CharField("podpis", max_length=300, blank=True, help_text="Opcjonalny, widoczny pod zdjęciem.")
    position = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wcześniej.")
    width = models.PositiveIntegerField("szerokość oryginału", null=True, editable=False)
    height = models.PositiveIntegerField("wysokość oryginału", null=True, editable=False)
    large = models.ImageField("duży rozmiar", upload_to=photo_rendition_path, blank=True, editable=False)
    large_width = models.PositiveIntegerField("szerokość dużego rozmiaru", null=True, editable=False)
    large_height = models.PositiveIntegerField("wysokość dużego rozmiaru", null=True, editable=False)
    thumbnail = models.ImageField("miniatura", upload_to=photo_rendition_path, blank=True, editable=False)
    thumbnail_width = models.PositiveIntegerField("szerokość miniatury", null=True, editable=False)
    thumbnail_height = models.PositiveIntegerField("wysokość miniatury", null=True, editable=False)

    objects = PhotoQuerySet.as_manager()

    class Meta:
        verbose_name = "zdjęcie"
        verbose_name_plural = "zdjęcia"
        ordering = ["meeting", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(alt=""),
                name="photo_has_alt",
                violation_error_message="Podaj tekst alternatywny zdjęcia.",
            ),
        ]

    def __str__(self):
        return self.alt

    def save(self, *args, **kwargs):
        """Save; a new image gets its copies made after commit, in a background task.

        Making them takes a second or more per photo: fifty photos added at once would not fit
        in the admin request. Until they exist the photo is not shown (PhotoQuerySet.ready).
        """
        replaced = getattr(self, "_stored_image", None)
        new_image = bool(self.image) and self.image.name != replaced
        outdated = []
        if new_image and replaced:
            outdated = [replaced, *(f.name for f in (self.large, self.thumbnail) if f)]
            self.large = self.thumbnail = ""
            self.large_width = self.large_height = self.thumbnail_width = self.thumbnail_height = None
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], *RENDITION_FIELDS}
        super().save(*args, **kwargs)
        self._stored_image = self.image.name
        if self.image and not self.is_ready:
            transaction.on_commit(functools.partial(make_photo_renditions.enqueue, self.pk))
        for name in outdated:
            transaction.on_commit(functools.partial(self.image.storage.delete, name))

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        photo = super().from_db(db, field_names, values, **kwargs)
        photo._stored_image = photo.__dict__.get("image")
        return photo

    @property
    def is_ready(self):
        """The large size and the thumbnail exist."""
        return bool(self.large and self.thumbnail)

    def make_renditions(self):
        """Make and store the large size and the thumbnail of the stored image.

        Returns False, keeping nothing, when meanwhile the photo was deleted, got another image
        or its copies were made by another worker.
        """
        source_name = self.image.name
        with self.image.open("rb") as source:
            width, height = image_size(source)
            large, thumbnail = renditions(source, [LARGE_SIZE, THUMBNAIL_SIZE])
        with new_files_removed_on_error(), transaction.atomic():
            photo = Photo.objects.select_for_update().filter(pk=self.pk, image=source_name).first()
            if photo is None or photo.is_ready:
                return False
            photo.width, photo.height = width, height
            large, photo.large_width, photo.large_height = large
            thumbnail, photo.thumbnail_width, photo.thumbnail_height = thumbnail
            photo.large.save(large.name, large, save=False)
            note_new_file(photo.large)
            photo.thumbnail.save(thumbnail.name, thumbnail, save=False)
            note_new_file(photo.thumbnail)
            photo.save(update_fields=["width", "height", *RENDITION_FIELDS])
        self.refresh_from_db()
        return True

    def delete_files(self):
        for field in (self.image, self.large, self.thumbnail):
            if field:
                field.storage.delete(field.name)


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender, instance, **kwargs):
    instance.delete_files()


def document_path(instance, filename):
    return f"spotkania/{instance.meeting_id}/dokumenty/{filename}"


class Document(models.Model):
    Kind = DocumentKind

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents", verbose_name="spotkanie")
    title = models.CharField("tytuł", max_length=250, help_text="Np. „Porozumienie o zawarciu partnerstwa”.")
    file = models.FileField(
        "plik",
        upload_to=document_path,
        max_length=250,
        validators=[validate_document],
        help_text="PDF, DOCX, XLSX, PPTX, ODT, ODS lub ODP. Rodzaj jest sprawdzany po zawartości pliku.",
    )
    kind = models.CharField("rodzaj", max_length=10, choices=Kind.choices, editable=False)
    size = models.PositiveBigIntegerField("rozmiar (bajty)", default=0, editable=False)
    position = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wyżej.")
    # Set when a PDF is uploaded (core/documents.py), or by manage.py check_pdf_accessibility for older rows.
    pdf_problems = ArrayField(
        models.CharField(max_length=20),
        verbose_name="braki dostępności PDF",
        null=True,
        blank=True,
        editable=False,
        help_text="Puste – dokument dostępny; brak wartości – nie sprawdzono (albo to nie PDF).",
    )

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokumenty"
        ordering = ["meeting", "position", "pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.kind = detect_kind(self.file) or self.kind
            self.size = self.file.size
            self.pdf_problems = pdf_accessibility_problems(self.file) if self.kind == DocumentKind.PDF else None
        super().save(*args, **kwargs)

    @property
    def accessibility_problems(self):
        """„brak warstwy tekstowej (skan), …” for a PDF that fails the checks, else ""."""
        return describe_pdf_problems(self.pdf_problems or [])

    @property
    def label(self):
        """„PDF, 1,2 MB”"""
        return f"{self.get_kind_display()}, {filesizeformat(self.size)}"


@receiver(post_delete, sender=Document)
def _delete_document_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.storage.delete(instance.file.name)
