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
