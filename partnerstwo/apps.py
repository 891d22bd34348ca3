from django.apps import AppConfig


class PartnerstwoConfig(AppConfig):
    """The project package. It is an installed app for its migrations (the history of models
    that now live in pages, changelog and agreement) and for the commands that run over every app
    (`manage.py seed_demo`, `bench_fill`)."""

    name = "partnerstwo"
    verbose_name = "Partnerstwo Lokalne"
