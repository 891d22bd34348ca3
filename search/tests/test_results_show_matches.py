"""A resident sees, under each result, the passage with the words found marked."""

import re

import pytest


@pytest.fixture
def indexed(make_post, django_capture_on_commit_callbacks):
    def make(**fields):
        with django_capture_on_commit_callbacks(execute=True):
            return make_post(**fields)

    return make


def test_words_are_marked_in_the_form_the_text_uses(client, indexed):
    indexed(title="Zestawienie półroczne", body="<p>Sytuacja na rynku pracy w Czosnowie się poprawia.</p>")
    html = client.get("/szukaj/", {"q": "rynek Czosnów"}).text
    assert "Sytuacja na <mark>rynku</mark> pracy w <mark>Czosnowie</mark> się poprawia" in html


def test_a_heading_does_not_run_into_the_paragraph_after_it(client, indexed):
    indexed(title="O nas", body="<h2>Cele</h2><p>Partnerstwo ożywia gospodarkę.</p><ul><li>dialog</li><li>praca</li>")
    html = client.get("/szukaj/", {"q": "gospodarka"}).text
    assert "Cele · Partnerstwo ożywia <mark>gospodarkę</mark>. dialog · praca" in html


def test_a_long_text_shows_the_passages_around_the_matches(client, indexed):
    filler = "Zdanie o czymś zupełnie innym. " * 30
    indexed(title="Długi wpis", body=f"<p>{filler}</p><p>Staże w Leoncinie.</p><p>{filler}</p><p>Staże w Nasielsku.")
    html = client.get("/szukaj/", {"q": "staż"}).text
    assert "<mark>Staże</mark> w Leoncinie" in html
    assert "<mark>Staże</mark> w Nasielsku" in html
    assert html.count("Zdanie o czymś zupełnie innym") < 20


def test_text_that_looks_like_html_is_shown_as_text(client, indexed):
    indexed(title="Ostrzeżenie", body="<p>Rynek &amp; praca: &lt;img src=x onerror=alert(1)&gt; „cytat”</p>")
    html = client.get("/szukaj/", {"q": "rynku"}).text
    assert "<mark>Rynek</mark> &amp; praca" in html
    assert "<img src=x" not in html


def test_a_passage_cut_inside_a_sentence_shows_an_ellipsis_where_it_is_cut(client, indexed):
    filler = "Zdanie o czymś zupełnie innym i bardzo długim, które nie ma końca przez wiele słów"
    indexed(title="Długi wpis", body=f"<p>{filler} oraz staże w Leoncinie dla absolwentów {filler}.</p>")
    html = client.get("/szukaj/", {"q": "staż"}).text
    passage = re.search(r"<p>([^<]*<mark>staże</mark>[^<]*)</p>", html).group(1)
    assert passage.startswith("… ") and passage.endswith(" …"), passage


def test_a_passage_that_is_whole_sentences_shows_no_ellipsis(client, indexed):
    indexed(title="Krótki wpis", body="<p>Staże w Leoncinie.</p>")
    html = client.get("/szukaj/", {"q": "staż"}).text
    assert "<p><mark>Staże</mark> w Leoncinie.</p>" in html


def test_listed_names_keep_their_commas_without_a_dot_after_them(client, indexed):
    indexed(title="Sygnatariusze", body="<ul><li>Artur Ciecierski,</li><li>wójt gminy Czosnów</li></ul>")
    html = client.get("/szukaj/", {"q": "Ciecierski"}).text
    assert "<mark>Ciecierski</mark>, wójt gminy Czosnów" in html
    assert ", ·" not in html


def test_a_partner_reads_as_sentences_not_fields_run_together(
    client, make_institution, django_capture_on_commit_callbacks
):
    from members.models import Gmina, InstitutionKind

    with django_capture_on_commit_callbacks(execute=True):
        make_institution(
            name="Urząd Gminy Leoncin",
            short_name="Gmina Leoncin",
            kind=InstitutionKind.GMINA,
            gmina=Gmina.LEONCIN,
            description="<p>Organ wykonawczy gminy.</p>",
        )
    html = client.get("/szukaj/", {"q": "Leoncin"}).text
    assert (
        "Urząd gminy lub miasta, gmina <mark>Leoncin</mark>. Organ wykonawczy gminy. "
        "Nazwa skrócona: Gmina <mark>Leoncin</mark>.</p>" in html
    )


def test_a_post_is_labelled_as_a_wpis(client, indexed):
    indexed(title="Nabór na staże", body="<p>Staże.</p>")
    html = client.get("/szukaj/", {"q": "staż"}).text
    assert '<p class="meta">Wpis · <time' in html
    assert "Aktualność" not in html


def test_the_upgrade_rewrites_partners_and_labels_already_indexed(
    client, make_institution, indexed, django_capture_on_commit_callbacks
):
    import importlib

    from django.apps import apps

    from members.models import Gmina, InstitutionKind
    from search.models import Document

    with django_capture_on_commit_callbacks(execute=True):
        make_institution(name="Urząd Gminy Czosnów", kind=InstitutionKind.GMINA, gmina=Gmina.CZOSNOW)
    indexed(title="Staże w Czosnowie", body="<p>Staże.</p>")
    # As the index held them before: fields run together, posts as „Aktualność”.
    Document.objects.filter(kind="Partner").update(text="urząd gminy lub miasta gmina Czosnów")
    Document.objects.filter(kind="Wpis").update(kind="Aktualność")

    migration = importlib.import_module("search.migrations.0004_call_posts_wpis")
    migration.relabel(apps, None)
    migration.institution_sentences(apps, None)

    assert Document.objects.get(kind="Partner").text == "Urząd gminy lub miasta, gmina Czosnów."
    assert Document.objects.filter(kind="Wpis").count() == 1
    html = client.get("/szukaj/", {"q": "Czosnów"}).text
    assert "Urząd gminy lub miasta, gmina <mark>Czosnów</mark>." in html
