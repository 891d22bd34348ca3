"""What happens to a subscriber: sign-up, confirmation, withdrawal, return, export.

Every step is idempotent and leaves a ``ConsentEvent`` behind.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsletter.models import ConsentEvent, ConsentText, Subscriber

# A repeated sign-up sends a new confirmation link at most this often.
RESEND_AFTER = timedelta(minutes=15)


def subscribe(email, *, wants_posts, wants_issues, source):
    """Record a sign-up and queue the confirmation e-mail when one is due.

    The caller shows the same answer whatever happened here: nobody learns
    from the page whether an address was new, waiting or subscribed.
    """
    from newsletter.tasks import send_confirmation_task

    now = timezone.now()
    with transaction.atomic():
        consent = ConsentText.current()
        subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
        if subscriber is None:
            try:
                with transaction.atomic():
                    subscriber = Subscriber.objects.create(
                        email=email,
                        wants_posts=wants_posts,
                        wants_issues=wants_issues,
                        consent=consent,
                        source=source,
                        requested_at=now,
                    )
            except IntegrityError:  # the same address a moment ago, from another request
                return None
        else:
            if subscriber.status == Subscriber.Status.CONFIRMED:
                return subscriber  # already receiving; changes need the address owner's own link
            sent_at = subscriber.confirmation_sent_at
            if subscriber.status == Subscriber.Status.PENDING and sent_at and now - sent_at < RESEND_AFTER:
                return subscriber  # a link went out a moment ago: do not flood the inbox
            subscriber.status = Subscriber.Status.PENDING
            subscriber.wants_posts = wants_posts
            subscriber.wants_issues = wants_issues
            subscriber.consent = consent
            subscriber.source = source
            subscriber.requested_at = now
            subscriber.save()
        ConsentEvent.objects.create(
            subscriber=subscriber,
            action=ConsentEvent.Action.REQUESTED,
            consent=consent,
            source=source,
            created_at=now,
        )
        # Same database, same transaction: the task exists exactly when the sign-up does.
        send_confirmation_task.enqueue(subscriber.pk)
    return subscriber


def confirm(subscriber, *, source):
    """Pending -> confirmed, with a welcome e-mail queued. True when the address is (now or already) confirmed."""
    from newsletter.tasks import send_welcome_task

    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return True
        if subscriber.status != Subscriber.Status.PENDING:
            return False
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.save(update_fields=["status", "confirmed_at", "unsubscribed_at"])
        ConsentEvent.objects.create(
            subscriber=subscriber, action=ConsentEvent.Action.CONFIRMED, consent=subscriber.consent, source=source
        )
        send_welcome_task.enqueue(subscriber.pk)
    return True


def unsubscribe(subscriber, *, source):
    """Withdraw consent; doing it again changes nothing."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
        if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
        ConsentEvent.objects.create(subscriber=subscriber, action=ConsentEvent.Action.WITHDRAWN, source=source)


def can_restore(subscriber):
    return subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.confirmed_at is not None


def restore(subscriber, *, source):
    """Undo an unsubscribe of a once-confirmed address (the link proves the mailbox)."""
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
        if not can_restore(subscriber):
            return subscriber.status == Subscriber.Status.CONFIRMED
        consent = ConsentText.current()
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.unsubscribed_at = None
        subscriber.consent = consent
        subscriber.save(update_fields=["status", "unsubscribed_at", "consent"])
        ConsentEvent.objects.create(
            subscriber=subscriber, action=ConsentEvent.Action.RESTORED, consent=consent, source=source
        )
    return True


def export_data(subscriber):
    """Everything stored about one person, for a data access request (art. 15 RODO)."""

    def when(value):
        return value.isoformat() if value else None

    events = subscriber.events.select_related("consent")
    deliveries = subscriber.deliveries.select_related("issue").order_by("pk")
    return {
        "adres_e-mail": subscriber.email,
        "status": subscriber.get_status_display(),
        "powiadomienia_o_wpisach": subscriber.wants_posts,
        "newsletter": subscriber.wants_issues,
        "zrodlo_zapisu": subscriber.source,
        "zapis": when(subscriber.requested_at),
        "potwierdzenie": when(subscriber.confirmed_at),
        "wycofanie_zgody": when(subscriber.unsubscribed_at),
        "wyslano_link_potwierdzajacy": when(subscriber.confirmation_sent_at),
        "zgoda": {"wersja": subscriber.consent.version, "tresc": subscriber.consent.text},
        "historia_zgody": [
            {
                "zdarzenie": event.get_action_display(),
                "kiedy": when(event.created_at),
                "zrodlo": event.source,
                "wersja_zgody": event.consent.version if event.consent else None,
            }
            for event in events
        ],
        "wysylki": [
            {
                "temat": delivery.issue.subject,
                "status": delivery.get_status_display(),
                "wyslano": when(delivery.sent_at),
            }
            for delivery in deliveries
        ],
    }
