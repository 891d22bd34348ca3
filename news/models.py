from functools import lru_cache

from django.conf import settings
from django.db import models
from django.db.models import Avg, Count, F, Max, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from core.images import validate_image
from core.models import LiveManager, Trashable
from core.sanitize import clean_html
from core.text import unique_slug
from library.models import Attachment
from news.thumbnails import update_thumbnails


class Category(models.Model):
    name = models.CharField("nazwa", max_length=100, unique=True)
    slug = models.SlugField("adres (slug)", max_length=100, unique=True)
    description = models.TextField("opis", blank=True)

    class Meta:
        verbose_name = "kategoria"
        verbose_name_plural = "kategorie"
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Category, self.name, max_length=100, exclude_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:category", args=[self.slug])


def post_tag(slug):
    """The page cache's tag of a post's page: its votes and comments renew it (pagecache.versions)."""
    return f"news.post:{slug}"


class PostQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see: published, and its time has come.

        ``scheduled=True`` also takes what is published with a date still to come
        (the search index and the change register count it as published).
        """
        published = self.filter(status=Post.Status.PUBLISHED)
        if scheduled:
            return published
        # The application's clock, not the database's: the page cache and the tests move the same one.
        now = timezone.now()
        return published.filter(published_at__lte=now).exclude(unpublish_at__lte=now)

    def pinned_first(self):
        """Pinned posts first, then the newest: the news list and the home page's news block."""
        return self.order_by("-pinned", "-published_at", "-pk")


class ImageFocus(models.TextChoices):
    """Which part of an illustration a card keeps when it crops it (site.css: .focus-…)."""

    TOP_LEFT = "top-left", "lewy górny róg"
    TOP = "top", "górny środek"
    TOP_RIGHT = "top-right", "prawy górny róg"
    LEFT = "left", "lewa krawędź, środek"
    CENTER = "center", "środek"
    RIGHT = "right", "prawa krawędź, środek"
    BOTTOM_LEFT = "bottom-left", "lewy dolny róg"
    BOTTOM = "bottom", "dolny środek"
    BOTTOM_RIGHT = "bottom-right", "prawy dolny róg"


def post_image_path(instance, filename):
    return f"aktualnosci/{timezone.now():%Y/%m}/{filename}"


