"""The counters behind limits.ratelimit: one row per key and slice of its sliding window."""

from django.db import models


class Counter(models.Model):
    """How many attempts one key made in one slice of its window (limits/ratelimit.py counts them).

    A table, not the cache: a row is never evicted by other traffic, its window
    is stored with it (no cache timeout to lose), and one
    ``INSERT … ON CONFLICT DO UPDATE … RETURNING`` counts atomically across
    every worker and server that shares the database.
    """

    key = models.CharField("klucz", max_length=100, help_text="Rodzaj limitu i skrót tego, kogo dotyczy.")
    window_start = models.BigIntegerField("początek okna", help_text="Sekundy od 1970 r., wielokrotność długości okna.")
    expires_at = models.BigIntegerField("koniec okna", help_text="Sekundy od 1970 r.; starsze wiersze są usuwane.")
    count = models.PositiveIntegerField("liczba prób", default=0)

    class Meta:
        verbose_name = "licznik prób"
        verbose_name_plural = "liczniki prób"
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="limits_counter_key_window")]
        # Pruning deletes by expiry.
        indexes = [models.Index(fields=["expires_at"], name="limits_counter_expires")]

    def __str__(self):
        return f"{self.key} od {self.window_start}: {self.count}"
