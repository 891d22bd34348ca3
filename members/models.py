from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from core.images import validate_image
from core.models import LiveManager, Trashable
from core.sanitize import clean_html
from core.text import unique_slug


class Gmina(models.TextChoices):
    """The six gminas of powiat nowodworski, and everything outside it."""

    NOWY_DWOR = "nowy-dwor-mazowiecki", "Nowy Dwór Mazowiecki"
    NASIELSK = "nasielsk", "Nasielsk"
    ZAKROCZYM = "zakroczym", "Zakroczym"
    CZOSNOW = "czosnow", "Czosnów"
    LEONCIN = "leoncin", "Leoncin"
    POMIECHOWEK = "pomiechowek", "Pomiechówek"
    OUTSIDE = "poza-powiatem", "poza powiatem nowodworskim"


class InstitutionKind(models.TextChoices):
    STAROSTWO = "starostwo", "starostwo powiatowe"
    GMINA = "urzad-gminy", "urząd gminy lub miasta"
    PUP = "pup", "powiatowy urząd pracy"
    RADA_RYNKU_PRACY = "rada-rynku-pracy", "rada rynku pracy"
    NGO = "organizacja-pozarzadowa", "organizacja pozarządowa"
    EMPLOYER = "pracodawca", "pracodawca"
    TRAINING = "instytucja-szkoleniowa", "instytucja szkoleniowa"
    LABOUR_MARKET = "instytucja-rynku-pracy", "instytucja rynku pracy"
    OTHER = "inna", "inna instytucja"


# Kinds that are public bodies (schema.org GovernmentOrganization in the pages' JSON-LD).
PUBLIC_BODY_KINDS = {
    InstitutionKind.STAROSTWO,
    InstitutionKind.GMINA,
    InstitutionKind.PUP,
    InstitutionKind.RADA_RYNKU_PRACY,
}


def logo_path(instance, filename):
    return f"partnerzy/{filename}"


class InstitutionQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see: institutions staff have published (none is scheduled)."""
        return self.filter(is_published=True)


class Institution(Trashable):
    name = models.CharField("nazwa", max_length=250)
    short_name = models.CharField("nazwa skrócona", max_length=100, blank=True)
    slug = models.SlugField("adres (slug)", max_length=200, blank=True)
    kind = models.CharField("rodzaj", max_length=40, choices=InstitutionKind.choices)
    gmina = models.CharField("gmina", max_length=40, choices=Gmina.choices)
    # Contacts: only what the institution itself publishes; an empty field is not shown.
    address = models.TextField(
        "adres", blank=True, help_text="Adres urzędu lub siedziby: ulica, numer, kod pocztowy i miejscowość."
    )
    website = models.URLField("strona internetowa", blank=True, help_text="Np. https://www.nasielsk.pl/.")
    email = models.EmailField("e-mail", blank=True, help_text="Ogólny adres e-mail instytucji, nie adres pracownika.")
    phone = models.CharField(
        "telefon", max_length=50, blank=True, help_text="Numer sekretariatu lub biura obsługi, np. „22 765 27 24”."
    )
    bip_url = models.URLField(
        "Biuletyn Informacji Publicznej",
        blank=True,
        help_text="Adres BIP instytucji, jeśli go prowadzi, np. https://umnasielsk.bip.org.pl/.",
    )
    logo = models.ImageField(
        "logo",
        upload_to=logo_path,
        blank=True,
        validators=[validate_image],
        help_text="JPEG, PNG, GIF lub WebP, do 5 MB.",
    )
    logo_alt = models.CharField(
        "tekst alternatywny logo", max_length=250, blank=True, help_text="Wymagany, gdy jest logo."
    )
    description = models.TextField("opis", blank=True)
    is_published = models.BooleanField(
        "opublikowana",
        default=True,
        help_text="Nieopublikowanej instytucji nie widać na stronie ani w wyszukiwarce. Instytucja utworzona "
        "z przyjętego zgłoszenia czeka tu, aż ktoś uzupełni jej dane i ją opublikuje.",
    )

    objects = LiveManager.from_queryset(InstitutionQuerySet)()
    all_objects = InstitutionQuerySet.as_manager()  # with the trash

    class Meta:
        verbose_name = "instytucja"
        verbose_name_plural = "instytucje"
        ordering = ["name"]
        constraints = [
            # One name and one address per institution outside the trash: a trashed one gives them up.
            models.UniqueConstraint(
                fields=["name"],
                condition=models.Q(deleted_at__isnull=True),
                name="institution_unique_name",
                violation_error_code="unique",  # shown at the field, as unique=True was
                violation_error_message="Instytucja o tej nazwie już jest.",
            ),
            models.UniqueConstraint(
                fields=["slug"],
                condition=models.Q(deleted_at__isnull=True),
                name="institution_unique_slug",
                violation_error_code="unique",  # shown at the field, as unique=True was
                violation_error_message="Inna instytucja ma już ten adres (slug). Wybierz inny.",
            ),
            models.CheckConstraint(
                condition=models.Q(logo="") | ~models.Q(logo_alt=""),
                name="institution_logo_has_alt",
                violation_error_message="Podaj tekst alternatywny logo.",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Institution, self.short_name or self.name, exclude_pk=self.pk)
        self.description = clean_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("members:institution", args=[self.slug])

    def trash_blockers(self):
        # The agreements' signatures name the institution (the same protection as before the trash).
        return list(self.signatures.select_related("agreement"))

    def restore_problem(self):
        clash = Institution.objects.filter(models.Q(name=self.name) | models.Q(slug=self.slug)).exclude(pk=self.pk)
        clash = clash.first()
        if clash is None:
            return None
        if clash.name == self.name:
            return "jest już inna instytucja o tej nazwie. Zmień nazwę tamtej instytucji i przywróć tę ponownie."
        return (
            f"pod jej adresem {self.get_absolute_url()} jest teraz instytucja „{clash}”. "
            "Zmień adres tamtej instytucji i przywróć tę ponownie."
        )

    @property
    def schema_type(self):
        return "GovernmentOrganization" if self.kind in PUBLIC_BODY_KINDS else "Organization"


class Person(models.Model):
    """Someone who holds or held an office in a partner institution."""

    first_name = models.CharField("imię (imiona)", max_length=100, help_text="W mianowniku, np. „Adam Mirosław”.")
    last_name = models.CharField("nazwisko", max_length=100, help_text="W mianowniku, np. „Krawczak”.")

    class Meta:
        verbose_name = "osoba"
        verbose_name_plural = "osoby"
        ordering = ["last_name", "first_name"]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"


class OfficeQuerySet(models.QuerySet):
    def held_on(self, day):
        """Offices held on ``day``: begun by then (or no known start) and not yet ended."""
        return self.filter(
            models.Q(start_date__isnull=True) | models.Q(start_date__lte=day),
            models.Q(end_date__isnull=True) | models.Q(end_date__gte=day),
        )

    def current(self):
        return self.held_on(timezone.localdate())


class Office(models.Model):
    """A function a person holds in an institution for a time; ended offices stay as history."""

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="offices", verbose_name="instytucja"
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="offices", verbose_name="osoba")
    function = models.CharField(
        "funkcja",
        max_length=200,
        help_text="W mianowniku, tak jak się ją zapisuje, np. „Burmistrz Nasielska”, „Wójt Gminy Czosnów”.",
    )
    start_date = models.DateField("od", null=True, blank=True, help_text="Zostaw puste, jeśli data nie jest znana.")
    start_year_only = models.BooleanField(
        "znany tylko rok rozpoczęcia",
        default=False,
        help_text="Zaznacz, gdy znany jest tylko rok: w polu „od” wpisz dowolny dzień tego roku, "
        "portal pokaże sam rok.",
    )
    end_date = models.DateField("do", null=True, blank=True, help_text="Puste, dopóki osoba pełni funkcję.")
    end_year_only = models.BooleanField(
        "znany tylko rok zakończenia",
        default=False,
        help_text="Zaznacz, gdy znany jest tylko rok: w polu „do” wpisz dowolny dzień tego roku, "
        "portal pokaże sam rok.",
    )
    position = models.PositiveSmallIntegerField(
        "kolejność",
        default=0,
        help_text="Mniejsza liczba – wyżej na liście; pierwsza obecna funkcja to przedstawiciel instytucji.",
    )

    objects = OfficeQuerySet.as_manager()

    class Meta:
        verbose_name = "funkcja"
        verbose_name_plural = "funkcje"
        ordering = [models.F("end_date").desc(nulls_first=True), "position", models.F("start_date").desc()]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(start_date__isnull=True)
                | models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="office_ends_after_it_starts",
                violation_error_message="Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.",
            ),
            # A function has one holder at a time: a new holder means closing the old office.
            models.UniqueConstraint(
                "institution",
                Lower("function"),
                condition=models.Q(end_date__isnull=True),
                name="office_one_open_holder",
                violation_error_message="Tę funkcję ktoś już pełni. Najpierw podaj datę zakończenia poprzedniej.",
            ),
        ]

    def __str__(self):
        return f"{self.function} – {self.person}"

    def save(self, *args, **kwargs):
        # A year alone stands for the whole year: from its first day, until its last.
        if self.start_year_only and self.start_date:
            self.start_date = self.start_date.replace(month=1, day=1)
        if self.end_year_only and self.end_date:
            self.end_date = self.end_date.replace(month=12, day=31)
        super().save(*args, **kwargs)

    @property
    def is_current(self):
        today = timezone.localdate()
        return (self.start_date is None or self.start_date <= today) and (
            self.end_date is None or self.end_date >= today
        )

    @property
    def is_past(self):
        return self.end_date is not None and self.end_date < timezone.localdate()


class AccessionRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=AccessionRequest.Status.PENDING)


class AccessionRequest(models.Model):
    """An institution's request to join the partnership, sent from /partnerzy/przystap/."""

    class Status(models.TextChoices):
        PENDING = "oczekuje", "oczekuje na decyzję"
        ACCEPTED = "przyjete", "przyjęte"
        REJECTED = "odrzucone", "odrzucone"

    institution_name = models.CharField("nazwa instytucji", max_length=250)
    kind = models.CharField("rodzaj instytucji", max_length=40, choices=InstitutionKind.choices)
    gmina = models.CharField("gmina", max_length=40, choices=Gmina.choices)
    contact_name = models.CharField("osoba kontaktowa", max_length=200)
    email = models.EmailField("e-mail")
    phone = models.CharField("telefon", max_length=50, blank=True)
    message = models.TextField("wiadomość", max_length=3000, blank=True)
    consent = models.BooleanField("zgoda na przetwarzanie danych")
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.PENDING)
    rejection_reason = models.TextField(
        "powód odrzucenia",
        max_length=2000,
        blank=True,
        help_text="Trafia do osoby zgłaszającej w e-mailu z decyzją.",
    )
    created_at = models.DateTimeField("wysłano", auto_now_add=True)
    decided_at = models.DateTimeField("data decyzji", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="rozpatrzone przez",
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accession_requests",
        verbose_name="utworzona instytucja",
    )

    objects = AccessionRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "zgłoszenie przystąpienia"
        verbose_name_plural = "zgłoszenia przystąpienia"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(consent=True), name="accession_has_consent"),
            models.CheckConstraint(
                condition=models.Q(status="oczekuje") | models.Q(decided_at__isnull=False),
                name="accession_decision_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="odrzucone") | ~models.Q(rejection_reason=""),
                name="accession_rejection_has_reason",
                violation_error_message="Podaj powód odrzucenia.",
            ),
        ]

    def __str__(self):
        return f"{self.institution_name} ({self.created_at:%d.%m.%Y})" if self.created_at else self.institution_name

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


