import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from partnerstwo.documents import document_path, validate_pdf
from partnerstwo.sanitize import clean_html
from partnerstwo.text import unique_slug


class PageQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Page(models.Model):
    """A simple page edited in admin: the privacy policy, the partnership pages."""

    class Section(models.TextChoices):
        GENERAL = "ogolne", "Strony ogólne"
        PARTNERSHIP = "partnerstwo", "O partnerstwie"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)", max_length=200, unique=True,
        help_text="Część adresu strony, np. „polityka-prywatnosci”.",
    )
    section = models.CharField(
        "dział", max_length=20, choices=Section.choices, default=Section.GENERAL,
        help_text="Strony działu „O partnerstwie” mają adres /partnerstwo/… i wspólne menu.",
    )
    position = models.PositiveIntegerField(
        "kolejność", default=0, help_text="Mniejsza liczba – wyżej w menu działu."
    )
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


class Coordinator(models.Model):
    """Contact details of the partnership's coordinator (the PUP), shown in the footer.

    One row only; every field is optional and shown only when filled in.
    """

    name = models.CharField(
        "nazwa", max_length=200, blank=True,
        default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
    )
    address = models.TextField("adres", blank=True, help_text="Ulica, numer, kod pocztowy i miejscowość.")
    phone = models.CharField("telefon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("strona internetowa", blank=True)
    office_hours = models.CharField("godziny pracy", max_length=200, blank=True)

    class Meta:
        verbose_name = "dane koordynatora"
        verbose_name_plural = "dane koordynatora"

    def __str__(self):
        return self.name or "Dane koordynatora"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        obj, _ = cls.objects.get_or_create(pk=1)
        return obj


class AgreementQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Agreement(models.Model):
    """An agreement of the partnership, with the signatures given to it."""

    title = models.CharField("pełny tytuł", max_length=400)
    slug = models.SlugField(
        "adres (slug)", max_length=200, unique=True, blank=True,
        help_text="Tworzony z tytułu; część adresu /porozumienie/….",
    )
    signed_on = models.DateField("data podpisania")
    occasion = models.CharField(
        "miejsce lub okoliczność podpisania", max_length=300, blank=True,
        help_text="Np. „Nadzwyczajne Posiedzenie Powiatowej Rady Rynku Pracy”.",
    )
    initiators = models.CharField(
        "inicjatorzy", max_length=400, blank=True,
        help_text="Kto wyszedł z inicjatywą, np. „Dyrektor Powiatowego Urzędu Pracy wraz ze Starostą Nowodworskim”.",
    )
    text = models.TextField("treść", blank=True)
    document = models.FileField(
        "skan dokumentu", upload_to=document_path, blank=True, validators=[validate_pdf],
        help_text="Plik PDF do pobrania, do 20 MB.",
    )
    document_size = models.PositiveBigIntegerField("rozmiar skanu (bajty)", null=True, blank=True, editable=False)
    meeting = models.OneToOneField(
        "meetings.Meeting", on_delete=models.SET_NULL, null=True, blank=True, related_name="agreement",
        verbose_name="spotkanie, na którym podpisano",
        help_text="Spotkanie z listy spotkań partnerstwa, jeśli porozumienie podpisano podczas niego.",
    )
    is_published = models.BooleanField("opublikowane", default=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = "porozumienie"
        verbose_name_plural = "porozumienia"
        ordering = ["signed_on", "pk"]

    def __str__(self):
        return f"{self.title} ({self.signed_on:%d.%m.%Y})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Agreement, self.title[:120], exclude_pk=self.pk)
        self.text = clean_html(self.text)
        # Kept in the row, so a page shows the size without touching the storage.
        self.document_size = self.document.size if self.document else None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("agreement_detail", args=[self.slug])


class Signature(models.Model):
    """Who signed an agreement, for which institution and as whom, on the day of signing.

    The function is copied, not looked up: later changes of office never rewrite history.
    """

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatures", verbose_name="porozumienie"
    )
    person = models.ForeignKey(
        "members.Person", on_delete=models.PROTECT, related_name="signatures", verbose_name="osoba"
    )
    institution = models.ForeignKey(
        "members.Institution", on_delete=models.PROTECT, related_name="signatures", verbose_name="instytucja"
    )
    function = models.CharField(
        "funkcja w dniu podpisania", max_length=200, blank=True,
        help_text="W mianowniku, np. „Wójt Gminy Leoncin”. Puste – zostanie przepisana z funkcji, "
        "którą osoba pełniła w instytucji w dniu podpisania.",
    )
    note = models.CharField(
        "dopisek", max_length=200, blank=True, help_text="Np. „wraz z członkami Rady”."
    )
    order = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Kolejność podpisów.")

    class Meta:
        verbose_name = "podpis"
        verbose_name_plural = "podpisy"
        ordering = ["agreement", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "person", "institution"], name="signature_once_per_person_and_institution",
                violation_error_message="Ta osoba już podpisała to porozumienie w imieniu tej instytucji.",
            ),
            models.CheckConstraint(condition=~models.Q(function=""), name="signature_has_function"),
        ]

    def __str__(self):
        return f"{self.function} {self.person}".strip()

    def clean(self):
        if self.function or not (self.person_id and self.institution_id):
            return
        try:
            signed_on = self.agreement.signed_on
        except Agreement.DoesNotExist:
            signed_on = None
        offices = self.person.offices.filter(institution_id=self.institution_id)
        office = offices.held_on(signed_on).first() if signed_on else None
        if office is None:
            raise ValidationError(
                {"function": "Podaj funkcję: ta osoba nie miała w tej instytucji funkcji w dniu podpisania."}
            )
        self.function = office.function
