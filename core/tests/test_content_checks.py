"""The rules staff meet while writing: each one with the Polish message it gives and where."""

import pytest

from core.content_checks import ERROR, WARNING, check_html, readability, syllables


def found(html, level=None):
    report = check_html(html, size_of=lambda href: None)
    return [str(f) for f in report.findings if level is None or f.level == level]


# Images.


def test_an_image_without_alt_text_is_refused_with_its_number_and_file():
    html = (
        '<p><img src="/media/editor/a.jpg" alt="Sala"></p>'
        '<figure class="image"><img src="/media/editor/b.jpg"></figure>'
    )
    assert found(html, ERROR) == [
        "Obraz 2 (plik „b.jpg”): brak tekstu alternatywnego. Opisz, co przedstawia obraz (przycisk „Zmień tekst "
        "alternatywny” na pasku obrazu), albo – gdy obraz jest tylko ozdobą – oznacz go przyciskiem „Obraz ozdobny”."
    ]


def test_an_empty_alt_counts_as_missing():
    assert found('<figure class="image"><img src="/a.jpg" alt=" "></figure>', ERROR)[0].startswith(
        "Obraz 1 (plik „a.jpg”): brak tekstu alternatywnego."
    )


def test_an_image_marked_decorative_needs_no_alt_text():
    assert found('<figure class="image image-decorative"><img src="/media/editor/szlaczek.png" alt=""></figure>') == []
    assert found('<p>Tekst <img class="image-decorative" src="/media/editor/kropka.png" alt=""></p>') == []


def test_a_decorative_image_with_alt_text_is_a_warning():
    html = '<figure class="image image-decorative"><img src="/wzor.png" alt="Wzór"></figure>'
    assert found(html, WARNING) == [
        "Obraz 1 (plik „wzor.png”): obraz oznaczono jako ozdobny, a ma tekst alternatywny – czytniki ekranu go pominą. "
        "Usuń tekst albo zdejmij oznaczenie „Obraz ozdobny”, jeśli obraz niesie informację."
    ]
    assert found(html, ERROR) == []


@pytest.mark.parametrize("alt", ["sala.jpg", "IMG_1234", "DSC01234.JPG", "zdjęcie z telefonu.png", "sala-obrad"])
def test_alt_text_that_is_a_file_name_is_refused(alt):
    html = f'<figure class="image"><img src="/media/editor/sala-obrad.jpg" alt="{alt}"></figure>'
    assert found(html, ERROR) == [
        f"Obraz 1 (plik „sala-obrad.jpg”): tekst alternatywny „{alt}” to nazwa pliku. Opisz, co przedstawia obraz."
    ]


@pytest.mark.parametrize("alt", ["sala-obrad", "Sala obrad"])
def test_an_editor_upload_is_named_as_the_file_was_and_its_name_is_no_alt_text(alt):
    html = f'<figure class="image"><img src="/media/editor/sala-obrad-0a1b2c-1600w.jpg" alt="{alt}"></figure>'
    assert found(html, ERROR) == [
        f"Obraz 1 (plik „sala-obrad.jpg”): tekst alternatywny „{alt}” to nazwa pliku. Opisz, co przedstawia obraz."
    ]


@pytest.mark.parametrize("alt", ["zdjęcie", "Obraz", "grafika", "foto", "image", "Zdjęcie 3", "obrazek."])
def test_filler_alt_text_is_refused(alt):
    html = f'<figure class="image"><img src="/media/editor/x.jpg" alt="{alt}"></figure>'
    assert found(html, ERROR) == [
        f"Obraz 1 (plik „x.jpg”): tekst alternatywny „{alt}” mówi tylko, że to obraz. Opisz, co przedstawia, "
        "np. „Uczestnicy spotkania w sali konferencyjnej starostwa”."
    ]


def test_an_image_is_named_by_its_alt_text_not_by_its_file():
    html = (
        '<figure class="image image-decorative"><img src="/media/editor/szlaczek.png" alt="Stół obrad"></figure>'
        '<figure class="image"><img src="/media/editor/sala-obrad.jpg" alt="Sala obrad starostwa"></figure>'
    )
    report = check_html(html.replace("image-decorative", ""), size_of=lambda href: None)
    assert report.findings == []
    assert found(html, WARNING)[0].startswith("Obraz 1 (plik „szlaczek.png”): obraz oznaczono jako ozdobny")


