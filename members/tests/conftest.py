import pytest


@pytest.fixture
def pending_request(db):
    """A request to join, as the public form leaves it."""
    from members.models import AccessionRequest

    def make(**fields):
        data = {
            "institution_name": "Cech Rzemiosł Różnych",
            "kind": "pracodawca",
            "gmina": "zakroczym",
            "contact_name": "Jan Przykładowy",
            "email": "jan@example.org",
            "phone": "22 765 00 00",
            "consent": True,
        }
        data.update(fields)
        return AccessionRequest.objects.create(**data)

    return make


# Accounts of partner institutions (members/partner_access.py): two gminas, one account each.


@pytest.fixture
def partner_in(staff_in_role):
    """``partner_in(institution, email)``: staff in the role „Osoba z instytucji partnerskiej”, for it."""
    from accounts.roles import PARTNER
    from members.models import InstitutionAccount

    def make(institution, email):
        user = staff_in_role(PARTNER, email=email)
        InstitutionAccount.objects.create(user=user, institution=institution)
        return user

    return make


@pytest.fixture
def nasielsk(make_institution):
    return make_institution(name="Urząd Miejski w Nasielsku", short_name="Nasielsk", gmina="nasielsk")


@pytest.fixture
def czosnow(make_institution):
    return make_institution(name="Urząd Gminy Czosnów", short_name="Czosnów", gmina="czosnow")


@pytest.fixture
def from_nasielsk(partner_in, nasielsk):
    return partner_in(nasielsk, "promocja@nasielsk.example")


@pytest.fixture
def from_czosnow(partner_in, czosnow):
    return partner_in(czosnow, "sekretariat@czosnow.example")
