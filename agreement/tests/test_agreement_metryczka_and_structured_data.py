import json
import re

from django.core.management import call_command

from agreement.models import Agreement
from changelog.models import ChangeRecord


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_saving_the_seeded_agreement_in_admin_is_a_change_not_its_publication(client, alice):
    alice.first_name, alice.last_name = "Alicja", "Redakcyjna"
    alice.save()
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    agreement = Agreement.objects.get(slug="porozumienie-o-zawarciu-partnerstwa-lokalnego")
    client.force_login(alice)
    page = client.get(f"/admin/agreement/agreement/{agreement.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields if name != "document"}
    data.update(signed_on="2018-04-19", is_published="on", occasion="Posiedzenie Rady")
    formset = page.context["inline_admin_formsets"][0].formset
    signed = formset.initial_forms  # the signatures as they are; no new row
    data.update({f"{formset.prefix}-TOTAL_FORMS": len(signed), f"{formset.prefix}-INITIAL_FORMS": len(signed)})
    for n, f in enumerate(signed):
        data.update({f"{formset.prefix}-{n}-{name}": f[name].value() or "" for name in f.fields if name != "DELETE"})
    response = client.post(f"/admin/agreement/agreement/{agreement.pk}/change/", data)
    assert response.status_code == 302
    assert ChangeRecord.objects.get().editor_name == "Alicja Redakcyjna"

    client.logout()
    html = client.get("/porozumienie/").text
    # The demo's agreement was public before: the office published it, Alicja only changed it.
    assert "<dt>Opublikował</dt><dd>Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim</dd>" in html
    assert "<dt>Ostatnia zmiana</dt><dd>Alicja Redakcyjna, <time" in html
    assert "Rejestr zmian (1 zmiana)" in html


def test_agreement_page_names_the_partnership_and_its_public_body_members(client, db, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    data = json_ld(client.get("/porozumienie/").text)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "Partnerstwo Lokalne Powiatu Nowodworskiego"
    assert data["foundingDate"] == "2018-04-19"
    assert len(data["member"]) == 9  # ten signatories, two of them for the Starostwo
    pup = {
        "@type": "GovernmentOrganization",
        "name": "Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
        "url": "https://partnerstwo.example.gov.pl/partnerzy/powiatowy-urzad-pracy/",
    }
    assert pup in data["member"]