@pytest.mark.parametrize(
    "name", ["18934f1a8ef74063b456e6eb9dee0bbd.jpg", "18934f1a8ef74063b456e6eb9dee0bbd_AbC12xz.png"]
)
def test_the_random_name_of_an_upload_is_not_shown(name):
    html = f'<figure class="image"><img src="/media/editor/{name}"></figure>'
    assert found(html, ERROR)[0].startswith("Obraz 1: brak tekstu alternatywnego.")


def test_a_real_description_passes():
    html = '<figure class="image"><img src="/x.jpg" alt="Zdjęcie grupowe partnerów przed starostwem"></figure>'
    assert found(html) == []


# Document links.


def test_a_document_link_without_type_and_size_is_refused():
    html = '<p>Zobacz <a href="/media/dokumenty/regulamin.pdf">Regulamin naboru</a>.</p>'
    assert found(html, ERROR) == [
        "Link 1 („Regulamin naboru”): link prowadzi do dokumentu, ale nie podaje jego rodzaju i rozmiaru. "
        "Dopisz je w treści linku, np. „Regulamin naboru (PDF, 120 KB)”."
    ]


def test_the_message_suggests_the_real_size_of_an_uploaded_file():
    report = check_html('<p><a href="/media/dokumenty/plan.docx">Plan</a></p>', size_of=lambda href: 1258291)
    assert "np. „Plan (DOCX, 1,2\xa0MB)”." in str(report.errors[0])


@pytest.mark.parametrize(
    "html",
    [
        '<p><a href="/media/dokumenty/regulamin.pdf">Regulamin naboru (PDF, 120 KB)</a></p>',
        '<p><a href="/media/dokumenty/regulamin.pdf">Regulamin naboru</a> (PDF, 1,2 MB)</p>',
        '<p><a href="https://pup.example/plan.DOCX?v=2">Plan (plik DOCX, 35 kB)</a></p>',
    ],
)
def test_a_document_link_that_says_type_and_size_passes(html):
    assert found(html) == []


def test_a_link_to_a_page_needs_no_type_or_size():
    assert found('<p><a href="/spotkania/">Spotkania partnerstwa</a></p>') == []


# Warnings.


def test_a_heading_that_skips_a_level_is_a_warning():
    assert found("<h2>Cele</h2><p>Tekst.</p><h4>Szczegóły</h4>", WARNING) == [
        "Drugi nagłówek („Szczegóły”): ma poziom 4, a nagłówek przed nim – poziom 2. "
        "Wybierz w edytorze „Nagłówek 3”, żeby spis treści czytnika ekranu był ciągły."
    ]


def test_a_first_heading_below_level_2_is_a_warning():
    assert found("<h3>Cele</h3>", WARNING) == [
        "Pierwszy nagłówek („Cele”): ma poziom 3, a tytuł – poziom 1. Wybierz w edytorze „Nagłówek 2”, "
        "żeby spis treści czytnika ekranu był ciągły."
    ]


def test_headings_past_the_tenth_are_counted_in_numbers():
    html = "<h2>A</h2>" * 10 + "<h4>Jedenasty</h4>"
    assert found(html, WARNING)[0].startswith("Nagłówek nr 11 („Jedenasty”): ma poziom 4")


def test_an_empty_heading_is_a_warning():
    assert found("<h2>Cele</h2><h3> </h3>", WARNING) == [
        "Drugi nagłówek: jest pusty. Wpisz jego treść albo zmień go w akapit."
    ]


def test_a_paragraph_in_capitals_is_a_warning():
    assert found("<p>Zwykły akapit.</p><p>ZAPRASZAMY WSZYSTKICH MIESZKAŃCÓW</p>", WARNING) == [
        "Akapit 2 („ZAPRASZAMY WSZYSTKICH MIESZKAŃCÓW”): akapit napisano wielkimi literami: czyta się go trudniej, "
        "a czytnik ekranu może go literować. Napisz go zwykłymi literami, a ważne słowa wyróżnij pogrubieniem."
    ]


def test_a_short_abbreviation_is_not_capitals():
    assert found("<p>PUP i ZUS</p>") == []


@pytest.mark.parametrize("text", ["tutaj", "Kliknij tutaj!", "więcej", "Czytaj więcej…", "link"])
def test_a_vague_link_text_is_a_warning(text):
    assert found(f'<p><a href="/formularz/">{text}</a></p>', WARNING) == [
        f"Link 1 („{text}”): tekst linku nie mówi, dokąd link prowadzi. Napisz to wprost, "
        "np. „formularz zgłoszenia” zamiast „tutaj”."
    ]


def test_a_bare_address_as_link_text_is_a_warning():
    assert found('<p><a href="https://pup.example/">https://pup.example/</a></p>', WARNING) == [
        "Link 1 („https://pup.example/”): tekst linku to sam adres, który czytnik ekranu przeczyta znak po znaku. "
        "Napisz, dokąd link prowadzi, np. „strona Powiatowego Urzędu Pracy”."
    ]


