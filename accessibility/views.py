import datetime
from urllib.parse import urlsplit

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from accessibility import cases
from accessibility.forms import RequestForm
from core.links import absolute_url
from limits.ratelimit import client_ip, is_limited
from pagecache.versions import reads

# How many requests one address (e-mail or IP) may send in a day.
LIMIT_PER_EMAIL = 5
LIMIT_PER_IP = 10
WINDOW = 24 * 3600


def _address_from_link(value):
    """The page a footer or document link came from (?adres=/spotkania/…), as a full address.

    Only a path of this site is taken; anything else is left out, so a crafted link cannot put
    someone else's text into the form.
    """
    value = (value or "").strip()
    parts = urlsplit(value)
    if not value.startswith("/") or value.startswith("//") or parts.scheme or parts.netloc or len(value) > 400:
        return ""
    return absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))


@reads("adres")
@require_http_methods(["GET", "POST"])
def request_form(request):
    if request.method == "POST":
        form = RequestForm(request.POST)
        if is_limited("a11y-request-ip", client_ip(request), limit=LIMIT_PER_IP, window=WINDOW):
            return _limited(request, form, "Z tego adresu wysłano dziś zbyt wiele zgłoszeń.")
        if form.is_valid():
            email = form.cleaned_data["email"]
            if is_limited("a11y-request-email", email, limit=LIMIT_PER_EMAIL, window=WINDOW):
                return _limited(request, form, "Z tego adresu e-mail wysłano dziś zbyt wiele zgłoszeń.")
            case = cases.receive(form.save(commit=False))
            request.session["accessibility_request"] = {"number": case.pk, "email": case.email, "due": str(case.due_on)}
            messages.success(request, "Zgłoszenie zostało wysłane.")
            return redirect("accessibility_request_sent")
        return render(request, "accessibility/request_form.html", {"form": form}, status=400)
    form = RequestForm(initial={"address": _address_from_link(request.GET.get("adres"))})
    return render(request, "accessibility/request_form.html", {"form": form})


def _limited(request, form, reason):
    """Too many requests: say so and keep what was typed."""
    form = RequestForm(initial=form.data.dict() if hasattr(form.data, "dict") else form.data)
    message = f"{reason} Spróbuj ponownie jutro – to, co wpisano, zostało zachowane."
    return render(request, "accessibility/request_form.html", {"form": form, "limited_message": message}, status=429)


def request_sent(request):
    sent = request.session.get("accessibility_request")
    if not sent:
        return redirect("accessibility_request")
    due = datetime.date.fromisoformat(sent["due"])
    return render(request, "accessibility/request_sent.html", {"sent": sent, "due": due})
