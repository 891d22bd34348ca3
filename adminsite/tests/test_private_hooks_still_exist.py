"""The private hooks of adminsite/django_private.py, checked against the Django they were written for."""

import inspect

import django
from allauth.mfa.models import Authenticator
from django.contrib.admin import helpers, utils
from django.contrib.admin.templatetags import admin_list

from adminsite import django_private


def test_django_is_the_version_the_hooks_were_checked_with():
    assert django.VERSION[:2] == django_private.CHECKED_WITH_DJANGO, (
        f"Django is now {django.get_version()}: read each hook listed in adminsite/django_private.py "
        "against its source, adapt or drop it, then update CHECKED_WITH_DJANGO."
    )


def test_each_hook_still_exists_with_its_parameters():
    for owner, name, parameters in django_private.HOOKS:
        assert hasattr(owner, name), f"{owner.__name__}.{name} is gone: see adminsite/django_private.py"
        assert list(inspect.signature(getattr(owner, name)).parameters) == parameters, name


def test_django_still_looks_the_yes_no_icon_up_when_it_renders():
    """Replacing admin_list._boolean_icon works only while these import it at call time."""
    for function in (utils.display_for_field, utils.display_for_value, helpers.AdminReadonlyField.contents):
        assert "from django.contrib.admin.templatetags.admin_list import _boolean_icon" in inspect.getsource(function)
    assert 'alt="tak"' in admin_list._boolean_icon(True)


def test_django_still_sends_a_missing_row_through_the_hook():
    from django.contrib.admin import ModelAdmin

    for view in (ModelAdmin._changeform_view, ModelAdmin._delete_view, ModelAdmin.history_view):
        assert "self._get_obj_does_not_exist_redirect(" in inspect.getsource(view)


def test_allauth_still_gives_the_authenticator_no_translatable_name():
    """Once it does, translate the name in django.po and drop the hook."""
    assert "verbose_name" not in Authenticator._meta.original_attrs
    assert str(Authenticator._meta.verbose_name) == "klucz weryfikacji dwuetapowej"