def test_warnings_do_not_refuse():
    report = check_html('<h3></h3><p><a href="/x/">tutaj</a></p>')
    assert report.errors == []
    assert len(report.warnings) == 2


# Readability (FOG-PL).


@pytest.mark.parametrize(
    "word, count",
    [("nie", 1), ("kot", 1), ("kiedy", 2), ("partnerstwo", 3), ("nauka", 3), ("powiatowy", 4), ("zatrudnienia", 4)],
)
def test_polish_syllables_are_counted_by_vowels_with_i_before_a_vowel_silent(word, count):
    assert syllables(word) == count


EASY = "Ala ma kota. Kot ma psa. Pies je obiad. " * 4  # 36 words, 12 sentences, no hard word
HARD = (
    "Powiatowy urząd pracy, realizując zadania wynikające z obowiązujących przepisów, "
    "zaprasza zainteresowanych przedsiębiorców do zgłaszania propozycji dotyczących "
    "dofinansowania wyposażenia stanowisk pracy dla osób bezrobotnych zarejestrowanych "
    "w ewidencji oraz do uczestniczenia w konsultacjach społecznych organizowanych przez "
    "Partnerstwo Lokalne w ramach przygotowywanego programu aktywizacji zawodowej mieszkańców."
)


def test_fog_pl_of_an_easy_text_is_low():
    figure = readability(EASY)
    assert (figure.words, figure.sentences, figure.hard_words) == (36, 12, 0)
    assert figure.fog == pytest.approx(0.4 * 3)
    assert figure.summary() == (
        "Czytelność: FOG-PL 1,2 – tekst bardzo łatwy, zrozumiały dla ucznia klas 1–6 szkoły podstawowej."
    )
    assert not figure.is_hard


def test_a_hard_text_gets_a_hint_with_its_figure_and_school_level():
    figure = readability(HARD)
    assert (figure.words, figure.sentences, figure.hard_words) == (43, 1, 19)
    assert figure.fog == pytest.approx(0.4 * (43 + 100 * 19 / 43))
    report = check_html(f"<p>{HARD}</p>")
    assert report.errors == []
    assert str(report.warnings[-1]) == (
        "Czytelność: FOG-PL 34,9 – tekst bardzo trudny, zrozumiały dla specjalistów w danej "
        "dziedzinie. Zdania mają średnio 43 słowa, a 44,2% wyrazów ma cztery sylaby lub więcej. Podziel długie "
        "zdania i zastąp długie wyrazy krótszymi, żeby tekst zrozumiało więcej mieszkańców."
    )


def test_a_plain_announcement_gets_its_figure_without_a_hint():
    text = "Partnerstwo zaprasza mieszkańców powiatu na spotkanie o pracy w regionie. " * 3
    text += "Zapisy przyjmuje urząd pracy w Nowym Dworze Mazowieckim do końca miesiąca. " * 2
    figure = readability(text)
    assert (figure.words, figure.sentences, figure.hard_words) == (52, 5, 2)
    assert figure.summary() == (
        "Czytelność: FOG-PL 5,7 – tekst bardzo łatwy, zrozumiały dla ucznia klas 1–6 szkoły podstawowej."
    )
    assert not figure.is_hard
    assert check_html(f"<p>{text}</p>").warnings == []


def test_a_short_text_gets_no_figure():
    assert readability("Krótki tekst.") is None
    assert check_html("<p>Krótki tekst.</p>").readability is None


def test_easy_to_read_verdict_names_long_sentences_long_words_and_the_passive():
    from core.content_checks import check_html

    report = check_html(
        "<p>Porozumienie zostało podpisane przez wszystkich partnerów na nadzwyczajnym posiedzeniu "
        "Powiatowej Rady Rynku Pracy w Nowym Dworze Mazowieckim w kwietniu.</p>",
        etr=True,
    )
    messages = " ".join(str(f) for f in report.warnings)
    assert "więcej niż 15 słów" in messages and "„zostało podpisane”" in messages and "„Porozumienie”" in messages
    assert report.easy_to_read.verdict().startswith("Tekst łatwy do czytania: wymaga poprawek")
    ok = check_html("<p>Porozumienie to umowa.</p><p>Partnerzy podpisali porozumienie.</p>", etr=True)
    assert ok.easy_to_read.ok and not ok.warnings
    assert check_html("<p>Porozumienie zostało podpisane.</p>").easy_to_read is None
