from django.contrib import messages
from django.core import signing
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from limits.ratelimit import client_ip, is_limited
from newsletter import subscriptions
from newsletter.forms import SignupForm
from newsletter.models import Subscriber
from newsletter.tokens import read_confirm_token, read_unsubscribe_token

SIGNUP_DONE = (
    "Dziękujemy. Jeśli adres jest poprawny, wysłaliśmy na niego wiadomość z linkiem potwierdzającym. "
    "Zapis zacznie działać po kliknięciu linku i potwierdzeniu na stronie, która się otworzy."
)
TOO_MANY = "Zbyt wiele prób zapisu w krótkim czasie. Spróbuj ponownie za godzinę."


def _bad_link(request, *, expired):
    return render(request, "newsletter/bad_link.html", {"expired": expired}, status=400)


@require_http_methods(["GET", "POST"])
def signup(request):
    if request.method == "GET":
        return render(request, "newsletter/signup.html", {"nl_form": SignupForm(), "hide_newsletter_box": True})
    form = SignupForm(request.POST)
    if not form.is_valid():
        return render(request, "newsletter/signup.html", {"nl_form": form, "hide_newsletter_box": True}, status=400)
    email = form.cleaned_data["email"]
    if is_limited("newsletter-ip", client_ip(request), limit=20, window=3600) or is_limited(
        "newsletter-email", email, limit=5, window=3600
    ):
        form.add_error(None, TOO_MANY)
        return render(request, "newsletter/signup.html", {"nl_form": form, "hide_newsletter_box": True}, status=429)
    path = form.cleaned_data["source"]
    source = f"formularz w stopce, strona {path}" if path else "formularz na stronie /newsletter/"
    subscriptions.subscribe(email, wants_posts=form.wants_posts, wants_issues=form.wants_issues, source=source)
    messages.success(request, SIGNUP_DONE)
    return redirect("newsletter:signup")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners open links by themselves); only the POST confirms."""
    try:
        subscriber = Subscriber.objects.filter(pk=read_confirm_token(token)).first()
    except signing.SignatureExpired:
        return _bad_link(request, expired=True)
    except signing.BadSignature:
        return _bad_link(request, expired=False)
    if subscriber is None:
        return _bad_link(request, expired=False)
    if request.method == "POST":
        if subscriptions.confirm(subscriber, source="link potwierdzający z e-maila"):
            messages.success(request, f"Gotowe! Adres {subscriber.email} jest zapisany na {subscriber.topics}.")
        else:
            messages.error(request, "Ten link jest już nieaktualny. Zapisz się ponownie, jeśli chcesz.")
        return redirect("newsletter:confirm", token=token)
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


@csrf_exempt  # RFC 8058: mail providers POST here with no session and no token; the signed link is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscriber = Subscriber.objects.filter(pk=read_unsubscribe_token(token)).first()
    except signing.BadSignature:
        return _bad_link(request, expired=False)
    one_click = request.POST.get("List-Unsubscribe") == "One-Click"
    if request.method == "POST":
        if subscriber is not None:
            source = "jedno kliknięcie w programie pocztowym" if one_click else "strona wypisu"
            subscriptions.unsubscribe(subscriber, source=source)
        if one_click:
            return HttpResponse("Adres wypisano z newslettera.", content_type="text/plain; charset=utf-8")
        messages.success(request, "Wypisaliśmy Twój adres. Nie wyślemy na niego więcej wiadomości.")
        return redirect("newsletter:unsubscribe", token=token)
    return render(
        request,
        "newsletter/unsubscribe.html",
        {
            "subscriber": subscriber,
            "can_restore": subscriber is not None and subscriptions.can_restore(subscriber),
            "token": token,
        },
    )


@require_POST
def restore(request, token):
    try:
        subscriber = Subscriber.objects.filter(pk=read_unsubscribe_token(token)).first()
    except signing.BadSignature:
        return _bad_link(request, expired=False)
    if subscriber is not None and subscriptions.restore(subscriber, source="cofnięcie wypisania"):
        messages.success(request, "Wypisanie cofnięte: znów będziesz otrzymywać nasze wiadomości.")
        # Back on the list: its settings page, not the unsubscribe button again.
        return redirect("newsletter:preferences", token=token)
    messages.error(request, "Nie można cofnąć wypisania tym linkiem. Zapisz się ponownie formularzem.")
    return redirect("newsletter:unsubscribe", token=token)
