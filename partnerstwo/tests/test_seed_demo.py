from django.core.management import call_command

from news.models import Category, Post
from pages.models import Page


def test_demo_content_loads_once_and_keeps_edits(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    post = Post.objects.get(slug="partnerstwo-lokalne-w-powiecie-nowodworskim")
    assert post.title == "Partnerstwo lokalne w powiecie nowodworskim"
    assert post.published_at.date().isoformat() == "2018-06-08"
    assert post.category.name == "Newsy"
    assert "<h2>" in post.body and "<ul>" in post.body
    post.title = "Tytuł zmieniony przez redakcję"
    post.save()
    counts = (Post.objects.count(), Category.objects.count(), Page.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert (Post.objects.count(), Category.objects.count(), Page.objects.count()) == counts
    assert Post.objects.get(pk=post.pk).title == "Tytuł zmieniony przez redakcję"
    assert Page.objects.filter(slug="polityka-prywatnosci").exists()


def test_demo_post_is_shown_with_its_polish_date(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/aktualnosci/partnerstwo-lokalne-w-powiecie-nowodworskim/").text
    assert 'Opublikowano: <time datetime="2018-06-08T10:00:00+02:00">8 czerwca 2018</time>' in html
    assert 'Kategoria: <a href="/aktualnosci/kategoria/newsy/">Newsy</a>' in html


def test_demo_partners_agreement_and_pages_load_once(db):
    from agreement.models import Agreement, Signature
    from members.models import Institution, Office, Person

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert Institution.objects.count() == 9
    kinds = dict(Institution.objects.values_list("name", "kind"))
    assert kinds["Powiatowa Rada Rynku Pracy"] == "rada-rynku-pracy"
    assert kinds["Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"] == "pup"
    assert Institution.objects.get(name="Gmina Pomiechówek").gmina == "pomiechowek"
    # Unknown facts stay empty.
    assert not Institution.objects.exclude(address="", phone="", email="", website="").exists()
    agreement = Agreement.objects.get()
    assert agreement.signed_on.isoformat() == "2018-04-19"
    signatures = list(agreement.signatures.select_related("person"))
    assert [s.order for s in signatures] == list(range(1, 11))
    assert signatures[2].person.full_name == "Marzena Boczek"
    assert Page.objects.filter(section=Page.Section.PARTNERSHIP).count() == 5
    counts = [m.objects.count() for m in (Institution, Person, Office, Agreement, Signature, Page)]

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert [m.objects.count() for m in (Institution, Person, Office, Agreement, Signature, Page)] == counts
