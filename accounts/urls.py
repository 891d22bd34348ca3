from django.urls import path

from accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("moje-dane.json", views.export_data, name="export"),
    path("usun/", views.delete_account, name="delete"),
]
