from django.urls import path

from news import feeds, views
from pagecache.versions import reads

app_name = "news"
urlpatterns = [
    path("", reads("page")(views.PostList.as_view()), name="list"),
    path("rss/", feeds.LatestPosts(), name="rss"),
    path("atom/", feeds.LatestPostsAtom(), name="atom"),
    path("powiadomienia/wylacz/<str:token>/", views.comment_notices_off, name="comment_notices_off"),
    path("kategoria/<slug:slug>/", reads("page")(views.CategoryPostList.as_view()), name="category"),
    path("kategoria/<slug:slug>/rss/", feeds.CategoryPosts(), name="category_rss"),
    path("kategoria/<slug:slug>/atom/", feeds.CategoryPostsAtom(), name="category_atom"),
    path("<slug:slug>/", views.post_detail, name="detail"),
    path("<slug:slug>/komentarze/", views.add_comment, name="add_comment"),
    path("<slug:slug>/ocena/", views.rate_post, name="rate"),
]