class InstitutionAccount(models.Model):
    """A staff account that works for one partner institution (members/partner_access.py).

    An Administrator sets it in the account's form together with the role „Osoba z instytucji
    partnerskiej” (accounts/forms.py); the admin then shows that account its institution's rows only.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="institution_account",
        verbose_name="konto",
    )
    institution = models.ForeignKey(
        Institution,
        on_delete=models.CASCADE,
        related_name="staff_accounts",
        verbose_name="instytucja",
    )

    class Meta:
        verbose_name = "konto instytucji partnerskiej"
        verbose_name_plural = "konta instytucji partnerskich"
        # The role that works for one institution only (accounts/roles.py, members/partner_access.py).
        permissions = [("limit_institutionaccount", "Praca tylko dla własnej instytucji partnerskiej")]

    def __str__(self):
        return f"{self.user} – {self.institution}"


def proposed_logo_path(instance, filename):
    return f"partnerzy/propozycje/{filename}"


class InstitutionChange(models.Model):
    """Changes an institution's own account proposed to what the site says about it (members/proposals.py).

    Nothing of it is public until someone who approves institutions' changes accepts it: then the
    proposed values are written into the institution and this row is deleted (the change stays in
    the institution's history). One open proposal per institution: a later save updates it.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "czeka na akceptację"
        RETURNED = "returned", "zwrócona do poprawy"

    institution = models.ForeignKey(
        Institution, on_delete=models.CASCADE, related_name="proposed_changes", verbose_name="instytucja"
    )
    # Field name → proposed value, for the text fields the institution's account may change.
    values = models.JSONField("proponowane wartości", default=dict, blank=True)
    logo = models.ImageField("proponowane logo", upload_to=proposed_logo_path, blank=True)
    remove_logo = models.BooleanField("usunięcie logo", default=False)
    status = models.CharField("stan", max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    note = models.TextField("uwagi osoby zatwierdzającej", blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="zaproponowane przez",
    )
    proposed_at = models.DateTimeField("zaproponowano", default=timezone.now)

    class Meta:
        verbose_name = "propozycja zmian danych instytucji"
        verbose_name_plural = "propozycje zmian danych instytucji"
        constraints = [
            models.UniqueConstraint(fields=["institution"], name="institutionchange_one_per_institution"),
        ]
        permissions = [("approve_institutionchange", "Zatwierdzanie zmian zaproponowanych przez instytucje")]

    def __str__(self):
        return f"Zmiany danych: {self.institution}"
