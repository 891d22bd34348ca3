from django.apps import AppConfig


class PartnerstwoConfig(AppConfig):
    name = "partnerstwo"
    verbose_name = "Portal"
