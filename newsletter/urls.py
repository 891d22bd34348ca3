from django.urls import path

from newsletter import preferences, views

app_name = "newsletter"
urlpatterns = [
    path("", views.signup, name="signup"),
    path("potwierdz/<str:token>/", views.confirm, name="confirm"),
    path("wypisz/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("wypisz/<str:token>/cofnij/", views.restore, name="restore"),
    path("ustawienia/<str:token>/", preferences.preferences, name="preferences"),
]
