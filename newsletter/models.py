from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from core.models import SingleRowModel
from core.sanitize import clean_html
from core.templatetags.pl import pl_datetime


class ConsentText(models.Model):
    """One version of the consent wording shown beside the sign-up checkbox."""

    version = models.PositiveIntegerField("wersja", unique=True, help_text="Numer wersji treści zgody.")
    text = models.TextField("treść zgody", help_text="Dokładnie ten tekst widział zapisujący się.")
    created_at = models.DateTimeField("pierwsze użycie", auto_now_add=True)

    class Meta:
        verbose_name = "treść zgody"
        verbose_name_plural = "treści zgody"
        ordering = ["-version"]

    def __str__(self):
        return f"Zgoda, wersja {self.version}"

    @classmethod
    def current(cls):
        from newsletter.consent import CONSENT_VERSION, consent_text

        consent, _ = cls.objects.get_or_create(version=CONSENT_VERSION, defaults={"text": consent_text()})
        return consent


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        """Addresses that may receive mail: confirmed and not withdrawn."""
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def for_kind(self, kind):
        """Confirmed subscribers who asked for this kind of mailing."""
        if kind == Issue.Kind.POST_NOTICE:
            return self.confirmed().filter(wants_posts=True)
        return self.confirmed().filter(wants_issues=True)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Czeka na potwierdzenie"
        CONFIRMED = "confirmed", "Potwierdzony"
        UNSUBSCRIBED = "unsubscribed", "Wypisany"

    email = models.EmailField("adres e-mail", max_length=254)
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    wants_posts = models.BooleanField("powiadomienia o nowych wpisach", default=True)
    wants_issues = models.BooleanField("wydania newslettera", default=True)
    consent = models.ForeignKey(
        ConsentText,
        on_delete=models.PROTECT,
        related_name="subscribers",
        verbose_name="treść zgody",
        help_text="Wersja tekstu zgody, którą osoba zaakceptowała przy ostatnim zapisie.",
    )
    source = models.CharField(
        "źródło zapisu",
        max_length=200,
        blank=True,
        help_text="Formularz, z którego wysłano zapis, i adres strony, np. „stopka: /aktualnosci/”.",
    )
    requested_at = models.DateTimeField("zapis (prośba)", default=timezone.now)
    confirmed_at = models.DateTimeField("potwierdzenie", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("wycofanie zgody", null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(
        "wysłano link potwierdzający",
        null=True,
        blank=True,
        help_text="Ponowny zapis wysyła link najwyżej raz na kwadrans.",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "subskrybent"
        verbose_name_plural = "subskrybenci"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="newsletter_subscriber_email_ci_unique",
                violation_error_message="Ten adres e-mail jest już na liście.",
            ),
            models.CheckConstraint(
                condition=models.Q(wants_posts=True) | models.Q(wants_issues=True),
                name="newsletter_subscriber_wants_something",
                violation_error_message="Wybierz, co chcesz otrzymywać.",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="confirmed") | models.Q(confirmed_at__isnull=False),
                name="newsletter_subscriber_confirmed_has_date",
            ),
        ]
        indexes = [
            # Choosing the recipients of a mailing scans confirmed rows in key order.
            models.Index(fields=["status", "id"], name="nl_subscriber_status_idx"),
        ]

    def __str__(self):
        return self.email

    @property
    def topics(self):
        names = []
        if self.wants_posts:
            names.append("powiadomienia o nowych wpisach")
        if self.wants_issues:
            names.append("newsletter")
        return " i ".join(names)


class ConsentEvent(models.Model):
    """The consent record: each request, confirmation, withdrawal and return, with its source."""

    class Action(models.TextChoices):
        REQUESTED = "requested", "Zapis (prośba o potwierdzenie)"
        CONFIRMED = "confirmed", "Potwierdzenie zapisu"
        WITHDRAWN = "withdrawn", "Wycofanie zgody (wypisanie)"
        RESTORED = "restored", "Cofnięcie wypisania"

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="events", verbose_name="subskrybent"
    )
    action = models.CharField("zdarzenie", max_length=20, choices=Action.choices)
    consent = models.ForeignKey(
        ConsentText,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="treść zgody",
    )
    source = models.CharField("źródło", max_length=200, blank=True, help_text="Skąd przyszło zdarzenie.")
    created_at = models.DateTimeField("kiedy", default=timezone.now)

    class Meta:
        verbose_name = "zdarzenie zgody"
        verbose_name_plural = "historia zgody"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} – {pl_datetime(timezone.localtime(self.created_at))}"


class IssueQuerySet(models.QuerySet):
    def with_progress(self):
        """Annotate sent / failed / skipped / remaining delivery counts (one query for any number of issues)."""
        counts = {
            f"{name}_count": models.Count("deliveries", filter=models.Q(deliveries__status=status))
            for name, status in [
                ("sent", Delivery.Status.SENT),
                ("failed", Delivery.Status.FAILED),
                ("skipped", Delivery.Status.SKIPPED),
                ("pending", Delivery.Status.PENDING),
            ]
        }
        return self.annotate(**counts)


