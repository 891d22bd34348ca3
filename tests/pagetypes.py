"""One of every page type, made for tests that fetch pages with the test client (no browser)."""

import datetime
import os

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone


def make_page_types(make_post, alice, django_user_model):
    """{page name: address} plus the reader to sign in for the pages marked "(zalogowana osoba)"."""
    from conftest import image_bytes
    from drafts.previews import make_link
    from meetings.models import Meeting
    from news.models import Category, Comment, Post
    from newsletter.models import ConsentText, Subscriber
    from newsletter.tokens import confirm_token, unsubscribe_token
    from pages.models import Announcement, Coordinator, HomeTile, Page
    from tests.browser.conftest import _meeting_with_a_report
    from tests.browser.helpers import verify_email

    call_command("seed_demo", stdout=open(os.devnull, "w"))
    events = Category.objects.create(name="Wydarzenia", slug="wydarzenia", description="Spotkania i wydarzenia.")
    post = make_post(
        title="Spotkanie partnerów w Nasielsku",
        lead="Partnerzy omówili plan działań na kolejny rok.",
        body="<h2>Program</h2><ul><li>powitanie</li></ul><table><tbody><tr><td>10:00</td></tr></tbody></table>",
        category=events,
        image=ContentFile(image_bytes(size=(800, 400)), name="spotkanie.jpg"),
        image_alt="Uczestnicy spotkania przy stole",
    )
    # The home page with a notice and link tiles (test content: the demo has none).
    home = Coordinator.objects.get()
    Announcement.objects.create(
        home=home,
        title="Przerwa w pracy portalu",
        text="Portal będzie niedostępny przez godzinę.\nPrzepraszamy.",
        link_url="/kontakt/",
        link_label="Kontakt z koordynatorem",
        ends_at=timezone.now() + datetime.timedelta(days=1),
    )
    HomeTile.objects.create(home=home, label="Porozumienie", url="/porozumienie/", description="Kto je podpisał.")
    HomeTile.objects.create(home=home, label="Dane otwarte", url="/dane/", position=1)
    goals = Page.objects.create(
        title="Cele partnerstwa",
        slug="cele",
        section=Page.Section.PARTNERSHIP,
        position=2,
        body="<h2>Cele</h2><ul><li>lepszy rynek pracy</li></ul>",
    )
    Page.objects.create(
        title="Cele szczegółowe",
        slug="szczegolowe",
        parent=goals,
        body="<p>Aktywizacja zawodowa mieszkańców powiatu.</p>",
    )
    meeting = _meeting_with_a_report(alice)
    pending = Meeting.objects.get(slug="nadzwyczajne-posiedzenie-powiatowej-rady-rynku-pracy-2018-04-19")
    reader = verify_email(
        django_user_model.objects.create_user(
            username="czytelniczka@example.com",
            email="czytelniczka@example.com",
            password="czytelniczka-haslo-1",
        )
    )
    Comment.objects.create(
        post=post, user=reader, author_name="Celina", body="Dobry pomysł.", status=Comment.Status.APPROVED
    )
    subscriber = Subscriber.objects.create(
        email="nowa@example.com",
        status=Subscriber.Status.PENDING,
        consent=ConsentText.current(),
        source="test",
    )
    confirmed = Subscriber.objects.create(
        email="stala@example.com",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        consent=ConsentText.current(),
        source="test",
    )
    draft = make_post(title="Nabór do programu staży", status=Post.Status.DRAFT, category=events)
    revoked, revoked_url = make_link(draft, 7)
    revoked.revoked_at = timezone.now()
    revoked.save()
    pages = {
        "strona główna": "/",
        "lista aktualności": "/aktualnosci/",
        "wpis": post.get_absolute_url(),
        "kategoria": events.get_absolute_url(),
        "polityka prywatności": "/polityka-prywatnosci/",
        "partnerstwo": "/partnerstwo/",
        "strona o partnerstwie": "/partnerstwo/cele/",
        "podstrona w drzewie stron": "/partnerstwo/cele/szczegolowe/",
        "kontakt": "/kontakt/",
        "porozumienie": "/porozumienie/",
        "porozumienie podpisane przez funkcje": "/porozumienie/porozumienie-na-rzecz-rozwoju-ekonomii-spolecznej/",
        "partnerzy": "/partnerzy/",
        "partner": "/partnerzy/powiatowy-urzad-pracy/",
        "przystąpienie do partnerstwa": "/partnerzy/przystap/",
        "spotkania": "/spotkania/",
        "archiwum spotkań": "/spotkania/archiwum/2018/",
        "spotkanie z relacją": meeting.get_absolute_url(),
        "spotkanie bez relacji": pending.get_absolute_url(),
        "wyniki wyszukiwania": "/szukaj/?q=partner",
        "brak wyników wyszukiwania": "/szukaj/?q=xyzzy",
        "newsletter": "/newsletter/",
        "potwierdzenie newslettera": f"/newsletter/potwierdz/{confirm_token(subscriber)}/",
        "wypisanie z newslettera": f"/newsletter/wypisz/{unsubscribe_token(subscriber)}/",
        "ustawienia newslettera": f"/newsletter/ustawienia/{unsubscribe_token(confirmed)}/",
        "logowanie": "/konto/zaloguj/",
        "rejestracja": "/konto/zaloz/",
        "deklaracja dostępności": "/deklaracja-dostepnosci/",
        "tekst łatwy do czytania": "/tekst-latwy-do-czytania/",
        "informacja w języku migowym": "/jezyk-migowy/",
        "informacja o działalności": "/informacja-o-dzialalnosci/",
        "zgłoszenie problemu z dostępnością": "/zglos-problem-z-dostepnoscia/",
        "strona 404": "/nie-ma-takiej-strony/",
        "podgląd szkicu przez link": make_link(draft, 7)[1],
        "link do podglądu nieważny": revoked_url,
        "konto (zalogowana osoba)": "/konto/",
        "wpis (zalogowana osoba)": post.get_absolute_url(),
    }
    return pages, reader, post
