"""What staff have to do, for the admin's home page: one query per kind of task, whatever the numbers.

Each task links to the admin list filtered to exactly the rows it counts. A task shows only to
those who may open that list (a Redaktor does not see comments waiting for a Moderator).
"""

from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from core.templatetags.pl import pl_date, plural_form
from stats import counter

SCHEDULED_SHOWN = 5  # scheduled posts listed by title and date; the rest only counted


@dataclass
class Task:
    text: str
    url: str
    urgent: bool = False
    items: list = field(default_factory=list)  # (title, when or None, url) of the first few rows


def _changelist(label, **params):
    app_label, model_name = label.split(".")
    url = reverse(f"admin:{app_label}_{model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _can_view(user, label):
    app_label, model_name = label.split(".")
    return user.has_perm(f"{app_label}.view_{model_name}") or user.has_perm(f"{app_label}.change_{model_name}")


def _waiting(n, one, few, many):
    """„1 komentarz czeka”, „3 komentarze czekają”, „5 komentarzy czeka”."""
    return f"{n} {plural_form(n, one, few, many)} {plural_form(n, 'czeka', 'czekają', 'czeka')}"


def comments_to_moderate(user):
    from news.models import Comment

    if not _can_view(user, "news.comment"):
        return None
    n = Comment.objects.of_live_posts().filter(status=Comment.Status.PENDING).count()
    if not n:
        return None
    return Task(
        _waiting(n, "komentarz", "komentarze", "komentarzy") + " na moderację",
        _changelist("news.comment", status__exact=Comment.Status.PENDING),
        urgent=True,
    )


def accession_requests(user):
    from members.models import AccessionRequest

    if not _can_view(user, "members.accessionrequest"):
        return None
    n = AccessionRequest.objects.filter(status=AccessionRequest.Status.PENDING).count()
    if not n:
        return None
    return Task(
        _waiting(n, "zgłoszenie przystąpienia", "zgłoszenia przystąpienia", "zgłoszeń przystąpienia") + " na decyzję",
        _changelist("members.accessionrequest", status__exact=AccessionRequest.Status.PENDING),
        urgent=True,
    )


def accessibility_requests(user, today):
    """Open accessibility cases by their statutory deadline: overdue and nearly due ones named, urgent."""
    from accessibility.models import DUE_SOON_DAYS, AccessibilityRequest

    if not _can_view(user, "accessibility.accessibilityrequest"):
        return None
    open_cases = AccessibilityRequest.objects.open()
    counts = open_cases.aggregate(n=Count("pk"), late=Count("pk", filter=Q(due_on__lt=today)))
    n, late = counts["n"], counts["late"]
    if not n:
        return None
    pressing = list(
        open_cases.filter(due_on__lte=today + timedelta(days=DUE_SOON_DAYS))
        .order_by("due_on", "pk")
        .only("pk", "address", "due_on", "received_at", "status")[:SCHEDULED_SHOWN]
    )
    text = _waiting(n, "zgłoszenie dostępności", "zgłoszenia dostępności", "zgłoszeń dostępności") + " na załatwienie"
    if late:
        text += f", {late} po terminie"
    items = [
        (
            f"{case}: {case.address} – {case.deadline_text(today)}, wpłynęło",
            case.received_at,
            reverse("admin:accessibility_accessibilityrequest_change", args=[case.pk]),
        )
        for case in pressing
    ]
    return Task(
        text,
        _changelist("accessibility.accessibilityrequest", status__in=",".join(AccessibilityRequest.Status.values[:2])),
        urgent=bool(pressing),
        items=items,
    )


def _posts_seen_by(user):
    """The posts the user's admin list shows: a partner institution's account sees its own only."""
    from members.partner_access import limit_of
    from news.models import Post

    limit = limit_of(user)
    return Post.objects.filter(institution=limit) if limit is not None else Post.objects.all()


def scheduled_posts(user, now):
    from news.models import Post

    if not _can_view(user, "news.post"):
        return None
    scheduled = _posts_seen_by(user).filter(status=Post.Status.PUBLISHED, published_at__gt=now)
    n = scheduled.count()
    if not n:
        return None
    first = scheduled.order_by("published_at").only("pk", "title", "published_at")[:SCHEDULED_SHOWN]
    text = f"{n} {plural_form(n, 'wpis czeka', 'wpisy czekają', 'wpisów czeka')} na zaplanowaną publikację"
    return Task(
        text,
        _changelist(
            "news.post",
            status__exact=Post.Status.PUBLISHED,
            published_at__gt=timezone.localtime(now).isoformat(timespec="seconds"),
        ),
        items=[(post.title, post.published_at, reverse("admin:news_post_change", args=[post.pk])) for post in first],
    )


def posts_in_review(user):
    """Approval before publishing (news/review.py): who may publish sees the posts waiting for it;
    who may not sees the posts they sent, returned for changes. One query either way."""
    from news.models import Post

    if not _can_view(user, "news.post"):
        return None
    if user.has_perm("news.publish_post"):
        n = Post.objects.filter(status=Post.Status.SUBMITTED).count()
        if not n:
            return None
        return Task(
            _waiting(n, "wpis", "wpisy", "wpisów") + " na akceptację",
            _changelist("news.post", stan="czeka"),
            urgent=True,
        )
    from members.partner_access import limit_of

    if limit_of(user) is not None:
        # A partner institution's account: its institution's returned posts, whoever sent them.
        n = _posts_seen_by(user).filter(status=Post.Status.RETURNED).count()
        url = _changelist("news.post", stan="do-poprawy")
    else:
        n = Post.objects.filter(status=Post.Status.RETURNED, submitted_by=user).count()
        url = _changelist("news.post", stan="do-poprawy", submitted_by__exact=user.pk)
    if not n:
        return None
    text = f"{n} {plural_form(n, 'wpis zwrócony', 'wpisy zwrócone', 'wpisów zwróconych')} do poprawy"
    return Task(text, url, urgent=True)


def institution_changes(user):
    """Changes partner institutions proposed for their pages (members/proposals.py): who approves sees
    those waiting; an institution's own account sees its proposal when it came back. One query."""
    from members.models import InstitutionChange
    from members.partner_access import limit_of

    if not _can_view(user, "members.institution"):
        return None
    limit = limit_of(user)
    if limit is not None:
        returned = InstitutionChange.objects.filter(institution=limit, status=InstitutionChange.Status.RETURNED)
        if not returned.exists():
            return None
        url = reverse("admin:members_institution_change", args=[limit])
        return Task("Zaproponowane zmiany danych instytucji zwrócono do poprawy", url, urgent=True)
    if not user.has_perm("members.approve_institutionchange"):
        return None
    n = InstitutionChange.objects.filter(status=InstitutionChange.Status.SUBMITTED).count()
    if not n:
        return None
    text = (
        f"{n} {plural_form(n, 'propozycja', 'propozycje', 'propozycji')} zmian danych instytucji "
        f"{plural_form(n, 'czeka', 'czekają', 'czeka')} na akceptację"
    )
    return Task(
        text,
        _changelist("members.institution", propozycja="czeka"),
        urgent=True,
    )


@dataclass
class MeetingTasks:
    in_review: Task | None = None
    reports_in_review: Task | None = None
    without_report: Task | None = None


def _review_condition(user, publisher, state, prefix="", limit=None):
    """(condition, the admin list's parameters) of the rows waiting for this user: submitted ones
    to who may publish, else returned ones they sent (a partner institution's account: its
    institution's, whoever sent them). ``state``: the field of the review's state."""
    if publisher:
        return Q(**{prefix + state: "submitted"}), {f"{state}__exact": "submitted"}
    if limit is not None:
        return Q(**{prefix + state: "returned"}), {f"{state}__exact": "returned"}
    return (
        Q(**{prefix + state: "returned", f"{prefix}submitted_by": user}),
        {f"{state}__exact": "returned", "submitted_by__exact": user.pk},
    )


def meetings(user, today, now):
    """The meetings' tasks, in one query: meetings and their reports in review (meetings/review.py),
    waiting for approval to who may publish meetings, returned for changes to who sent them (a
    partner institution's account: its institution's); past meetings without a public report."""
    from meetings.models import Meeting, awaiting_report
    from members.partner_access import limit_of

    found = MeetingTasks()
    if not _can_view(user, "meetings.meeting"):
        return found
    limit = limit_of(user)
    rows = Meeting.objects.all() if limit is None else Meeting.objects.filter(institution=limit)
    publisher = user.has_perm("meetings.publish_meeting")
    writes_reports = user.has_perm("meetings.change_report")  # not a partner's work: the team writes reports
    meeting_q, meeting_params = _review_condition(user, publisher, "review_state", limit=limit)
    report_q, report_params = _review_condition(user, publisher, "status", prefix="report__")
    counted = {"in_review": Count("pk", filter=meeting_q)}
    if writes_reports:
        counted |= {
            "reports": Count("pk", filter=report_q),
            "no_report": Count("pk", filter=awaiting_report(today, now)),
        }
    counts = {"reports": 0, "no_report": 0} | rows.aggregate(**counted)
    n = counts["in_review"]
    if n:
        if publisher:
            text = _waiting(n, "spotkanie", "spotkania", "spotkań") + " na akceptację"
        else:
            text = f"{n} {plural_form(n, 'spotkanie zwrócone', 'spotkania zwrócone', 'spotkań zwróconych')} do poprawy"
        found.in_review = Task(text, _changelist("meetings.meeting", **meeting_params), urgent=True)
    n = counts["reports"]
    if n:
        if publisher:
            text = _waiting(n, "relacja", "relacje", "relacji") + " na akceptację"
        else:
            text = f"{n} {plural_form(n, 'relacja zwrócona', 'relacje zwrócone', 'relacji zwróconych')} do poprawy"
        found.reports_in_review = Task(text, _changelist("meetings.report", **report_params), urgent=True)
    n = counts["no_report"]
    if n:
        text = (
            f"{n} {plural_form(n, 'minione spotkanie', 'minione spotkania', 'minionych spotkań')} "
            f"{plural_form(n, 'nie ma', 'nie mają', 'nie ma')} opublikowanej relacji"
        )
        found.without_report = Task(text, _changelist("meetings.meeting", relacja="brak"))
    return found


def failed_deliveries(user):
    from newsletter.models import Delivery

    if not _can_view(user, "newsletter.delivery"):
        return None
    n = Delivery.objects.filter(status=Delivery.Status.FAILED).count()
    if not n:
        return None
    text = (
        f"{n} {plural_form(n, 'wiadomość', 'wiadomości', 'wiadomości')} newslettera "
        f"{plural_form(n, 'nie dotarła', 'nie dotarły', 'nie dotarło')} do odbiorcy (błąd wysyłki)"
    )
    return Task(text, _changelist("newsletter.delivery", status__exact=Delivery.Status.FAILED), urgent=True)


def coordinator_contacts(user):
    """The coordinator's phone and e-mail: until they are filled in, nobody can reach the partnership."""
    model = apps.get_model("pages", "Coordinator")
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return None
    coordinator = model.objects.only("pk", "phone", "email").first()
    if coordinator is not None and (coordinator.phone or coordinator.email):
        return None
    url_name = f"admin:{opts.app_label}_{opts.model_name}"
    url = reverse(f"{url_name}_change", args=[coordinator.pk]) if coordinator else reverse(f"{url_name}_add")
    return Task(
        "Uzupełnij dane kontaktowe koordynatora (adres, telefon, e-mail): bez nich strona „Kontakt” "
        "i stopka kierują mieszkańców do innych partnerów",
        url,
        urgent=True,
    )


def staff_without_names(user):
    """Staff accounts without a full name: the metryczka cannot name who made their changes."""
    from django.contrib.auth import get_user_model

    model = get_user_model()
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return None
    nameless = model.objects.filter(is_staff=True, is_active=True).filter(Q(first_name="") | Q(last_name=""))
    accounts = list(nameless.order_by("email", "pk").only("pk", "email", "username")[: SCHEDULED_SHOWN + 1])
    if not accounts:
        return None
    n = len(accounts) if len(accounts) <= SCHEDULED_SHOWN else nameless.count()
    text = (
        f"{n} {plural_form(n, 'konto pracownika nie ma', 'konta pracowników nie mają', 'kont pracowników nie ma')} "
        f"imienia i nazwiska: metryczka na stronach podpisuje {plural_form(n, 'jego', 'ich', 'ich')} zmiany "
        "tylko nazwą urzędu"
    )
    url_name = f"admin:{opts.app_label}_{opts.model_name}"
    return Task(
        text,
        _changelist(f"{opts.app_label}.{opts.model_name}", is_staff__exact=1),
        items=[
            (account.email or account.get_username(), None, reverse(f"{url_name}_change", args=[account.pk]))
            for account in accounts[:SCHEDULED_SHOWN]
        ],
    )


def _statement_model():
    return apps.get_model("pages", "AccessibilityStatement")


def accessibility_review(user, today):
    model = _statement_model()
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
        return None
    statement = model.objects.only("pk", "prepared_on", "reviewed_on").first()
    url_name = f"admin:{opts.app_label}_{opts.model_name}"
    if statement is None:
        return Task(
            "Portal nie ma jeszcze deklaracji dostępności: trzeba ją opublikować",
            reverse(f"{url_name}_add"),
            urgent=True,
        )
    due = statement.next_review_due
    url = reverse(f"{url_name}_change", args=[statement.pk])
    if due is None:
        return Task("Deklaracja dostępności nie ma daty sporządzenia ani przeglądu: uzupełnij je", url, urgent=True)
    days = (due - today).days
    if days < 0:
        late = -days
        return Task(
            f"Przegląd deklaracji dostępności jest zaległy: termin minął {pl_date(due)} "
            f"({late} {plural_form(late, 'dzień', 'dni', 'dni')} temu)",
            url,
            urgent=True,
        )
    # From 1 March of the year it is due (the same day administrators get the first e-mail).
    if today >= due.replace(month=3, day=1):
        when = "dziś" if days == 0 else f"za {days} {plural_form(days, 'dzień', 'dni', 'dni')}"
        return Task(f"Do {pl_date(due)} trzeba przejrzeć deklarację dostępności ({when})", url)
    return None


@dataclass
class Read:
    title: str
    kind: str
    views: str
    url: str


def most_read(user):
    """The home page's „Najczęściej czytane (30 dni)”: what this user may open, in one query.

    None when the user may open none of the counted kinds (the section is not shown), and for a
    partner institution's account, which sees only its institution's rows.
    """
    from members.partner_access import limit_of

    if limit_of(user) is not None:
        return None
    models = [m for m in counter.counted_models() if _can_view(user, m._meta.label_lower)]
    if not models:
        return None
    by_key = {(m._meta.app_label, m._meta.model_name): m for m in models}
    found = []
    for row in counter.most_read(models):
        app_label, model_name = row["content_type__app_label"], row["content_type__model"]
        found.append(
            Read(
                title=row["title"],
                kind=str(by_key[app_label, model_name]._meta.verbose_name),
                views=counter.views_label(row["total"]),
                url=reverse(f"admin:{app_label}_{model_name}_change", args=[row["object_id"]]),
            )
        )
    return found


def tasks(request):
    """The home page's to-do list for this user, most pressing first."""
    user = request.user
    now = timezone.now()
    today = timezone.localdate(now)
    meeting_tasks = meetings(user, today, now)
    found = [
        coordinator_contacts(user),
        comments_to_moderate(user),
        accession_requests(user),
        accessibility_requests(user, today),
        failed_deliveries(user),
        posts_in_review(user),
        institution_changes(user),
        meeting_tasks.in_review,
        meeting_tasks.reports_in_review,
        accessibility_review(user, today),
        meeting_tasks.without_report,
        scheduled_posts(user, now),
        staff_without_names(user),
    ]
    return [task for task in found if task is not None]
