from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from partnerstwo import views

admin.site.site_header = "Partnerstwo Lokalne – administracja"
admin.site.site_title = "Partnerstwo Lokalne"
admin.site.index_title = "Zarządzanie portalem"

handler400 = "partnerstwo.views.bad_request"
handler403 = "partnerstwo.views.permission_denied"
handler404 = "partnerstwo.views.page_not_found"
handler500 = "partnerstwo.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("aktualnosci/", include("news.urls")),
    path("partnerstwo/<slug:slug>/", views.partnership_page, name="partnership_page"),
    path("ciasteczka/", views.cookie_notice, name="cookie_notice"),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
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
