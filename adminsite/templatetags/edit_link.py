"""{% edit_link obj %}: on a public page, a link for staff to the admin form of what it shows.

Pages rendered for signed-in staff never reach the whole-page cache (their session cookie is
not in pagecache's CACHEABLE_COOKIES), so the link is never stored; for anyone without the
change permission of the shown model the tag renders nothing. The permission check reads the
user's permissions once per request (Django's ModelBackend keeps them on the user object).
"""

from django import template
from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.urls import reverse

from adminsite.grammar import noun_for

register = template.Library()


@register.inclusion_tag("includes/edit_link.html", takes_context=True)
def edit_link(context, target):
    """target: the shown object, or "app_label.ModelName" of a one-row model (the home page's
    HomePage, the contact page's Coordinator), whose admin list opens its only row."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if target is None or user is None or not (user.is_active and user.is_staff):
        return {}
    model = apps.get_model(target) if isinstance(target, str) else type(target)
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.{get_permission_codename('change', opts)}"):
        return {}
    if isinstance(target, str) or target.pk is None:  # a one-row model whose row is not saved yet
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    else:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[target.pk])
    return {"edit_url": url, "edit_what": noun_for(opts).acc}
