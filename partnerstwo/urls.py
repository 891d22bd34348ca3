from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from partnerstwo import opendata, views
from partnerstwo.sitemaps import SITEMAPS

# One login for everyone: the admin's goes through allauth (rate limits, two-factor).
admin.site.login = secure_admin_login(admin.site.login)

handler400 = "partnerstwo.views.bad_request"
handler403 = "partnerstwo.views.permission_denied"
handler404 = "partnerstwo.views.page_not_found"
handler500 = "partnerstwo.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("aktualnosci/", include("news.urls")),
    path("spotkania/", include("meetings.urls")),
    path("partnerstwo/", views.partnership_index, name="partnership_index"),
    path("newsletter/", include("newsletter.urls")),
    path("partnerstwo/<slug:slug>/", views.partnership_page, name="partnership_page"),
    path("szukaj/", include("search.urls")),
    path("dane/", opendata.index, name="open_data"),
    path("dane/<slug:slug>.csv", opendata.dataset_csv, name="open_data_csv"),
    path("dane/<slug:slug>.json", opendata.dataset_json, name="open_data_json"),
    path("porozumienie/", views.agreement, name="agreement"),
    path("porozumienie/<slug:slug>/", views.agreement_detail, name="agreement_detail"),
    path("partnerzy/", include("members.urls")),
    path("ciasteczka/", views.cookie_notice, name="cookie_notice"),
    # Public-body duties and discovery (issue 8).
    path("deklaracja-dostepnosci/", views.accessibility_statement, name="accessibility_statement"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", views.health, name="health"),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin).
    path("favicon.ico", views.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("konto/", include("accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("ckeditor5/image_upload/", views.editor_image_upload, name="ck_editor_5_upload_file"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", views.serve_media),
    ]

# Simple pages at the top level (/polityka-prywatnosci/); keep this last.
urlpatterns += [
    path("<slug:slug>/", views.page, name="page"),
]
