"""Staff insert a block image with a caption; it stays a figure through saves and on the page."""

from pages.models import Page

FIGURE = (
    '<figure class="image"><img src="/media/editor/sala.jpg" alt="Sala obrad starostwa">'
    "<figcaption>Posiedzenie partnerstwa</figcaption></figure>"
)


def test_a_saved_figure_is_shown_as_a_figure_with_its_caption(client, db):
    page = Page.objects.create(title="Galeria", slug="galeria", body=f"<p>Wstęp.</p>{FIGURE}", is_published=True)
    page.save()  # a second save, as after an edit in the admin
    page.refresh_from_db()
    assert FIGURE in page.body
    response = client.get(page.get_absolute_url())
    assert response.status_code == 200
    assert FIGURE in response.text
