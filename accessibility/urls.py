from django.urls import path

from accessibility import views

# Names without a namespace: the accessibility statement links {% url 'accessibility_request' %}.
urlpatterns = [
    path("", views.request_form, name="accessibility_request"),
    path("wyslano/", views.request_sent, name="accessibility_request_sent"),
]
