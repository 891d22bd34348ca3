import json

from allauth.account.models import EmailAddress
from allauth.account.views import PasswordResetFromKeyView
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from accounts.forms import DeleteAccountForm
from core.links import absolute_url
from news.models import Comment, Rating
from newsletter.mail import preferences_url
from newsletter.models import Subscriber


class SetPasswordFromKeyView(PasswordResetFromKeyView):
    """allauth's page behind a password-reset or invitation link; a spent, expired or damaged link
    answers 410 Gone with the same explanation, so it is never mistaken for a working page."""

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if context.get("token_fail"):
            response.status_code = 410
        return response


set_password_from_key = SetPasswordFromKeyView.as_view()


def _comments(user):
    return Comment.objects.filter(user=user).select_related("post").with_page_counts().order_by("-created_at", "-pk")


def _ratings(user):
    return Rating.objects.filter(user=user).select_related("post").order_by("-updated_at", "-pk")


@login_required
def dashboard(request):
    # Posts in the trash have no page to link to; the data export still holds everything.
    context = {
        "comments": _comments(request.user).filter(post__deleted_at__isnull=True),
        "ratings": _ratings(request.user).filter(post__deleted_at__isnull=True),
        "email": EmailAddress.objects.filter(user=request.user, primary=True).first(),
    }
    # The reader's newsletter status, by their address (sign-ups need no account).
    subscriber = Subscriber.objects.filter(email__iexact=request.user.email).first() if request.user.email else None
    context["subscriber"] = subscriber
    if subscriber is not None and subscriber.status == Subscriber.Status.CONFIRMED:
        context["subscriber_preferences_url"] = preferences_url(subscriber)
    return render(request, "accounts/dashboard.html", context)


def _iso(value):
    return timezone.localtime(value).isoformat() if value else None


@login_required
def export_data(request):
    """Everything the portal keeps about the reader, as a JSON download (RODO, art. 20)."""
    user = request.user
    data = {
        "konto": {
            "email": user.email,
            "podpis": user.first_name,
            "data_rejestracji": _iso(user.date_joined),
            "ostatnie_logowanie": _iso(user.last_login),
            "adresy_email": [
                {"email": a.email, "potwierdzony": a.verified, "glowny": a.primary}
                for a in EmailAddress.objects.filter(user=user).order_by("pk")
            ],
        },
        "komentarze": [
            {
                "wpis": c.post.title,
                "adres_wpisu": absolute_url(c.post.get_absolute_url()),
                "podpis": c.author_name,
                "tresc": c.body,
                "status": c.get_status_display(),
                "dodano": _iso(c.created_at),
            }
            for c in _comments(user)
        ],
        "oceny": [
            {
                "wpis": r.post.title,
                "adres_wpisu": absolute_url(r.post.get_absolute_url()),
                "ocena": r.value,
                "oddano": _iso(r.created_at),
                "zmieniono": _iso(r.updated_at),
            }
            for r in _ratings(user)
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="moje-dane-partnerstwo.json"'
    return response


@login_required
def delete_account(request):
    """Delete the reader's account with their comments and ratings (as the privacy policy says)."""
    user = request.user
    if user.is_staff:
        messages.error(request, "Konta pracowników usuwa administrator portalu w panelu administracyjnym.")
        return redirect("accounts:dashboard")
    form = DeleteAccountForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            logout(request)
            user.delete()  # comments, ratings, e-mail addresses and authenticators go with it
        messages.success(request, "Usunęliśmy Twoje konto wraz z komentarzami i ocenami.")
        return redirect("home")
    context = {
        "form": form,
        "comment_count": Comment.objects.filter(user=user).count(),
        "rating_count": Rating.objects.filter(user=user).count(),
    }
    return render(request, "accounts/delete.html", context, status=400 if form.is_bound else 200)
