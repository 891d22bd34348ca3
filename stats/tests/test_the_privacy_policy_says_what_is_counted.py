from pages.models import Page


def test_the_privacy_policy_says_views_are_counted_without_personal_data_and_kept(client, db):
    Page.objects.create(title="Polityka prywatności", slug="polityka-prywatnosci", url_path="polityka-prywatnosci")
    html = client.get("/polityka-prywatnosci/").text
    assert (
        "Portal liczy wyświetlenia wpisów, stron i spotkań bez plików cookie i bez usług innych firm. Nie zapisuje "
        "przy tym adresu IP, przeglądarki ani niczego innego o czytelniku, tylko dzienną liczbę wyświetleń każdej "
        "treści. Te dzienne liczby nie są danymi osobowymi i przechowuje się je bezterminowo."
    ) in html