class ChangeRecord(models.Model):
    """One save of a piece of public information in admin: the metryczka's change register.

    Kept by ``partnerstwo.metryczka.MetryczkaAdminMixin``; any model can have them
    (a generic relation), so other apps only add the mixin to their ModelAdmin.
    """

    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="rodzaj treści"
    )
    object_id = models.PositiveBigIntegerField("identyfikator obiektu")
    content_object = GenericForeignKey("content_type", "object_id")
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name="redaktor/ka",
    )
    editor_name = models.CharField(
        "podpis redaktora/ki", max_length=200,
        help_text="Imię i nazwisko z chwili zmiany; zostaje, nawet gdy konto zostanie usunięte.",
    )
    changed_at = models.DateTimeField("data zmiany", default=timezone.now)
    is_creation = models.BooleanField("utworzenie", default=False)
    is_public = models.BooleanField(
        "opublikowane po zmianie", default=False,
        help_text="Czy po tej zmianie informacja była opublikowana (także z datą publikacji w przyszłości).",
    )
    summary = models.CharField("opis zmiany", max_length=300, blank=True)

    class Meta:
        verbose_name = "zmiana w rejestrze"
        verbose_name_plural = "rejestr zmian (metryczki)"
        ordering = ["changed_at", "pk"]
        indexes = [
            # Each public page reads the register of one object.
            models.Index(fields=["content_type", "object_id", "changed_at"], name="changerecord_object_idx"),
        ]

    def __str__(self):
        return f"{self.editor_name}, {timezone.localtime(self.changed_at):%d.%m.%Y %H:%M}"


STATUS_SENTENCE = (
    "z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych "
    "i aplikacji mobilnych podmiotów publicznych"
)


class AccessibilityStatement(models.Model):
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
        "podmiot publiczny", max_length=250, default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
        help_text="Pełna nazwa podmiotu, który prowadzi portal.",
    )
    site_name = models.CharField(
        "nazwa strony internetowej", max_length=250, default="Portal Partnerstwa Lokalnego Powiatu Nowodworskiego",
        help_text="Nazwa strony, której dotyczy deklaracja. Adres strony pochodzi z ustawienia SITE_URL.",
    )
    published_on = models.DateField(
        "data publikacji strony", null=True, blank=True,
        help_text="Dzień, w którym portal udostępniono mieszkańcom.",
    )
    updated_on = models.DateField(
        "data ostatniej istotnej aktualizacji strony", null=True, blank=True,
        help_text="Dzień ostatniej dużej zmiany wyglądu, budowy lub funkcji portalu (nie drobnych poprawek treści).",
    )
    status = models.CharField(
        "stan zgodności z ustawą", max_length=20, choices=Status.choices, default=Status.PARTIAL,
        help_text="Na stronie pojawi się jedno z trzech zdań przewidzianych przez Ministerstwo Cyfryzacji.",
    )
    non_compliances = models.TextField(
        "niedostępne treści", blank=True,
        help_text="Niezgodności i wyłączenia – każda w osobnym wierszu. Wymagane przy stanie „częściowo zgodna”.",
    )
    prepared_on = models.DateField("data sporządzenia deklaracji", null=True, blank=True)
    reviewed_on = models.DateField(
        "data ostatniego przeglądu deklaracji", null=True, blank=True,
        help_text="Deklarację przegląda się i aktualizuje co roku do 31 marca.",
    )
    assessment = models.TextField(
        "sposób przygotowania deklaracji", blank=True,
        default="Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
        help_text="Samoocena albo badanie przez podmiot zewnętrzny (wtedy podaj jaki).",
    )
    contact_person = models.CharField(
        "osoba do kontaktu", max_length=200, blank=True,
        help_text="Osoba, do której można zgłaszać problemy z dostępnością portalu.",
    )
    contact_email = models.EmailField("adres e-mail do kontaktu", blank=True)
    contact_phone = models.CharField("telefon do kontaktu", max_length=50, blank=True)
    architecture = models.TextField(
        "dostępność architektoniczna", blank=True,
        help_text="Opis dostępności siedziby PUP: wejścia, podjazdy, windy, toalety, miejsca parkingowe, "
        "pętla indukcyjna, pies asystujący. Każdy akapit w osobnym wierszu.",
    )
    communication = models.TextField(
        "dostępność komunikacyjno-informacyjna", blank=True,
        help_text="Np. tłumacz polskiego języka migowego, kontakt przez SMS lub wideo. Każdy akapit w osobnym wierszu.",
    )
    mobile_apps = models.TextField(
        "aplikacje mobilne", blank=True,
        help_text="Aplikacje mobilne podmiotu i adresy ich deklaracji dostępności; puste, jeśli ich nie ma.",
    )
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "deklaracja dostępności"
        verbose_name_plural = "deklaracja dostępności"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1), name="accessibility_statement_single_row",
                violation_error_message="Portal ma jedną deklarację dostępności.",
            ),
        ]

    def __str__(self):
        return "Deklaracja dostępności"

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("accessibility_statement")

    def clean(self):
        if self.status == self.Status.PARTIAL and not self.non_compliance_list:
            raise ValidationError(
                {"non_compliances": "Przy stanie „częściowo zgodna” wymień niezgodności lub wyłączenia."}
            )
        if self.reviewed_on and self.prepared_on and self.reviewed_on < self.prepared_on:
            raise ValidationError(
                {"reviewed_on": "Przegląd nie może być wcześniejszy niż sporządzenie deklaracji."}
            )

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
