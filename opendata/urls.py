from django.urls import path

from opendata import views

# Names without a namespace: templates reverse "open_data", "open_data_csv" and "open_data_json".
urlpatterns = [
    path("", views.index, name="open_data"),
    path("<slug:slug>.csv", views.dataset_csv, name="open_data_csv"),
    path("<slug:slug>.json", views.dataset_json, name="open_data_json"),
]
