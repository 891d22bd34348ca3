from django.contrib.contenttypes.fields import GenericForeignKey
from django.db import models


class DailyViews(models.Model):
    """How many times readers opened one item's public page on one day (stats/counter.py).

    Nothing about a reader is kept: no address, no browser, no cookie; only the day's total.
    Rows are kept for good: they hold no personal data.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE, verbose_name="rodzaj treści")
    object_id = models.PositiveBigIntegerField("identyfikator obiektu")
    content_object = GenericForeignKey("content_type", "object_id")
    day = models.DateField("dzień", help_text="Dzień w strefie czasu portalu (Europe/Warsaw).")
    count = models.PositiveIntegerField("liczba wyświetleń", default=0)

    class Meta:
        verbose_name = "dzienna liczba wyświetleń"
        verbose_name_plural = "dzienne liczby wyświetleń"
        ordering = ["-day"]
        # No admin page lists them: staff read the counts on the items' forms and the admin's home.
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id", "day"], name="stats_one_row_per_item_and_day")
        ]
        # The admin's home sums the last 30 days of every item: read by day first.
        indexes = [models.Index(fields=["day"], name="stats_dailyviews_day")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id} {self.day}: {self.count}"
