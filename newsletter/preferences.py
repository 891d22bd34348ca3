"""A subscriber's own page (linked from every e-mail and from „Moje konto”): choose topics, or leave."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from newsletter.mail import unsubscribe_url
from newsletter.models import Subscriber
from newsletter.tokens import read_unsubscribe_token

NOTHING_CHOSEN = "Wybierz co najmniej jeden rodzaj wiadomości albo wypisz się z newslettera."


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber = Subscriber.objects.filter(pk=read_unsubscribe_token(token)).first()
    except signing.BadSignature:
        subscriber = None
    if subscriber is None or subscriber.status != Subscriber.Status.CONFIRMED:
        return render(
            request, "newsletter/preferences.html", {"subscriber": subscriber, "hide_newsletter_box": True}, status=404
        )
    error = None
    if request.method == "POST":
        wants_posts = request.POST.get("wants_posts") == "on"
        wants_issues = request.POST.get("wants_issues") == "on"
        if wants_posts or wants_issues:
            subscriber.wants_posts, subscriber.wants_issues = wants_posts, wants_issues
            subscriber.save(update_fields=["wants_posts", "wants_issues"])
            messages.success(request, "Zapisano wybór. Kolejne wiadomości przyjdą według nowych ustawień.")
            return redirect("newsletter:preferences", token=token)
        error = NOTHING_CHOSEN
    return render(
        request,
        "newsletter/preferences.html",
        {
            "subscriber": subscriber,
            "error": error,
            "unsubscribe_url": unsubscribe_url(subscriber),
            "hide_newsletter_box": True,
        },
        status=400 if error else 200,
    )
