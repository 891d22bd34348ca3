import json
import re

from django.core.files.base import ContentFile

from conftest import image_bytes


def _json_ld(html):
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(block)


def test_post_page_has_canonical_address_opengraph_and_news_article_data(client, make_post, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    post = make_post(
        title="Spotkanie w Pomiechówku",
        lead="Zajawka.",
        image=ContentFile(image_bytes(), name="a.jpg"),
        image_alt="Sala",
    )
    html = client.get(post.get_absolute_url(), HTTP_HOST="127.0.0.1").text
    url = "https://partnerstwo.example.gov.pl/aktualnosci/spotkanie-w-pomiechowku/"
    assert f'<link rel="canonical" href="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Spotkanie w Pomiechówku">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:image" content="https://partnerstwo.example.gov.pl/media/aktualnosci/' in html
    data = _json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Spotkanie w Pomiechówku"
    assert data["url"] == url
    assert data["image"][0].startswith("https://partnerstwo.example.gov.pl/media/")
    assert data["datePublished"].endswith(("+01:00", "+02:00"))


def test_json_ld_cannot_break_out_of_its_script_element(client, make_post):
    post = make_post(title="</script><script>alert(1)</script> & więcej")
    html = client.get(post.get_absolute_url()).text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert _json_ld(html)["headline"] == "</script><script>alert(1)</script> & więcej"


def test_every_page_names_the_accessibility_statement_in_its_head(client, make_post, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    post = make_post()
    for url in ["/", "/aktualnosci/", post.get_absolute_url(), "/nie-ma/"]:
        html = client.get(url).text
        head = html[: html.index("</head>")]
        assert (
            '<meta name="deklaracja-dostępności" content="https://partnerstwo.example.gov.pl/deklaracja-dostepnosci/">'
        ) in head
        assert 'href="/deklaracja-dostepnosci/">Deklaracja dostępności</a>' in html


def test_later_list_pages_have_their_own_canonical_address(client, make_post, settings):
    settings.SITE_URL = "https://partnerstwo.example.gov.pl"
    for _ in range(11):
        make_post()
    html = client.get("/aktualnosci/?page=2").text
    assert '<link rel="canonical" href="https://partnerstwo.example.gov.pl/aktualnosci/?page=2">' in html


def test_not_found_page_has_no_canonical_address(client, db):
    assert 'rel="canonical"' not in client.get("/nie-ma/").text
