"""The agreement pages: /porozumienie/ (the founding one) and /porozumienie/<slug>/."""

from django.shortcuts import get_object_or_404, render

from agreement.models import Agreement
from changelog.metryczka import metryczka_for
from core.links import absolute_url
from core.seo import json_ld, partnership


def _agreement_page(request, agreement, *, founding=False):
    if agreement is None:
        return render(request, "agreement/agreement.html", {"agreement": None})
    signatures = list(agreement.signatures.select_related("person", "institution"))
    # Every agreement of the partnership, oldest first: the first founded it, the others link from each page.
    agreements = list(Agreement.objects.published().only("title", "slug", "signed_on"))
    context = {
        "agreement": agreement,
        "is_founding": bool(agreements) and agreements[0].pk == agreement.pk,
        "other_agreements": [a for a in agreements if a.pk != agreement.pk],
        "signatures": signatures,
        "names_known": any(s.person_id for s in signatures),
        "metryczka": metryczka_for(agreement),
        "agreement_json_ld": json_ld(agreement_data(agreement, signatures, request.path, founding)),
    }
    return render(request, "agreement/agreement.html", context)


def agreement_data(agreement, signatures, path, founding):
    """schema.org: the partnership the agreement founded, a GovernmentOrganization, and its signatories."""
    members = {s.institution_id: s.institution for s in signatures}.values()
    return {
        "@context": "https://schema.org",
        **partnership(
            **({"foundingDate": agreement.signed_on.isoformat()} if founding else {}),
            areaServed={"@type": "AdministrativeArea", "name": "powiat nowodworski"},
            subjectOf={"@type": "CreativeWork", "name": agreement.title, "url": absolute_url(path)},
            member=[
                {"@type": i.schema_type, "name": i.name, "url": absolute_url(i.get_absolute_url())} for i in members
            ],
        ),
    }


def agreement(request):
    """The founding agreement (the earliest one published), or a note that it is not published yet."""
    return _agreement_page(request, Agreement.objects.published().select_related("meeting").first(), founding=True)


def agreement_detail(request, slug):
    agreements = Agreement.objects.published().select_related("meeting")
    return _agreement_page(request, get_object_or_404(agreements, slug=slug))
