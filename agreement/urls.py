from django.urls import path

from agreement import views

# Names without a namespace: templates reverse "agreement" and "agreement_detail".
urlpatterns = [
    path("", views.agreement, name="agreement"),
    path("<slug:slug>/", views.agreement_detail, name="agreement_detail"),
]
