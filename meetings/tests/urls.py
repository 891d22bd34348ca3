"""The site's URLs plus a stand-in for the institution page, for branches where members has no pages yet.

Tests never request it: templates only need ``Institution.get_absolute_url`` to reverse.
"""

from django.http import HttpResponse
from django.urls import include, path

from partnerstwo.urls import handler400, handler403, handler404, handler500
from partnerstwo.urls import urlpatterns as site_urlpatterns

members_stub = ([path("partnerzy/<slug:slug>/", lambda request, slug: HttpResponse(), name="institution")], "members")

urlpatterns = [path("", include(members_stub)), *site_urlpatterns]

__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