class Issue(models.Model):
    """A mailing: a newsletter issue written by staff or a notice of a new post."""

    class Kind(models.TextChoices):
        NEWSLETTER = "newsletter", "Wydanie newslettera"
        POST_NOTICE = "post", "Powiadomienie o nowym wpisie"

    class Status(models.TextChoices):
        DRAFT = "draft", "Szkic"
        SCHEDULED = "scheduled", "Zaplanowana"
        SENDING = "sending", "W trakcie wysyłki"
        PAUSED = "paused", "Wstrzymana"
        SENT = "sent", "Wysłana"

    kind = models.CharField("rodzaj", max_length=20, choices=Kind.choices, default=Kind.NEWSLETTER)
    subject = models.CharField("temat", max_length=200)
    body = models.TextField("treść")
    post = models.OneToOneField(
        "news.Post",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_notice",
        verbose_name="wpis",
        help_text="Wpis, o którym powiadamia ta wysyłka (jedna wysyłka na wpis).",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_issues",
        verbose_name="autor",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    scheduled_for = models.DateTimeField(
        "zaplanowano na",
        null=True,
        blank=True,
        help_text="O tej porze wysyłka rusza sama; do tego czasu można ją odwołać.",
    )
    queued_at = models.DateTimeField("zlecono wysyłkę", null=True, blank=True)
    planned_at = models.DateTimeField(
        "ustalono odbiorców",
        null=True,
        blank=True,
        help_text="Od tej chwili lista odbiorców wysyłki jest zamknięta.",
    )
    finished_at = models.DateTimeField("zakończono", null=True, blank=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "wysyłka"
        verbose_name_plural = "wysyłki"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "scheduled"]) | models.Q(queued_at__isnull=False),
                name="newsletter_issue_queued_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="scheduled") | models.Q(scheduled_for__isnull=False),
                name="newsletter_issue_scheduled_has_time",
            ),
        ]

    def __str__(self):
        return self.subject

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def recipients(self):
        return Subscriber.objects.for_kind(self.kind)

    def duplicate(self, user):
        """A new draft with this mailing's subject, body and kind, written by ``user``.

        Nothing of the sending is copied: status, schedule, dates and deliveries start afresh.
        The post stays with this mailing: a post has one notice (OneToOne), and the worker
        never makes another for it, so the copy is sent only by hand.
        """
        subject = self.subject if self.subject.startswith(COPY_PREFIX) else COPY_PREFIX + self.subject
        max_length = type(self)._meta.get_field("subject").max_length
        return type(self).objects.create(kind=self.kind, subject=subject[:max_length], body=self.body, created_by=user)


COPY_PREFIX = "Kopia: "


class Delivery(models.Model):
    """One e-mail of one mailing to one subscriber: the unit of exactly-once sending."""

    class Status(models.TextChoices):
        PENDING = "pending", "Do wysłania"
        SENT = "sent", "Wysłano"
        FAILED = "failed", "Błąd"
        SKIPPED = "skipped", "Pominięto (wypisany)"

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries", verbose_name="wysyłka")
    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deliveries",
        verbose_name="subskrybent",
        help_text="Puste, gdy dane subskrybenta usunięto.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField("próby", default=0)
    last_error = models.TextField("ostatni błąd", blank=True)
    sent_at = models.DateTimeField("wysłano", null=True, blank=True)
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "doręczenie"
        verbose_name_plural = "doręczenia"
        ordering = ["issue", "pk"]
        constraints = [
            # The heart of "never twice": a mailing has at most one row per subscriber.
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_delivery_once_per_subscriber"),
            models.CheckConstraint(
                condition=~models.Q(status="sent") | models.Q(sent_at__isnull=False),
                name="newsletter_delivery_sent_has_date",
            ),
        ]
        indexes = [
            # The sender walks the pending rows of one mailing in key order.
            models.Index(fields=["issue", "id"], condition=models.Q(status="pending"), name="nl_delivery_pending_idx"),
        ]

    def __str__(self):
        return f"{self.issue} → {self.subscriber or '(dane usunięte)'}"


class NewsletterSettings(SingleRowModel):
    """One row: from when new posts trigger a notice (older posts never do)."""

    post_notices_since = models.DateTimeField(
        "powiadamiaj o wpisach opublikowanych od",
        default=timezone.now,
        help_text="Wpisy z wcześniejszą datą publikacji nie wywołują wysyłki. Ustawiane przy pierwszym "
        "uruchomieniu newslettera, żeby dawne wpisy nie trafiły masowo do subskrybentów.",
    )

    class Meta:
        verbose_name = "ustawienia newslettera"
        verbose_name_plural = "ustawienia newslettera"

    def __str__(self):
        return "Ustawienia newslettera"
