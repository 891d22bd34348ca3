from django.core.management import call_command

from news.models import Category, Post
from pages.models import Page


def test_demo_content_loads_once_and_keeps_edits(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    post = Post.objects.get(slug="partnerstwo-lokalne-w-powiecie-nowodworskim")
    assert post.title == "Partnerstwo lokalne w powiecie nowodworskim"
    assert post.published_at.date().isoformat() == "2018-06-08"
    assert post.category.name == "Wiadomości"
    assert "<h2>" in post.body and "<ul>" in post.body
    post.title = "Tytuł zmieniony przez redakcję"
    post.save()
    counts = (Post.objects.count(), Category.objects.count(), Page.objects.count())

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert (Post.objects.count(), Category.objects.count(), Page.objects.count()) == counts
    assert Post.objects.get(pk=post.pk).title == "Tytuł zmieniony przez redakcję"
    assert Page.objects.filter(slug="polityka-prywatnosci").exists()


def test_the_demo_category_once_called_newsy_is_renamed_with_its_posts(db):
    old = Category.objects.create(name="Newsy", slug="newsy")
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    old.refresh_from_db()
    assert (old.name, old.slug) == ("Wiadomości", "wiadomosci")
    assert Category.objects.count() == 1
    assert Post.objects.filter(category=old).exists()


def test_demo_post_is_shown_with_its_polish_date(client, db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))
    html = client.get("/aktualnosci/partnerstwo-lokalne-w-powiecie-nowodworskim/").text
    assert 'Opublikowano: <time datetime="2018-06-08T10:00:00+02:00">8 czerwca 2018</time>' in html
    assert 'Kategoria: <a href="/aktualnosci/kategoria/wiadomosci/">Wiadomości</a>' in html


def test_demo_partners_agreement_and_pages_load_once(db):
    from agreement.models import Agreement, Signature
    from members.models import Institution, Office, Person

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    assert Institution.objects.count() == 9
    kinds = dict(Institution.objects.values_list("name", "kind"))
    assert kinds["Powiatowa Rada Rynku Pracy"] == "rada-rynku-pracy"
    assert kinds["Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim"] == "pup"
    assert Institution.objects.get(name="Gmina Pomiechówek").gmina == "pomiechowek"
    # Contacts from the sources; unknown facts stay empty.
    pomiechowek = Institution.objects.get(name="Gmina Pomiechówek")
    assert (pomiechowek.phone, pomiechowek.email) == ("22 765 27 24", "urzad@pomiechowek.pl")
    assert Institution.objects.get(name="Gmina Nasielsk").bip_url == "https://umnasielsk.bip.org.pl/"
    pup = Institution.objects.get(kind="pup")
    assert (pup.address, pup.phone, pup.email, pup.website, pup.bip_url) == ("", "", "", "", "")
    agreement, social_economy = Agreement.objects.order_by("signed_on")
    assert agreement.signed_on.isoformat() == "2018-04-19"
    # The 2024 agreement: the source names functions, not people.
    assert social_economy.signed_on.isoformat() == "2024-09-18"
    assert [(s.function, s.person) for s in social_economy.signatures.all()][:2] == [
        ("Starosta Nowodworski", None),
        ("Dyrektor Powiatowego Urzędu Pracy", None),
    ]
    assert social_economy.signatures.count() == 9
    signatures = list(agreement.signatures.select_related("person"))
    assert [s.order for s in signatures] == list(range(1, 11))
    assert signatures[2].person.full_name == "Marzena Boczek"
    assert Page.objects.filter(section=Page.Section.PARTNERSHIP).count() == 5
    counts = [m.objects.count() for m in (Institution, Person, Office, Agreement, Signature, Page)]

    call_command("seed_demo", stdout=open("/dev/null", "w"))

    assert [m.objects.count() for m in (Institution, Person, Office, Agreement, Signature, Page)] == counts


def test_demo_tells_the_dated_history_and_keeps_the_2018_signatures(client, db):
    from agreement.models import Signature
    from members.models import Office

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    dates = [p.published_at.date().isoformat() for p in Post.objects.order_by("published_at")]
    assert dates == ["2018-06-08", "2018-06-14", "2019-04-11", "2024-12-05"]
    # A new term is a new office; the 2018 signature keeps the function of its day.
    starosta = Office.objects.filter(function="Starosta Nowodworski").order_by("start_date")
    assert [(o.person.full_name, o.end_date is None) for o in starosta] == [
        ("Magdalena Biernacka", False),  # 2014–2018
        ("Magdalena Biernacka", True),  # from 7 May 2024
        ("Krzysztof Kapusta", False),  # start not known, until 2024
    ]
    assert Signature.objects.get(person__last_name="Calak").function == "Wicestarosta"
    page = client.get("/partnerzy/starostwo-powiatowe/").text
    assert "Andrzej Pacocha" in page and '<time datetime="2024">2024</time>' in page
    for path in ("/", "/aktualnosci/", "/spotkania/", "/kontakt/"):
        assert "wkrótce" not in client.get(path).text, path
        assert "zostaną podane" not in client.get(path).text, path
