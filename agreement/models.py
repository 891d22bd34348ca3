"""The partnership's agreements and who signed them, for which institution and as whom."""

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse

from core.documents import describe_pdf_problems, document_path, pdf_accessibility_problems, validate_pdf
from core.sanitize import clean_html
from core.text import unique_slug


class AgreementQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see (nothing is scheduled here, so ``scheduled`` changes nothing)."""
        return self.filter(is_published=True)


class Agreement(models.Model):
    """An agreement of the partnership, with the signatures given to it."""

    title = models.CharField("pełny tytuł", max_length=400)
    slug = models.SlugField(
        "adres (slug)",
        max_length=200,
        unique=True,
        blank=True,
        help_text="Tworzony z tytułu; część adresu /porozumienie/….",
    )
    signed_on = models.DateField("data podpisania")
    occasion = models.CharField(
        "miejsce lub okoliczność podpisania",
        max_length=300,
        blank=True,
        help_text="Np. „nadzwyczajne posiedzenie Powiatowej Rady Rynku Pracy”.",
    )
    initiators = models.CharField(
        "inicjatorzy",
        max_length=400,
        blank=True,
        help_text="Kto wyszedł z inicjatywą, np. „dyrektor Powiatowego Urzędu Pracy i starosta nowodworski”.",
    )
    text = models.TextField("treść", blank=True)
    document = models.FileField(
        "skan dokumentu",
        upload_to=document_path,
        blank=True,
        validators=[validate_pdf],
        help_text="Plik PDF do pobrania, do 20 MB.",
    )
    document_size = models.PositiveBigIntegerField("rozmiar skanu (bajty)", null=True, blank=True, editable=False)
    # Set when the PDF is uploaded (core/documents.py), or by manage.py check_pdf_accessibility for older rows.
    document_problems = ArrayField(
        models.CharField(max_length=20),
        verbose_name="braki dostępności skanu",
        null=True,
        blank=True,
        editable=False,
        help_text="Puste – dokument dostępny; brak wartości – nie sprawdzono.",
    )
    meeting = models.OneToOneField(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreement",
        verbose_name="spotkanie, na którym podpisano",
        help_text="Spotkanie z listy spotkań partnerstwa, jeśli porozumienie podpisano podczas niego.",
    )
    is_published = models.BooleanField("opublikowane", default=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        # The table kept its name when the model moved here from the project package.
        db_table = "partnerstwo_agreement"
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
        if not self.document:
            self.document_problems = None
        elif not self.document._committed:
            self.document_problems = pdf_accessibility_problems(self.document)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("agreement_detail", args=[self.slug])

    @property
    def document_accessibility_problems(self):
        """„brak warstwy tekstowej (skan), …” for a scan that fails the checks, else ""."""
        return describe_pdf_problems(self.document_problems or [])


class SignatureQuerySet(models.QuerySet):
    def published(self):
        """Signatures of the agreements the public may see."""
        return self.filter(agreement__in=Agreement.objects.published())


class Signature(models.Model):
    """Who signed an agreement, for which institution and as whom, on the day of signing.

    The function is copied, not looked up: later changes of office never rewrite history.
    """

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="signatures", verbose_name="porozumienie"
    )
    person = models.ForeignKey(
        "members.Person",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signatures",
        verbose_name="osoba",
        help_text="Puste, gdy wiadomo tylko, jaką funkcję pełniła osoba podpisująca, bez jej imienia i nazwiska.",
    )
    institution = models.ForeignKey(
        "members.Institution", on_delete=models.PROTECT, related_name="signatures", verbose_name="instytucja"
    )
    function = models.CharField(
        "funkcja w dniu podpisania",
        max_length=200,
        blank=True,
        help_text="W mianowniku, np. „Wójt Gminy Leoncin”. Puste – zostanie przepisana z funkcji, "
        "którą osoba pełniła w instytucji w dniu podpisania.",
    )
    note = models.CharField("dopisek", max_length=200, blank=True, help_text="Np. „wraz z członkami Rady”.")
    order = models.PositiveSmallIntegerField("kolejność", default=0, help_text="Kolejność podpisów.")

    objects = SignatureQuerySet.as_manager()

    class Meta:
        db_table = "partnerstwo_signature"  # as for Agreement
        verbose_name = "podpis"
        verbose_name_plural = "podpisy"
        ordering = ["agreement", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "person", "institution"],
                name="signature_once_per_person_and_institution",
                violation_error_message="Ta osoba już podpisała to porozumienie w imieniu tej instytucji.",
            ),
            # A signature known only by its function: once per function and institution.
            models.UniqueConstraint(
                fields=["agreement", "institution", "function"],
                condition=models.Q(person=None),
                name="signature_once_per_function_without_person",
                violation_error_message="Podpis z tą funkcją w imieniu tej instytucji już jest przy tym porozumieniu.",
            ),
            models.CheckConstraint(condition=~models.Q(function=""), name="signature_has_function"),
        ]

    def __str__(self):
        return f"{self.function} {self.person or ''}".strip()

    def clean(self):
        if not self.function and not self.person_id:
            raise ValidationError({"function": "Podaj funkcję osoby, która podpisała porozumienie."})
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
