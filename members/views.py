from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from core.links import absolute_url
from core.seo import json_ld
from core.staff import has_staff_powers
from limits.ratelimit import client_ip, is_limited
from members.forms import AccessionForm, DirectoryFilterForm
from members.models import Institution, Office
from members.notify import accession_received
from pagecache.versions import reads

# How many requests to join one address (e-mail or IP) may send in a day.
ACCESSION_LIMIT_PER_EMAIL = 3
ACCESSION_LIMIT_PER_IP = 10
ACCESSION_WINDOW = 24 * 3600


@reads("rodzaj", "gmina")
def directory(request):
    form = DirectoryFilterForm(request.GET)
    if not form.is_valid():
        # An unknown kind or gmina (an old or edited link): say what is wrong, list nothing.
        return render(request, "members/directory.html", {"form": form, "institutions": None}, status=400)
    kind, gmina = form.cleaned_data["rodzaj"], form.cleaned_data["gmina"]
    filtered = bool(kind or gmina)

    institutions = Institution.objects.published().prefetch_related(
        Prefetch("offices", queryset=Office.objects.current().select_related("person"), to_attr="current_offices")
    )
    if kind:
        institutions = institutions.filter(kind=kind)
    if gmina:
        institutions = institutions.filter(gmina=gmina)
    institutions = list(institutions)
    context = {
        "form": form,
        "institutions": institutions,
        "filtered": filtered,
        # The logo wall: every partner with a logo, from the list already loaded (no query).
        "logo_wall": [] if filtered else [i for i in institutions if i.logo],
    }
    return render(request, "members/directory.html", context)


def institution_detail(request, slug):
    # Staff preview an unpublished institution here, once past the second factor.
    institutions = Institution.objects.all() if has_staff_powers(request) else Institution.objects.published()
    institution = get_object_or_404(
        institutions.prefetch_related(
            Prefetch("offices", queryset=Office.objects.select_related("person"), to_attr="all_offices"),
        ),
        slug=slug,
    )
    offices = institution.all_offices
    # Signatures and meetings come through the relations those apps point here by: members imports neither.
    signatures = (
        institution.signatures.published()
        .select_related("agreement", "person")
        .order_by("agreement__signed_on", "agreement_id", "order")
    )
    meetings = institution.meetings.published().only("title", "slug", "date", "start_time", "end_time", "status")
    context = {
        "institution": institution,
        "current_offices": [o for o in offices if o.is_current],
        "past_offices": [o for o in offices if o.is_past],
        "signatures": list(signatures),
        "meetings": list(meetings),
        "institution_json_ld": json_ld(organization_data(institution)),
    }
    return render(request, "members/institution_detail.html", context)


def organization_data(institution):
    """schema.org GovernmentOrganization (or Organization) from what the partner's page shows."""
    data = {
        "@context": "https://schema.org",
        "@type": institution.schema_type,
        "name": institution.name,
        "url": absolute_url(institution.get_absolute_url()),
        "memberOf": {"@type": "GovernmentOrganization", "name": settings.SITE_NAME, "url": absolute_url("/")},
    }
    if institution.short_name:
        data["alternateName"] = institution.short_name
    if institution.address:
        data["address"] = {"@type": "PostalAddress", "streetAddress": institution.address, "addressCountry": "PL"}
    data.update(
        {
            key: value
            for key, value in [
                ("sameAs", institution.website),
                ("email", institution.email),
                ("telephone", institution.phone),
            ]
            if value
        }
    )
    return data


@require_http_methods(["GET", "POST"])
def accession(request):
    if request.method == "POST":
        form = AccessionForm(request.POST)
        if is_limited("accession-ip", client_ip(request), limit=ACCESSION_LIMIT_PER_IP, window=ACCESSION_WINDOW):
            return _accession_limited(request, form, "Z tego adresu wysłano dziś zbyt wiele zgłoszeń.")
        if form.is_valid():
            email = form.cleaned_data["email"]
            if is_limited("accession-email", email, limit=ACCESSION_LIMIT_PER_EMAIL, window=ACCESSION_WINDOW):
                return _accession_limited(request, form, "Z tego adresu e-mail wysłano dziś zbyt wiele zgłoszeń.")
            req = form.save()
            accession_received(req)
            request.session["accession_email"] = req.email
            messages.success(request, "Zgłoszenie zostało wysłane.")
            return redirect("members:accession_sent")
    else:
        form = AccessionForm()
    return render(request, "members/accession_form.html", {"form": form})


def _accession_limited(request, form, reason):
    """Too many requests: say so, keep what was typed (the form is shown again, unbound errors aside)."""
    form = AccessionForm(initial=form.data.dict() if hasattr(form.data, "dict") else form.data)
    message = f"{reason} Spróbuj ponownie jutro – to, co wpisano, zostało zachowane."
    return render(request, "members/accession_form.html", {"form": form, "limited_message": message}, status=429)


def accession_sent(request):
    return render(request, "members/accession_sent.html", {"email": request.session.get("accession_email", "")})
