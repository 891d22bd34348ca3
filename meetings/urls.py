from django.urls import path

from meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("kalendarz.ics", views.calendar_feed, name="calendar"),
    path("archiwum/<int:year>/", views.meeting_archive, name="archive"),
    path("<slug:slug>.ics", views.meeting_ics, name="ics"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
]
