from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path, register_converter

from adminsite import views as adminsite
from drafts import previews
from pagecache.versions import reads
from pages import views as pages
from pages.converters import PagePathConverter
from pages.sitemaps import SITEMAPS
from partnerstwo import views

# One login for everyone: the admin's goes through allauth (rate limits, two-factor).
admin.site.login = secure_admin_login(admin.site.login)
register_converter(PagePathConverter, "pagepath")

handler400 = "pages.views.bad_request"
handler403 = "pages.views.permission_denied"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"

urlpatterns = [
    path("", pages.home, name="home"),
    path("aktualnosci/", include("news.urls")),
    path("spotkania/", include("meetings.urls")),
    path("partnerstwo/", pages.partnership_index, name="partnership_index"),
    path("newsletter/", include("newsletter.urls")),
    path("partnerstwo/<pagepath:url_path>/", pages.partnership_page, name="partnership_page"),
    path("szukaj/", include("search.urls")),
    path("dane/", include("opendata.urls")),
    path("porozumienie/", include("agreement.urls")),
    # Library documents at addresses that outlive a replaced file (library/views.py).
    path("dokumenty/", include("library.urls")),
    path("partnerzy/", include("members.urls")),
    path("ciasteczka/", pages.old_cookie_notice, name="old_cookie_notice"),
    path("kontakt/", pages.contact, name="contact"),
    path("deklaracja-dostepnosci/", pages.accessibility_statement, name="accessibility_statement"),
    # Information about the activity in three forms (ustawa z 19 lipca 2019, art. 6 pkt 3 lit. c).
    path("tekst-latwy-do-czytania/", pages.activity_easy_to_read, name="activity_easy_to_read"),
    path("jezyk-migowy/", pages.activity_sign_language, name="activity_sign_language"),
    path("informacja-o-dzialalnosci/", pages.activity_text, name="activity_text"),
    path("informacja-o-dzialalnosci.txt", pages.activity_text_download, name="activity_text_download"),
    path("zglos-problem-z-dostepnoscia/", include("accessibility.urls")),
    path("sitemap.xml", reads("p")(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", pages.robots_txt, name="robots_txt"),
    path("health/", views.health, name="health"),
    # Browsers ask for /favicon.ico on pages without an icon link (the admin).
    path("favicon.ico", pages.favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("podglad/<str:token>/", previews.preview, name="preview"),
    path("konto/", include("accounts.urls")),
    # allauth's pages at Polish addresses, under allauth's names (its English ones redirect).
    path("konto/", include("accounts.allauth_urls")),
    path("ckeditor5/image_upload/", adminsite.editor_image_upload, name="ck_editor_5_upload_file"),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", views.serve_media),
    ]

# Simple pages and their subpages (/polityka-prywatnosci/, /o-portalu/historia/); keep this last.
urlpatterns += [
    path("<pagepath:url_path>/", pages.page, name="page"),
]
