from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Document(models.Model):
    """One searchable thing (a post, a page, a meeting, an institution), kept by search/index.py.

    ``vector`` holds the words of the title and text as PostgreSQL's text
    search configuration ``simple_unaccent`` reads them: lower case, without
    diacritics, so „Łodzi” is stored as „lodzi”. Polish endings are handled
    on the query side (search/polish.py).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="typ treści")
    object_id = models.PositiveBigIntegerField("identyfikator obiektu")
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField("rodzaj", max_length=40)
    title = models.CharField("tytuł", max_length=300)
    text = models.TextField("tekst", blank=True)
    url = models.CharField("adres", max_length=500)
    date = models.DateTimeField("data", null=True, blank=True)
    image = models.JSONField(
        "miniatura",
        default=dict,
        blank=True,
        help_text="Miniatura do listy wyników: adresy (1× i 2×), szerokość i wysokość; pusta bez ilustracji.",
    )
    public_from = models.DateTimeField(
        "widoczny od", null=True, blank=True, help_text="Puste: widoczny zawsze (o ile jest w indeksie)."
    )
    public_until = models.DateTimeField(
        "widoczny do",
        null=True,
        blank=True,
        help_text="Od tej chwili dokument nie jest wyszukiwany (koniec publikacji wpisu); puste: bez końca.",
    )
    vector = SearchVectorField("wektor wyszukiwania", null=True)

    class Meta:
        verbose_name = "dokument wyszukiwarki"
        verbose_name_plural = "dokumenty wyszukiwarki"
        ordering = ["-date"]
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="search_document_unique_object"),
        ]
        indexes = [
            # Full-text matches.
            GinIndex(fields=["vector"], name="search_document_vector_idx"),
        ]

    def __str__(self):
        return self.title


class Word(models.Model):
    """Every word of the indexed texts, as written (lower case) and without diacritics.

    A query word is looked up here by trigram similarity of ``folded``: this
    forgives typos and finds the Polish letters a visitor left out („urzedu”
    is „urzędu”), whose lemmas the dictionary then knows. Rebuilding the index
    drops words no document uses any more.
    """

    word = models.CharField("słowo", max_length=40, unique=True)
    folded = models.CharField(
        "słowo bez znaków diakrytycznych",
        max_length=80,
        blank=True,
        help_text="Wypełniane przez PostgreSQL (unaccent) po dodaniu słowa.",
    )

    class Meta:
        verbose_name = "słowo"
        verbose_name_plural = "słowa"
        ordering = ["word"]
        indexes = [GinIndex(fields=["folded"], name="search_word_folded_trgm_idx", opclasses=["gin_trgm_ops"])]

    def __str__(self):
        return self.word
