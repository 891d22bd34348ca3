from django.urls import path

from news import views

app_name = "news"
urlpatterns = [
    path("", views.PostList.as_view(), name="list"),
    path("kategoria/<slug:slug>/", views.CategoryPostList.as_view(), name="category"),
    path("<slug:slug>/", views.post_detail, name="detail"),
    path("<slug:slug>/komentarze/", views.add_comment, name="add_comment"),
    path("<slug:slug>/ocena/", views.rate_post, name="rate"),
]
