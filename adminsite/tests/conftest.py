import datetime

import pytest
import reversion
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from changelog.metryczka import record_change
from conftest import image_bytes, pdf_bytes


@pytest.fixture
def every_model(db, alice, bob):
    """At least one row of every model the admin shows, so every change page exists."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from django.contrib.auth.models import Group

    from accessibility import cases
    from accessibility.models import AccessibilityRequest
    from library.models import Document
    from meetings.models import Meeting, Report
    from members.models import AccessionRequest, Gmina, InstitutionKind
    from news.models import Comment, Post, PostAttachment, Rating
    from newsletter.models import ConsentText, Delivery, Issue, Subscriber
    from pages.models import Page, PageAttachment

    call_command("seed_demo", stdout=open("/dev/null", "w"))
    post = Post.objects.order_by("pk").first()
    Comment.objects.create(post=post, user=bob, author_name="Bob", body="Dobry wpis.")
    Rating.objects.create(post=post, user=bob, value=Rating.Value.choices[-1][0])
    AccessionRequest.objects.create(
        institution_name="Stowarzyszenie Testowe",
        kind=InstitutionKind.choices[0][0],
        gmina=Gmina.NASIELSK,
        contact_name="Anna Kowalska",
        email="anna@example.com",
        consent=True,
    )
    cases.receive(
        AccessibilityRequest(
            address="/spotkania/", need="Protokół jest skanem.", name="Ewa Przykładowa", email="ewa@example.com"
        )
    )
    subscriber = Subscriber.objects.create(
        email="czytelnik@example.com",
        status=Subscriber.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        consent=ConsentText.current(),
        source="test",
    )
    issue = Issue.objects.create(subject="Wydanie grudniowe", body="<p>Treść.</p>", created_by=alice)
    Delivery.objects.create(issue=issue, subscriber=subscriber, status=Delivery.Status.FAILED, attempts=1)
    Report.objects.get_or_create(
        meeting=Meeting.objects.order_by("pk").first(), defaults={"body": "<p>Relacja.</p>", "author": alice}
    )
    record_change(post, alice, created=False, summary="Poprawiono tytuł")
    # A library document attached to a post and a page: its „Gdzie użyto” list and the refused delete.
    document = Document.objects.create(
        title="Regulamin naboru", file=SimpleUploadedFile("regulamin.pdf", pdf_bytes(text="Regulamin"))
    )
    PostAttachment.objects.create(post=post, document=document)
    PageAttachment.objects.create(page=Page.objects.order_by("pk").first(), document=document)
    # A library image a post shows: its „Gdzie użyto” list and the refused delete.
    from django.core.files.storage import default_storage

    from core.images import clean_image, editor_image_files
    from library.models import Image

    [(name, file)] = editor_image_files("Sala obrad.png", clean_image(SimpleUploadedFile("s.png", image_bytes("PNG"))))
    image = Image.objects.create(title="Sala obrad", file=default_storage.save(name, file), width=40, height=30, size=1)
    post.body += f'<figure class="image"><img src="{image.url}" alt="Uczestnicy spotkania przy stole"></figure>'
    post.save()
    # Two versions of each versioned object, so their compare and restore pages exist.
    from changelog.versions import SPECS

    for label in SPECS:
        obj = apps.get_model(label)._default_manager.order_by("pk").first()
        for _ in range(2):
            with reversion.create_revision():
                reversion.set_user(alice)
                reversion.set_comment("Zmiana: Treść")
                obj.save()
    EmailAddress.objects.create(user=bob, email=bob.email, verified=True, primary=True)
    Authenticator.objects.create(
        user=alice,
        type=Authenticator.Type.TOTP,
        data={"secret": "x"},
        created_at=timezone.now() - datetime.timedelta(days=1),
    )
    Group.objects.get_or_create(name="Testowa")
    # A page moved under another keeps its old address (a PageRedirect row).
    moved = Page.objects.get(slug="rodzaje-partnerstw")
    moved.parent = Page.objects.get(slug="czym-jest-partnerstwo-lokalne")
    moved.save()