class Post(Trashable):
    class Status(models.TextChoices):
        DRAFT = "draft", "Szkic"
        # The review steps (news/review.py): a post made without the right to publish waits for
        # someone who has it, who publishes it or returns it with a note.
        SUBMITTED = "submitted", "Czeka na akceptację"
        RETURNED = "returned", "Do poprawy"
        PUBLISHED = "published", "Opublikowany"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=200,
        blank=True,
        help_text="Tworzony z tytułu; po publikacji lepiej go nie zmieniać, bo zmieni się adres wpisu.",
    )
    lead = models.TextField("zajawka", max_length=600, blank=True, help_text="Krótkie streszczenie na liście wpisów.")
    body = models.TextField("treść")
    image = models.ImageField(
        "ilustracja",
        upload_to=post_image_path,
        blank=True,
        validators=[validate_image],
        width_field="image_width",
        height_field="image_height",
        help_text="JPEG, PNG, GIF lub WebP, do 5 MB. Dane EXIF (np. lokalizacja) są usuwane.",
    )
    image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_alt = models.CharField(
        "tekst alternatywny ilustracji",
        max_length=250,
        blank=True,
        help_text="Opis ilustracji dla osób, które jej nie widzą. Wymagany, gdy jest ilustracja.",
    )
    image_focus = models.CharField(
        "najważniejsza część ilustracji",
        max_length=12,
        choices=ImageFocus.choices,
        default=ImageFocus.CENTER,
        help_text=(
            "Karty wpisów na listach pokazują ilustrację przyciętą do proporcji 4:3. Wskaż, która część "
            "ma zostać widoczna, np. „górny środek” dla twarzy przy górnej krawędzi zdjęcia."
        ),
    )
    # Made from the illustration on save (news.thumbnails) for cards in lists; 1x and 2x for srcset.
    thumbnail = models.ImageField(
        "miniatura",
        upload_to="aktualnosci/miniatury/",
        blank=True,
        editable=False,
        width_field="thumbnail_width",
        height_field="thumbnail_height",
    )
    thumbnail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    thumbnail_2x = models.ImageField("miniatura (2×)", upload_to="aktualnosci/miniatury/", blank=True, editable=False)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="posts", verbose_name="kategoria")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name="autor",
    )
    institution = models.ForeignKey(
        "members.Institution",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name="instytucja partnerska",
        help_text="Instytucja, w której imieniu wpis przygotowano. Konto instytucji partnerskiej ustawia ją "
        "samo i widzi tylko wpisy swojej instytucji.",
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        "data publikacji",
        default=timezone.now,
        help_text="Data w przyszłości oznacza publikację zaplanowaną: wpis pojawi się o tej porze.",
    )
    unpublish_at = models.DateTimeField(
        "koniec publikacji",
        null=True,
        blank=True,
        help_text="Opcjonalnie, np. gdy kończy się nabór: o tej porze wpis zniknie z listy aktualności, "
        "strony głównej, wyszukiwarki i kanałów RSS, a jego adres przestanie działać. Puste: wpis jest "
        "widoczny bez końca.",
    )
    pinned = models.BooleanField(
        "przypięty",
        default=False,
        help_text="Przypięty wpis jest pierwszy na liście aktualności i na stronie głównej, z oznaczeniem "
        "„Przypięty”. Z kilku przypiętych pierwszy jest najnowszy.",
    )
    skip_newsletter_notice = models.BooleanField(
        "nie powiadamiaj subskrybentów",
        default=False,
        help_text="Zaznacz, jeśli o tym wpisie nie trzeba wysyłać e-maila subskrybentom newslettera "
        "(np. drobna aktualizacja).",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name="wysłany do akceptacji przez",
        help_text="Kto ostatni wysłał wpis do akceptacji: dostaje wiadomość o zatwierdzeniu albo zwrocie.",
    )
    review_note = models.TextField(
        "uwagi do poprawy",
        blank=True,
        editable=False,
        help_text="Uwagi z ostatniego zwrotu wpisu do poprawy.",
    )
    created_at = models.DateTimeField("utworzono", auto_now_add=True)
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    ImageFocus = ImageFocus

    objects = LiveManager.from_queryset(PostQuerySet)()
    all_objects = PostQuerySet.as_manager()  # with the trash
    # Renders the saved state for a preview link (drafts/previews.py).
    preview_view = "news.views.post_preview"

    class Meta:
        verbose_name = "wpis"
        verbose_name_plural = "wpisy"
        ordering = ["-published_at", "-pk"]
        # Held by the Redaktor and the Administrator (accounts/roles.py); without it a post is sent
        # for approval instead (news/review.py).
        permissions = [("publish_post", "Publikowanie wpisów i akceptowanie wpisów innych osób")]
        indexes = [
            # The public list: published posts, newest first.
            models.Index(fields=["status", "-published_at"], name="post_public_idx"),
        ]
        constraints = [
            # One address per post outside the trash: a trashed post gives its address up.
            models.UniqueConstraint(
                fields=["slug"],
                condition=Q(deleted_at__isnull=True),
                name="post_unique_slug",
                violation_error_code="unique",  # shown at the field, as unique=True was
                violation_error_message="Inny wpis ma już ten adres (slug). Wybierz inny.",
            ),
            models.CheckConstraint(
                condition=Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=F("published_at")),
                name="post_unpublish_after_publish",
                violation_error_message="Koniec publikacji musi być późniejszy niż data publikacji.",
            ),
            models.CheckConstraint(
                condition=models.Q(image="") | ~models.Q(image_alt=""),
                name="post_image_has_alt",
                violation_error_message="Podaj tekst alternatywny ilustracji.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Post, self.title, exclude_pk=self.pk)
        self.body = clean_html(self.body)
        update_thumbnails(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    def restore_problem(self):
        clash = Post.objects.filter(slug=self.slug).exclude(pk=self.pk).first()
        if clash is not None:
            return (
                f"pod jego adresem {self.get_absolute_url()} jest teraz wpis „{clash}”. "
                "Zmień adres tamtego wpisu i przywróć ten ponownie."
            )
        return None

    def load_reader_counts(self, user=None, browser_key=""):
        """Set what the post page counts for this visitor, in two queries: rating_average,
        rating_count, my_rating (the visitor's own vote), approved_comment_count and
        shown_comment_count (approved plus the visitor's own waiting ones)."""
        user_id = user.pk if user is not None and user.is_authenticated else None
        if user_id is not None:
            mine = Q(user_id=user_id)
        elif browser_key:
            mine = Q(user__isnull=True, browser_key=browser_key)
        else:
            mine = Q(pk__in=[])
        ratings = Rating.objects.filter(post=self).aggregate(
            average=Avg("value"), count=Count("pk"), mine=Max("value", filter=mine)
        )
        approved = Q(status=Comment.Status.APPROVED)
        own_waiting = Q(status=Comment.Status.PENDING, user_id=user_id) if user_id is not None else Q(pk__in=[])
        comments = Comment.objects.filter(post=self).aggregate(
            approved=Count("pk", filter=approved), shown=Count("pk", filter=approved | own_waiting)
        )
        self.rating_average, self.rating_count, self.my_rating = ratings["average"], ratings["count"], ratings["mine"]
        self.approved_comment_count, self.shown_comment_count = comments["approved"], comments["shown"]
        return self

    @property
    def is_public(self):
        now = timezone.now()
        return self.status == self.Status.PUBLISHED and self.published_at <= now and not self.ended(now)

    @property
    def is_expired(self):
        """Published by staff, and its end of publication has passed."""
        return self.status == self.Status.PUBLISHED and self.ended(timezone.now())

    def ended(self, now):
        return self.unpublish_at is not None and self.unpublish_at <= now

    @property
    def is_scheduled(self):
        """Published by staff, with a publication time still to come."""
        return self.status == self.Status.PUBLISHED and self.published_at > timezone.now()


COMMENT_MAX_LENGTH = 2000


# urlize is the costliest part of a comment's HTML, which depends on the text alone: each
# process keeps the latest few thousand.
@lru_cache(maxsize=4096)
def _comment_html(text):
    html = urlize(text, nofollow=True, autoescape=True)
    # urlize escaped the text, so the only rel="nofollow" left is the one it wrote itself.
    html = html.replace(' rel="nofollow"', ' rel="nofollow ugc"')
    return mark_safe(linebreaks(html))


@lru_cache(maxsize=1024)
def _reply_html(text):
    return mark_safe(linebreaks(urlize(text, autoescape=True)))


# The post page shows a post's comments in pages, the newest page first (a new comment is always
# on page 1, where the reader lands after posting it); ?komentarze=2 shows the 20 before them.
COMMENTS_PER_PAGE = 20
COMMENT_PAGE_PARAM = "komentarze"


class CommentQuerySet(models.QuerySet):
    def newer_approved(self, post_id, created_at, pk):
        """Approved comments of the post that come before this one in the list (newest first);
        the arguments are values, or OuterRef()s in a subquery."""
        return self.filter(post_id=post_id, status=Comment.Status.APPROVED).filter(
            Q(created_at__gt=created_at) | Q(created_at=created_at, pk__gt=pk)
        )

    def with_page_counts(self):
        """Annotate how many approved comments of the same post are newer: get_absolute_url() then
        names the comment's page without a query of its own (a list of one reader's comments)."""
        newer = (
            Comment.objects.newer_approved(OuterRef("post_id"), OuterRef("created_at"), OuterRef("pk"))
            .order_by()
            .values("post_id")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(newer_approved_count=Coalesce(Subquery(newer), 0))

    def of_live_posts(self):
        """Comments under posts that are not in the trash (they come back with their post)."""
        return self.filter(post__deleted_at__isnull=True)

    def visible_to(self, user):
        """Approved comments, and the visitor's own ones still waiting for moderation."""
        shown = Q(status=Comment.Status.APPROVED)
        if user.is_authenticated:
            shown |= Q(status=Comment.Status.PENDING, user=user)
        return self.filter(shown)


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "czeka na moderację"
        APPROVED = "approved", "zatwierdzony"
        SPAM = "spam", "ukryty jako spam"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments", verbose_name="wpis")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name="autor (konto)",
        help_text="Usunięcie konta usuwa też jego komentarze (tak mówi polityka prywatności).",
    )
    author_name = models.CharField(
        "podpis", max_length=60, help_text="Imię lub pseudonim, który autor podał przy komentarzu."
    )
    body = models.TextField(
        "treść",
        max_length=COMMENT_MAX_LENGTH,
        help_text=f"Zwykły tekst, do {COMMENT_MAX_LENGTH} znaków; adresy stron są wyświetlane jako linki.",
    )
    status = models.CharField(
        "status",
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        help_text="Pierwszy komentarz czytelnika czeka na moderację; po zatwierdzeniu jednego kolejne "
        "pojawiają się od razu.",
    )
    notify_author = models.BooleanField(
        "powiadomienia dla autora",
        default=True,
        help_text="Autor chce dostać e-mail, gdy komentarz zostanie zatwierdzony lub gdy Partnerstwo na niego "
        "odpowie. Wyłącza to sam autor: w formularzu komentarza albo linkiem z wiadomości.",
    )
    created_at = models.DateTimeField("dodano", auto_now_add=True)
    moderated_at = models.DateTimeField(
        "data moderacji", null=True, blank=True, help_text="Kiedy ostatnio zmieniono status."
    )
    reply = models.TextField(
        "odpowiedź Partnerstwa Lokalnego",
        max_length=COMMENT_MAX_LENGTH,
        blank=True,
        help_text="Zwykły tekst; pojawi się pod komentarzem, podpisany jako odpowiedź Partnerstwa Lokalnego "
        "(widać ją razem z zatwierdzonym komentarzem). Wyczyść pole, żeby usunąć odpowiedź.",
    )
    replied_at = models.DateTimeField("data odpowiedzi", null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="autor odpowiedzi",
        help_text="Konto pracownika, który zapisał odpowiedź (nie jest pokazywane).",
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = "komentarz"
        verbose_name_plural = "komentarze"
        ordering = ["created_at", "pk"]
        indexes = [
            # The post page: a post's comments in order of writing.
            models.Index(fields=["post", "status", "created_at"], name="comment_post_idx"),
            # The moderation queue in the admin.
            models.Index(fields=["status", "-created_at"], name="comment_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), COMMENT_MAX_LENGTH) & ~Q(body=""),
                name="comment_body_length",
                violation_error_message=f"Komentarz musi mieć od 1 do {COMMENT_MAX_LENGTH} znaków.",
            ),
            models.CheckConstraint(
                condition=~Q(author_name=""),
                name="comment_has_author_name",
                violation_error_message="Podaj podpis.",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("reply"), COMMENT_MAX_LENGTH),
                name="comment_reply_length",
                violation_error_message=f"Odpowiedź może mieć najwyżej {COMMENT_MAX_LENGTH} znaków.",
            ),
        ]

    def __str__(self):
        text = self.body if len(self.body) <= 60 else self.body[:59] + "…"
        return f"{self.author_name}: {text}"

    def get_absolute_url(self):
        """The page of the post's comments that shows this one (page 1, the newest, needs no parameter)."""
        url = reverse("news:detail", args=[self.post.slug])
        if self.is_approved:
            newer = getattr(self, "newer_approved_count", None)  # CommentQuerySet.with_page_counts()
            if newer is None:
                newer = Comment.objects.newer_approved(self.post_id, self.created_at, self.pk).count()
            page = newer // COMMENTS_PER_PAGE + 1
            if page > 1:
                url += f"?{COMMENT_PAGE_PARAM}={page}"
        return f"{url}#komentarz-{self.pk}"

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    def body_html(self):
        """Plain text, escaped, with links made clickable (marked as user content) and line breaks kept."""
        return _comment_html(self.body)

    def reply_html(self):
        """The partnership's reply: plain text like a comment, links kept as ordinary links."""
        return _reply_html(self.reply)


class Rating(models.Model):
    class Value(models.IntegerChoices):
        VERY_POOR = 1, "1 – bardzo słaby"
        POOR = 2, "2 – słaby"
        AVERAGE = 3, "3 – przeciętny"
        GOOD = 4, "4 – dobry"
        VERY_GOOD = 5, "5 – bardzo dobry"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="ratings", verbose_name="wpis")
    value = models.PositiveSmallIntegerField("ocena", choices=Value.choices, help_text="Od 1 do 5 gwiazdek.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="ratings",
        verbose_name="konto",
        help_text="Głos zalogowanego czytelnika; usunięcie konta usuwa też jego oceny.",
    )
    browser_key = models.CharField(
        "identyfikator przeglądarki",
        max_length=64,
        blank=True,
        help_text="Losowy identyfikator z podpisanego ciasteczka; głos osoby niezalogowanej.",
    )
    created_at = models.DateTimeField("oddano", auto_now_add=True)
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "ocena"
        verbose_name_plural = "oceny"
        ordering = ["-updated_at", "pk"]
        constraints = [
            # One vote per reader: per account, or per browser for visitors without one.
            models.UniqueConstraint(
                fields=["post", "user"],
                condition=Q(user__isnull=False),
                name="rating_one_per_user",
                violation_error_message="To konto już oceniło ten wpis.",
            ),
            models.UniqueConstraint(
                fields=["post", "browser_key"],
                condition=Q(user__isnull=True),
                name="rating_one_per_browser",
                violation_error_message="Ta przeglądarka już oceniła ten wpis.",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1, value__lte=5),
                name="rating_value_1_to_5",
                violation_error_message="Ocena musi być od 1 do 5.",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False, browser_key="") | Q(user__isnull=True) & ~Q(browser_key=""),
                name="rating_has_one_voter",
                violation_error_message="Ocena należy do konta albo do przeglądarki.",
            ),
        ]

    def __str__(self):
        return f"{self.post}: {self.value}/5"


class PostAttachment(Attachment):
    """A document from the library listed under a post („Załączniki”), in the order staff set."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments", verbose_name="wpis")
    # PROTECT: a document a post lists cannot leave the library (library/admin.py says where it is used).
    document = models.ForeignKey(
        "library.Document",
        on_delete=models.PROTECT,
        related_name="post_attachments",
        verbose_name="dokument z biblioteki",
        help_text="Zacznij pisać tytuł, aby wyszukać dokument w bibliotece.",
    )

    class Meta(Attachment.Meta):
        constraints = [
            models.UniqueConstraint(fields=["post", "document"], name="news_attachment_once_per_post"),
        ]

    def __str__(self):
        return f"wpis „{self.post.title}”"
