from django.urls import path

from members import views

app_name = "members"
urlpatterns = [
    path("", views.directory, name="directory"),
    path("przystap/", views.accession, name="accession"),
    path("przystap/wyslano/", views.accession_sent, name="accession_sent"),
    path("<slug:slug>/", views.institution_detail, name="institution"),
]
