import secrets

from allauth.account.models import EmailAddress
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import ListView

from changelog.metryczka import metryczka_for
from core.links import absolute_url
from core.notify import notify_staff
from core.sanitize import html_to_text
from core.seo import json_ld, partnership
from core.staff import has_staff_powers
from limits.ratelimit import client_ip, is_limited
from news.forms import CommentForm, RatingForm
from news.models import (
    COMMENT_PAGE_PARAM,
    COMMENTS_PER_PAGE,
    Category,
    Comment,
    Post,
    PostAttachment,
    Rating,
    post_tag,
)
from news.notify import read_notices_off_token
from pagecache.versions import reads, shows
from stats.counter import VIEWS_TAG, shown, total_subquery

# A visitor without an account votes once per browser: a random key in a signed cookie.
RATER_COOKIE = "ocena"
RATER_COOKIE_SALT = "news.rating"
RATER_COOKIE_AGE = 2 * 365 * 24 * 3600


class PostList(ListView):
    template_name = "news/post_list.html"
    context_object_name = "posts"
    paginate_by = 10

    def get_queryset(self):
        return Post.objects.published().pinned_first().select_related("category")


class CategoryPostList(PostList):
    def get_queryset(self):
        self.category = get_object_or_404(Category, slug=self.kwargs["slug"])
        return super().get_queryset().filter(category=self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(category=self.category, **kwargs)


def _browser_key(request):
    return request.get_signed_cookie(RATER_COOKIE, default="", salt=RATER_COOKIE_SALT)


def _posts_with_everything():
    # Its view count rides along in the post's row (the metryczka shows it): no query of its own.
    return (
        Post.objects.select_related("category", "author")
        .annotate(view_total=total_subquery(Post))
        .prefetch_related(Prefetch("attachments", queryset=PostAttachment.objects.select_related("document")))
    )


def _get_post(request, slug, *, public_only=False):
    posts = _posts_with_everything()
    if public_only or not has_staff_powers(request):  # staff preview drafts and scheduled posts here
        posts = posts.published()
    post = get_object_or_404(posts, slug=slug)
    return post.load_reader_counts(request.user, _browser_key(request))


def _neighbours(post):
    """The previous and the next public post, in one query."""
    public = Post.objects.published().only("title", "slug", "published_at")
    before = public.filter(published_at__lt=post.published_at).order_by("-published_at", "-pk")[:1]
    after = public.filter(published_at__gt=post.published_at).order_by("published_at", "pk")[:1]
    found = list(before.union(after, all=True))
    previous_post = next((p for p in found if p.published_at < post.published_at), None)
    next_post = next((p for p in found if p.published_at > post.published_at), None)
    return previous_post, next_post


def _render_post(request, post, *, comment_form=None, rating_form=None, status=200):
    previous_post, next_post = _neighbours(post)
    page, page_count = _comment_page(request, post)
    start = (page - 1) * COMMENTS_PER_PAGE
    newest_first = (
        post.comments.visible_to(request.user)
        .only("post_id", "user_id", "author_name", "body", "status", "created_at", "reply", "replied_at")
        .order_by("-created_at", "-pk")
    )
    can_comment = comment_form is not None or request.user.is_authenticated
    if comment_form is None and can_comment:
        comment_form = CommentForm(initial={"author_name": request.user.first_name})
    back = urlencode({"next": post.get_absolute_url() + "#dodaj-komentarz"})
    context = {
        "post": post,
        "previous_post": previous_post,
        "next_post": next_post,
        "comments": list(newest_first[start : start + COMMENTS_PER_PAGE])[::-1],
        "comment_count": post.approved_comment_count,
        "comment_page": page,
        "comment_page_count": page_count,
        "can_comment": can_comment,
        "comment_form": comment_form,
        "rating_form": rating_form or RatingForm(initial={"value": post.my_rating}),
        # For readers without an account only (who cannot comment).
        "login_url": f"{reverse('account_login')}?{back}",
        "signup_url": f"{reverse('account_signup')}?{back}",
        "metryczka": metryczka_for(post),
        "post_json_ld": json_ld(news_article_data(post)),
    }
    return render(request, "news/post_detail.html", context, status=status)


def _comment_page(request, post):
    """The page of comments asked for (1 = the newest) and how many there are; 404 past the last."""
    page_count = max(1, -(-post.shown_comment_count // COMMENTS_PER_PAGE))
    raw = request.GET.get(COMMENT_PAGE_PARAM)
    if raw is None:
        return 1, page_count
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= page_count:
        raise Http404("Nie ma takiej strony komentarzy.")
    return int(raw), page_count


@shows(lambda slug: [post_tag(slug), VIEWS_TAG])  # its votes and comments, its view count
@reads(COMMENT_PAGE_PARAM)
def post_detail(request, slug):
    post = _get_post(request, slug)
    response = _render_post(request, post)
    # Older comments are the same post read on: its view was counted on its first page.
    return response if COMMENT_PAGE_PARAM in request.GET else shown(response, post)


def post_preview(request, object_id, *, preview_link):
    """The post as its public page shows it, even a draft or a scheduled one, for the holder of a
    preview link (drafts/previews.py): with the link's banner, without ratings and comments."""
    post = get_object_or_404(_posts_with_everything(), pk=object_id)  # not counted as a view: it is no reader's
    previous_post, next_post = _neighbours(post)
    context = {
        "post": post,
        "previous_post": previous_post,
        "next_post": next_post,
        "metryczka": metryczka_for(post),
        "post_json_ld": json_ld(news_article_data(post)),
        "preview_link": preview_link,
        "here": post.get_absolute_url(),
    }
    return render(request, "news/post_detail.html", context)


def _has_verified_email(user):
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def _notify_staff(comment):
    admin_url = absolute_url(reverse("admin:news_comment_changelist") + "?status__exact=pending")
    body = (
        f"Nowy komentarz czeka na moderację.\n\n"
        f"Wpis: {comment.post.title}\n"
        f"Podpis: {comment.author_name}\n\n"
        f"{comment.body}\n\n"
        f"Komentarze czekające na moderację: {admin_url}\n"
    )
    notify_staff(f"Komentarz czeka na moderację: {comment.post.title}", body, permission="news.change_comment")


@require_POST
def add_comment(request, slug):
    post = _get_post(request, slug, public_only=True)
    if not request.user.is_authenticated:
        messages.info(request, "Zaloguj się, aby dodać komentarz.")
        return redirect(reverse("account_login") + "?" + urlencode({"next": post.get_absolute_url()}))
    form = CommentForm(request.POST)
    if not _has_verified_email(request.user):
        form.add_error(None, "Potwierdź swój adres e-mail (link wysłaliśmy po rejestracji), aby komentować.")
        return _render_post(request, post, comment_form=form, status=403)
    if is_limited("comment", request.user.pk, limit=5, window=600) or is_limited(
        "comment-ip", client_ip(request), limit=20, window=3600
    ):
        form.add_error(None, "Wysyłasz komentarze zbyt często. Spróbuj ponownie za kilka minut.")
        return _render_post(request, post, comment_form=form, status=429)
    if not form.is_valid():
        return _render_post(request, post, comment_form=form, status=400)

    comment = form.save(commit=False)
    comment.post = post
    comment.user = request.user
    trusted = has_staff_powers(request) or request.user.comments.filter(status=Comment.Status.APPROVED).exists()
    comment.status = Comment.Status.APPROVED if trusted else Comment.Status.PENDING
    with transaction.atomic():
        comment.save()
        if request.user.first_name != comment.author_name:
            request.user.first_name = comment.author_name  # offered again next time
            request.user.save(update_fields=["first_name"])
    # Shown inside the new comment, where the redirect takes the reader (templates/news/includes/comments.html).
    at_comment = f"przy-komentarzu komentarz-{comment.pk}"
    if comment.is_approved:
        messages.success(request, "Dodaliśmy Twój komentarz.", extra_tags=at_comment)
    else:
        _notify_staff(comment)
        messages.success(
            request,
            "Dziękujemy! Twój pierwszy komentarz pojawi się po zatwierdzeniu przez moderatora; "
            "kolejne będą widoczne od razu.",
            extra_tags=at_comment,
        )
    return redirect(f"{post.get_absolute_url()}#komentarz-{comment.pk}")


@never_cache  # it shows the state of one reader's comment: never a stored page
@require_http_methods(["GET", "POST"])
def comment_notices_off(request, token):
    """The link in a comment notice: GET shows a button (mail scanners open links), the POST turns them off."""
    try:
        comment = Comment.objects.select_related("post").filter(pk=read_notices_off_token(token)).first()
    except signing.BadSignature:
        comment = None
    if comment is None:
        return render(request, "news/comment_notices_off.html", {"comment": None}, status=400)
    if request.method == "POST":
        if comment.notify_author:
            comment.notify_author = False
            comment.save(update_fields=["notify_author"])
        messages.success(request, "Wyłączono powiadomienia o tym komentarzu. Nie wyślemy już o nim wiadomości.")
        return redirect("news:comment_notices_off", token=token)
    return render(request, "news/comment_notices_off.html", {"comment": comment})


@require_POST
def rate_post(request, slug):
    post = _get_post(request, slug, public_only=True)
    form = RatingForm(request.POST)
    if is_limited("rating", client_ip(request), limit=30, window=3600):
        form.add_error(None, "Zbyt wiele ocen z tego adresu. Spróbuj ponownie później.")
        return _render_post(request, post, rating_form=form, status=429)
    if not form.is_valid():
        return _render_post(request, post, rating_form=form, status=400)

    new_key = ""
    if request.user.is_authenticated:
        voter = {"user": request.user}
    else:
        key = _browser_key(request)
        if not key:
            key = new_key = secrets.token_urlsafe(16)
        voter = {"user": None, "browser_key": key}
    value = form.cleaned_data["value"]
    rating, created = Rating.objects.update_or_create(post=post, **voter, defaults={"value": value})
    if created:
        messages.success(request, f"Dziękujemy za ocenę: {rating.value} / 5.")
    else:
        messages.success(request, f"Zmieniliśmy Twoją ocenę na {rating.value} / 5.")
    response = redirect(f"{post.get_absolute_url()}#ocena")
    if new_key:
        response.set_signed_cookie(
            RATER_COOKIE,
            new_key,
            salt=RATER_COOKIE_SALT,
            max_age=RATER_COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    return response


def news_article_data(post):
    """schema.org NewsArticle for search engines; built from what the page shows."""
    publisher = partnership()
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.lead or html_to_text(post.body)[:300],
        "datePublished": timezone.localtime(post.published_at).isoformat(),
        "dateModified": timezone.localtime(post.updated_at).isoformat(),
        "articleSection": post.category.name,
        "inLanguage": "pl",
        "mainEntityOfPage": absolute_url(post.get_absolute_url()),
        "url": absolute_url(post.get_absolute_url()),
        "author": publisher,
        "publisher": publisher,
    }
    if post.image:
        data["image"] = [absolute_url(post.image.url)]
    return data
