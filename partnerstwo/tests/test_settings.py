import pytest
from django.core.exceptions import ImproperlyConfigured

from partnerstwo.env import envbool, envint, envlist


def test_env_helpers_parse_and_refuse(monkeypatch):
    monkeypatch.setenv("X_BOOL", "yes")
    monkeypatch.setenv("X_INT", "12")
    monkeypatch.setenv("X_LIST", "a.pl, b.pl ,")
    assert envbool("X_BOOL", False) is True
    assert envint("X_INT", 0) == 12
    assert envlist("X_LIST", []) == ["a.pl", "b.pl"]
    monkeypatch.setenv("X_BOOL", "maybe")
    with pytest.raises(ImproperlyConfigured):
        envbool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "dwanaście")
    with pytest.raises(ImproperlyConfigured):
        envint("X_INT", 0)


def test_site_is_polish_and_on_postgresql(settings):
    assert settings.LANGUAGE_CODE == "pl"
    assert settings.TIME_ZONE == "Europe/Warsaw"
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert "default" in settings.MAILERS
