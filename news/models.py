from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.urls import reverse
from django.utils import timezone

from partnerstwo.images import validate_image
from partnerstwo.sanitize import clean_html
from partnerstwo.text import unique_slug


class Category(models.Model):
    name = models.CharField("nazwa", max_length=100, unique=True)
    slug = models.SlugField("adres (slug)", max_length=100, unique=True)
    description = models.TextField("opis", blank=True)

    class Meta:
        verbose_name = "kategoria"
        verbose_name_plural = "kategorie"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, max_length=100, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])


class PostQuerySet(models.QuerySet):
    def published(self):
        """What the public may see: published, and its time has come."""
        return self.filter(status=Post.Status.PUBLISHED, published_at__lte=Now())


def post_image_path(instance, filename):
    return f"aktualnosci/{timezone.now():%Y/%m}/{filename}"


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Szkic"
        PUBLISHED = "published", "Opublikowany"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)", max_length=200, unique=True, blank=True,
        help_text="Tworzony z tytułu; po publikacji lepiej go nie zmieniać, bo zmieni się adres wpisu.",
    )
    lead = models.TextField("zajawka", max_length=600, blank=True, help_text="Krótkie streszczenie na liście wpisów.")
    body = models.TextField("treść")
    image = models.ImageField(
        "ilustracja", upload_to=post_image_path, blank=True, validators=[validate_image],
        width_field="image_width", height_field="image_height",
        help_text="JPEG, PNG, GIF lub WebP, do 5 MB. Dane EXIF (np. lokalizacja) są usuwane.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "tekst alternatywny ilustracji", max_length=250, blank=True,
        help_text="Opis ilustracji dla osób, które jej nie widzą. Wymagany, gdy jest ilustracja.",
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="posts", verbose_name="kategoria"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="posts", verbose_name="autor",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "data publikacji", default=timezone.now,
        help_text="Data w przyszłości oznacza publikację zaplanowaną: wpis pojawi się o tej porze.",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = "wpis"
        verbose_name_plural = "wpisy"
        ordering = ["-published_at", "-pk"]
        indexes = [
            # The public list: published posts, newest first.
            models.Index(fields=["status", "-published_at"], name="post_public_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="post_image_has_alt",
                violation_error_message="Podaj tekst alternatywny ilustracji.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Post, self.title, exclude_pk=self.pk)
        self.body = clean_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED and self.published_at <= timezone.now()
