import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from core.images import validate_image
from core.models import SingleRowModel
from core.sanitize import clean_html


class PageQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see (nothing is scheduled here, so ``scheduled`` changes nothing)."""
        return self.filter(is_published=True)


class Page(models.Model):
    """A simple page edited in admin: the privacy policy, the partnership pages."""

    class Section(models.TextChoices):
        GENERAL = "ogolne", "Strony ogólne"
        PARTNERSHIP = "partnerstwo", "O partnerstwie"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=200,
        unique=True,
        help_text="Część adresu strony, np. „polityka-prywatnosci”.",
    )
    section = models.CharField(
        "dział",
        max_length=20,
        choices=Section.choices,
        default=Section.GENERAL,
        help_text="Strony działu „O partnerstwie” mają adres /partnerstwo/… i wspólne menu.",
    )
    position = models.PositiveIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wyżej w menu działu.")
    body = models.TextField("treść", blank=True)
    is_published = models.BooleanField("opublikowana", default=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        verbose_name = "strona"
        verbose_name_plural = "strony"
        ordering = ["section", "position", "title"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        if self.section == self.Section.PARTNERSHIP:
            return reverse("partnership_page", args=[self.slug])
        return reverse("page", args=[self.slug])


class Coordinator(SingleRowModel):
    """Contact details of the partnership's coordinator (the PUP), shown in the footer.

    One row only; every field is optional and shown only when filled in.
    """

    name = models.CharField(
        "nazwa",
        max_length=200,
        blank=True,
        default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
    )
    address = models.TextField("adres", blank=True, help_text="Ulica, numer, kod pocztowy i miejscowość.")
    phone = models.CharField("telefon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("strona internetowa", blank=True)
    office_hours = models.CharField("godziny pracy", max_length=200, blank=True)
    bip_url = models.URLField(
        "Biuletyn Informacji Publicznej",
        blank=True,
        help_text="Adres BIP urzędu pracy; link pojawia się w nagłówku portalu, gdy pole jest wypełnione.",
    )
    # The portal's look: the header's logo and the home page's illustration (both optional).
    logo = models.ImageField(
        "logo",
        upload_to="tozsamosc/",
        blank=True,
        validators=[validate_image],
        width_field="logo_width",
        height_field="logo_height",
        help_text="Logo partnerstwa albo urzędu w nagłówku portalu (PNG, JPEG lub WebP, co najmniej 96 pikseli "
        "wysokości). Bez logo nagłówek pokazuje znak z liter „PL”.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(
        "tekst alternatywny logo",
        max_length=200,
        blank=True,
        help_text="Co przedstawia logo, np. „Logo Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim”.",
    )
    home_image = models.ImageField(
        "ilustracja strony głównej",
        upload_to="tozsamosc/",
        blank=True,
        validators=[validate_image],
        width_field="home_image_width",
        height_field="home_image_height",
        help_text="Zdjęcie obok wstępu na stronie głównej (najlepiej poziome, co najmniej 1200 pikseli szerokości).",
    )
    home_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    home_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    home_image_alt = models.CharField(
        "tekst alternatywny ilustracji",
        max_length=300,
        blank=True,
        help_text="Co widać na zdjęciu; wymagany, gdy ilustracja jest ustawiona.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(logo="") | ~models.Q(logo_alt=""),
                name="coordinator_logo_has_alt",
            ),
            models.CheckConstraint(
                condition=models.Q(home_image="") | ~models.Q(home_image_alt=""),
                name="coordinator_home_image_has_alt",
            ),
        ]
        verbose_name = "dane koordynatora"
        verbose_name_plural = "dane koordynatora"

    def __str__(self):
        return self.name or "Dane koordynatora"


STATUS_SENTENCE = (
    "z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych "
    "i aplikacji mobilnych podmiotów publicznych"
)


class AccessibilityStatement(SingleRowModel):
    """The Deklaracja dostępności at /deklaracja-dostepnosci/, edited by staff (one row).

    Its structure follows the ministry's "Warunki techniczne publikacji oraz struktura
    dokumentu elektronicznego deklaracji dostępności" (version 2.0, July 2024).
    """

    class Status(models.TextChoices):
        COMPLIANT = "zgodna", "zgodna"
        PARTIAL = "czesciowo", "częściowo zgodna"
        NON_COMPLIANT = "niezgodna", "niezgodna"

    # The three sentences the ministry prescribes, word for word.
    STATUS_SENTENCES = {
        Status.COMPLIANT: f"Strona internetowa jest zgodna {STATUS_SENTENCE}.",
        Status.PARTIAL: (
            f"Strona internetowa jest częściowo zgodna {STATUS_SENTENCE} "
            "z powodu niezgodności lub wyłączeń wymienionych poniżej."
        ),
        Status.NON_COMPLIANT: f"Strona internetowa jest niezgodna {STATUS_SENTENCE}.",
    }

    entity = models.CharField(
        "podmiot publiczny",
        max_length=250,
        default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
        help_text="Pełna nazwa podmiotu, który prowadzi portal.",
    )
    site_name = models.CharField(
        "nazwa strony internetowej",
        max_length=250,
        default="Portal Partnerstwa Lokalnego Powiatu Nowodworskiego",
        help_text="Nazwa strony, której dotyczy deklaracja. Adres strony pochodzi z ustawienia SITE_URL.",
    )
    published_on = models.DateField(
        "data publikacji strony",
        null=True,
        blank=True,
        help_text="Dzień, w którym portal udostępniono mieszkańcom.",
    )
    updated_on = models.DateField(
        "data ostatniej istotnej aktualizacji strony",
        null=True,
        blank=True,
        help_text="Dzień ostatniej dużej zmiany wyglądu, budowy lub funkcji portalu (nie drobnych poprawek treści).",
    )
    status = models.CharField(
        "stan zgodności z ustawą",
        max_length=20,
        choices=Status.choices,
        default=Status.PARTIAL,
        help_text="Na stronie pojawi się jedno z trzech zdań przewidzianych przez Ministerstwo Cyfryzacji.",
    )
    non_compliances = models.TextField(
        "niedostępne treści",
        blank=True,
        help_text="Niezgodności i wyłączenia – każda w osobnym wierszu. Wymagane przy stanie „częściowo zgodna”.",
    )
    prepared_on = models.DateField("data sporządzenia deklaracji", null=True, blank=True)
    reviewed_on = models.DateField(
        "data ostatniego przeglądu deklaracji",
        null=True,
        blank=True,
        help_text="Deklarację przegląda się i aktualizuje co roku do 31 marca.",
    )
    assessment = models.TextField(
        "sposób przygotowania deklaracji",
        blank=True,
        default="Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
        help_text="Samoocena albo badanie przez podmiot zewnętrzny (wtedy podaj jaki).",
    )
    contact_person = models.CharField(
        "osoba do kontaktu",
        max_length=200,
        blank=True,
        help_text="Osoba, do której można zgłaszać problemy z dostępnością portalu.",
    )
    contact_email = models.EmailField("adres e-mail do kontaktu", blank=True)
    contact_phone = models.CharField("telefon do kontaktu", max_length=50, blank=True)
    architecture = models.TextField(
        "dostępność architektoniczna",
        blank=True,
        help_text="Opis dostępności siedziby PUP: wejścia, podjazdy, windy, toalety, miejsca parkingowe, "
        "pętla indukcyjna, pies asystujący. Każdy akapit w osobnym wierszu.",
    )
    communication = models.TextField(
        "dostępność komunikacyjno-informacyjna",
        blank=True,
        help_text="Np. tłumacz polskiego języka migowego, kontakt przez SMS lub wideo. Każdy akapit w osobnym wierszu.",
    )
    mobile_apps = models.TextField(
        "aplikacje mobilne",
        blank=True,
        help_text="Aplikacje mobilne podmiotu i adresy ich deklaracji dostępności; puste, jeśli ich nie ma.",
    )
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "deklaracja dostępności"
        verbose_name_plural = "deklaracja dostępności"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1),
                name="accessibility_statement_single_row",
                violation_error_message="Portal ma jedną deklarację dostępności.",
            ),
        ]

    def __str__(self):
        return "Deklaracja dostępności"

    def get_absolute_url(self):
        return reverse("accessibility_statement")

    def clean(self):
        if self.status == self.Status.PARTIAL and not self.non_compliance_list:
            raise ValidationError(
                {"non_compliances": "Przy stanie „częściowo zgodna” wymień niezgodności lub wyłączenia."}
            )
        if self.reviewed_on and self.prepared_on and self.reviewed_on < self.prepared_on:
            raise ValidationError({"reviewed_on": "Przegląd nie może być wcześniejszy niż sporządzenie deklaracji."})

    # Parts the public page leaves out until staff fill them in (the admin lists the missing ones).
    OPTIONAL_PARTS = {
        "published_on": "data publikacji strony",
        "updated_on": "data ostatniej istotnej aktualizacji",
        "prepared_on": "data sporządzenia deklaracji",
        "reviewed_on": "data ostatniego przeglądu",
        "contact_person": "osoba do kontaktu",
        "contact_email": "e-mail w sprawach dostępności",
        "contact_phone": "telefon w sprawach dostępności",
        "architecture": "dostępność architektoniczna",
        "communication": "dostępność komunikacyjno-informacyjna",
    }

    def missing_parts(self):
        """Polish names of the unfilled parts, in the order of the statement."""
        return [label for field, label in self.OPTIONAL_PARTS.items() if not getattr(self, field)]

    @property
    def status_sentence(self):
        return self.STATUS_SENTENCES[self.Status(self.status)]

    @property
    def non_compliance_list(self):
        return [line.strip() for line in self.non_compliances.splitlines() if line.strip()]

    @property
    def next_review_due(self):
        """Reviewed every year by 31 March: the next one is due on 31 March of the year after the last."""
        last = self.reviewed_on or self.prepared_on
        if last is None:
            return None
        return datetime.date(last.year + 1, 3, 31)

    @property
    def review_overdue(self):
        due = self.next_review_due
        return due is not None and due < timezone.localdate()
