from django.db import models
from django.urls import reverse

from partnerstwo.images import validate_image
from partnerstwo.sanitize import clean_html
from partnerstwo.text import unique_slug


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
    GMINA = "urzad-gminy", "urząd gminy / miasta"
    PUP = "pup", "powiatowy urząd pracy"
    RADA_RYNKU_PRACY = "rada-rynku-pracy", "rada rynku pracy"
    NGO = "organizacja-pozarzadowa", "organizacja pozarządowa"
    EMPLOYER = "pracodawca", "pracodawca"
    TRAINING = "instytucja-szkoleniowa", "instytucja szkoleniowa"
    LABOUR_MARKET = "instytucja-rynku-pracy", "instytucja rynku pracy"
    OTHER = "inna", "inna instytucja"


def logo_path(instance, filename):
    return f"partnerzy/{filename}"


class Institution(models.Model):
    name = models.CharField("nazwa", max_length=250, unique=True)
    short_name = models.CharField("nazwa skrócona", max_length=100, blank=True)
    slug = models.SlugField("adres (slug)", max_length=200, unique=True, blank=True)
    kind = models.CharField("rodzaj", max_length=40, choices=InstitutionKind.choices)
    gmina = models.CharField("gmina", max_length=40, choices=Gmina.choices)
    address = models.TextField("adres", blank=True)
    website = models.URLField("strona internetowa", blank=True)
    email = models.EmailField("e-mail", blank=True)
    phone = models.CharField("telefon", max_length=50, blank=True)
    logo = models.ImageField(
        "logo", upload_to=logo_path, blank=True, validators=[validate_image],
        help_text="JPEG, PNG, GIF lub WebP, do 5 MB.",
    )
    logo_alt = models.CharField(
        "tekst alternatywny logo", max_length=250, blank=True, help_text="Wymagany, gdy jest logo."
    )
    description = models.TextField("opis", blank=True)

    class Meta:
        verbose_name = "instytucja"
        verbose_name_plural = "instytucje"
        ordering = ["name"]
        constraints = [
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
