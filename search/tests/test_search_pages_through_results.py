def test_the_next_page_of_results_keeps_the_query(client, make_post, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(12):
            make_post(title=f"Targi pracy numer {n}", body="<p>Targi pracy w Nasielsku.</p>")
    html = client.get("/szukaj/", {"q": "targi pracy"}).text
    assert '<nav class="pagination" aria-label="Strony wyników">' in html
    assert 'href="?q=targi%20pracy&amp;page=2" rel="next">Następne wyniki »</a>' in html
    second = client.get("/szukaj/", {"q": "targi pracy", "page": 2}).text
    assert 'href="?q=targi%20pracy&amp;page=1" rel="prev">« Poprzednie wyniki</a>' in second
