from django.urls import re_path

from library import views

app_name = "library"

urlpatterns = [
    re_path(r"^(?P<slug>[-a-z0-9]+)\.(?P<ext>[a-z0-9]{2,5})$", views.document, name="document"),
]
