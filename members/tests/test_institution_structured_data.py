import json
import re

from members.models import InstitutionKind


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_a_public_body_is_described_as_a_government_organization(client, make_institution, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    gmina = make_institution(name="Gmina Leoncin", website="https://leoncin.example.pl")
    data = json_ld(client.get(gmina.get_absolute_url()).text)
    assert data == {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": "Gmina Leoncin",
        "url": f"https://partnerstwo.example.gov.pl{gmina.get_absolute_url()}",
        "sameAs": "https://leoncin.example.pl",
        "memberOf": {
            "@type": "GovernmentOrganization",
            "name": "Partnerstwo Lokalne Powiatu Nowodworskiego",
            "url": "https://partnerstwo.example.gov.pl/",
        },
    }


def test_an_employer_is_an_organization_and_unknown_contacts_are_left_out(client, make_institution):
    employer = make_institution(name="Piekarnia Nasielska", kind=InstitutionKind.EMPLOYER)
    data = json_ld(client.get(employer.get_absolute_url()).text)
    assert data["@type"] == "Organization"
    assert not {"address", "email", "telephone", "sameAs"} & data.keys()
