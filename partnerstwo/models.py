from django.db import models
from django.urls import reverse

from partnerstwo.sanitize import clean_html


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
