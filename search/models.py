from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Document(models.Model):
    """One searchable thing (a post, a page, a meeting, an institution), kept by search/index.py.

    The text is folded (no diacritics, lower case) in Python, so one plain
    PostgreSQL configuration ('simple') finds „Łódź” for „lodz”; a trigram
    index on the folded title and text tolerates typos.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, verbose_name="typ treści")
    object_id = models.PositiveBigIntegerField("identyfikator obiektu")
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField("rodzaj", max_length=40)
    title = models.CharField("tytuł", max_length=300)
    text = models.TextField("tekst", blank=True)
    url = models.CharField("adres", max_length=500)
    date = models.DateTimeField("data", null=True, blank=True)
    public_from = models.DateTimeField(
        "widoczny od", null=True, blank=True, help_text="Puste: widoczny zawsze (o ile jest w indeksie)."
    )
    folded = models.TextField("tekst do wyszukiwania")
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
            # Typo-tolerant matches (word similarity against the folded text).
            GinIndex(fields=["folded"], name="search_document_trgm_idx", opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self):
        return self.title


class Word(models.Model):
    """Every folded word of the indexed texts: looked up by trigram similarity to forgive typos."""

    word = models.CharField("słowo", max_length=40, unique=True)

    class Meta:
        verbose_name = "słowo"
        verbose_name_plural = "słowa"
        ordering = ["word"]
        indexes = [GinIndex(fields=["word"], name="search_word_trgm_idx", opclasses=["gin_trgm_ops"])]

    def __str__(self):
        return self.word
