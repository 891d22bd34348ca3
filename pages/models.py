import datetime
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models, transaction
from django.db.models.functions import Concat
from django.db.models.lookups import StartsWith
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone

from core.images import validate_image
from core.media import validate_captions, validate_video
from core.models import LiveManager, SingleRowModel, Trashable
from core.sanitize import clean_html
from library.models import Attachment


class PageQuerySet(models.QuerySet):
    def published(self, *, scheduled=False):
        """What the public may see: published pages whose every ancestor is published (and not in the trash) too.

        (Nothing is scheduled here, so ``scheduled`` changes nothing.)
        """
        hidden_ancestor = Page.all_objects.filter(
            models.Q(is_published=False) | models.Q(deleted_at__isnull=False),
            StartsWith(models.OuterRef("url_path"), Concat("url_path", models.Value("/"))),
            section=models.OuterRef("section"),
        )
        return self.filter(is_published=True).exclude(models.Exists(hidden_ancestor))


class Page(Trashable):
    """A simple page edited in admin: the privacy policy, the partnership pages.

    Pages form a tree: a page's address is its section's prefix and the slugs of its ancestors
    and its own (/partnerstwo/cele-partnerstwa/ or /o-portalu/historia/), kept in ``url_path``
    so that links to a page cost no queries. A page that moves keeps its old addresses as
    ``PageRedirect`` rows, answered with a permanent redirect.
    """

    class Section(models.TextChoices):
        GENERAL = "ogolne", "Strony ogólne"
        PARTNERSHIP = "partnerstwo", "O partnerstwie"

    title = models.CharField("tytuł", max_length=200)
    slug = models.SlugField(
        "adres (slug)",
        max_length=200,
        help_text="Ostatnia część adresu strony, np. „polityka-prywatnosci”. Po zmianie stary adres "
        "nadal działa i prowadzi do nowego.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="strona nadrzędna",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="Strona, pod którą ta strona się znajduje (jej adres, ścieżka nawigacji i menu działu). "
        "Puste – strona najwyższego poziomu. Po przeniesieniu stary adres nadal działa.",
    )
    section = models.CharField(
        "dział",
        max_length=20,
        choices=Section.choices,
        default=Section.GENERAL,
        help_text="Strony działu „O partnerstwie” mają adres /partnerstwo/… i wspólne menu. "
        "Podstrona należy zawsze do działu strony nadrzędnej.",
    )
    url_path = models.CharField(
        "ścieżka adresu",
        max_length=1000,
        editable=False,
        default="",
        help_text="Adresy (slugi) stron nadrzędnych i tej strony, rozdzielone ukośnikami; uzupełniana sama.",
    )
    position = models.PositiveIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wyżej w menu działu.")
    body = models.TextField("treść", blank=True)
    is_published = models.BooleanField(
        "opublikowana", default=True, help_text="Podstrony strony nieopublikowanej też nie są widoczne."
    )
    updated_at = models.DateTimeField("zaktualizowano", auto_now=True)

    objects = LiveManager.from_queryset(PageQuerySet)()
    all_objects = PageQuerySet.as_manager()  # with the trash
    # Renders the saved state for a preview link (drafts/previews.py).
    preview_view = "pages.views.page_preview"

    class Meta:
        verbose_name = "strona"
        verbose_name_plural = "strony"
        ordering = ["section", "position", "title"]
        constraints = [
            # One page per address; the view looks pages up by it. A trashed page gives its address up.
            models.UniqueConstraint(
                fields=["section", "url_path"],
                condition=models.Q(deleted_at__isnull=True),
                name="page_unique_address",
                violation_error_message="Pod tym adresem jest już inna strona.",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.body = clean_html(self.body)
        self.check_not_under_itself()  # a loop would move its pages for ever
        old = None
        if self.pk is not None:
            old = Page.objects.filter(pk=self.pk).values_list("section", "url_path").first()
        self.section, self.url_path = self.computed_path()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "section", "url_path"}
        with transaction.atomic():
            super().save(*args, **kwargs)
            new_address = self.get_absolute_url()
            if old and old[1] and old != (self.section, self.url_path):
                old_address = page_address(*old)
                PageRedirect.objects.update_or_create(old_path=old_address, defaults={"page": self})
                for child in self.children.all():
                    child.parent = self
                    child.save()  # moves its own subtree and keeps its old address
            # A page living at an address wins over an old address kept there.
            PageRedirect.objects.filter(old_path=new_address).delete()

    def get_absolute_url(self):
        return page_address(self.section, self.url_path)

    def clean(self):
        self.check_not_under_itself()
        if not self.slug:
            return
        section, url_path = self.computed_path()
        if section == self.Section.GENERAL and self.parent_id is None and _taken_by_the_portal(self.slug):
            raise ValidationError({"slug": f"Adres /{self.slug}/ zajmuje już inna część portalu. Wybierz inny adres."})
        clash = Page.objects.filter(section=section, url_path=url_path).exclude(pk=self.pk).first()
        if clash is not None:
            raise ValidationError({"slug": f"Pod adresem {clash.get_absolute_url()} jest już strona „{clash}”."})

    def trash_blockers(self):
        # Subpages would lose their place in the tree: they go to the trash first (or move).
        return list(self.children.all())

    def restore_problem(self):
        parent = Page.all_objects.filter(pk=self.parent_id, deleted_at__isnull=False).first()
        if parent is not None:
            return f"jej strona nadrzędna „{parent}” też jest w koszu. Najpierw przywróć tamtą stronę."
        section, url_path = self.computed_path()
        clash = Page.objects.filter(section=section, url_path=url_path).exclude(pk=self.pk).first()
        if clash is not None:
            return (
                f"pod jej adresem {clash.get_absolute_url()} jest teraz strona „{clash}”. "
                "Zmień adres tamtej strony i przywróć tę ponownie."
            )
        return None

    def check_not_under_itself(self):
        seen = set()
        node = self.parent
        while node is not None and self.pk is not None:
            if node.pk == self.pk or node.pk in seen:
                raise ValidationError(
                    {"parent": "Strony nie można umieścić pod nią samą ani pod żadną z jej podstron."}
                )
            seen.add(node.pk)
            node = node.parent

    def computed_path(self):
        """(section, url_path) this page gets from its parent and slug."""
        if self.parent_id is None:
            return self.section, self.slug
        return self.parent.section, f"{self.parent.url_path}/{self.slug}"


def page_address(section, url_path):
    if section == Page.Section.PARTNERSHIP:
        return reverse("partnership_page", args=[url_path])
    return reverse("page", args=[url_path])


def _taken_by_the_portal(slug):
    """True when /slug/ belongs to another part of the site (news, the contact page…)."""
    try:
        match = resolve(f"/{slug}/")
    except Resolver404:
        return False
    return match.url_name != "page"


class PageRedirect(models.Model):
    """An old address of a page that moved (new parent or slug): answered with a 301 to its page."""

    old_path = models.CharField(
        "stary adres",
        max_length=1100,
        unique=True,
        help_text="Adres, pod którym strona była wcześniej, np. /partnerstwo/zasady-partnerstwa/.",
    )
    page = models.ForeignKey(Page, verbose_name="strona", on_delete=models.CASCADE, related_name="old_addresses")
    created_at = models.DateTimeField("zapisano", auto_now_add=True)

    class Meta:
        verbose_name = "stary adres strony"
        verbose_name_plural = "stare adresy stron"
        ordering = ["old_path"]

    def __str__(self):
        return f"{self.old_path} → {self.page.get_absolute_url()}"


HOME_HEADING = "Razem na rzecz nowodworskiego rynku pracy"
HOME_INTRO = (
    "<p>Samorządy, Powiatowy Urząd Pracy i instytucje rynku pracy powiatu nowodworskiego działają wspólnie "
    "na rzecz ożywienia społeczno-gospodarczego i aktywizacji zawodowej mieszkańców.</p>"
)


HOME_NEWS_COUNT = 5
HOME_MEETINGS_COUNT = 3


class Coordinator(SingleRowModel):
    """Contact details of the partnership's coordinator (the PUP), shown in the footer.

    One row only; every field is optional and shown only when filled in.
    """

    name = models.CharField(
        "nazwa",
        max_length=200,
        blank=True,
        default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
    )
    address = models.TextField("adres", blank=True, help_text="Ulica, numer, kod pocztowy i miejscowość.")
    phone = models.CharField("telefon", max_length=50, blank=True)
    email = models.EmailField("e-mail", blank=True)
    website = models.URLField("strona internetowa", blank=True)
    office_hours = models.CharField(
        "godziny pracy", max_length=200, blank=True, help_text="Np. „poniedziałek–piątek 8:00–16:00”."
    )
    dpo_name = models.CharField(
        "inspektor ochrony danych",
        max_length=200,
        blank=True,
        help_text="Imię i nazwisko inspektora ochrony danych urzędu, jeśli urząd je podaje.",
    )
    dpo_email = models.EmailField("e-mail inspektora ochrony danych", blank=True)
    dpo_phone = models.CharField("telefon inspektora ochrony danych", max_length=50, blank=True)
    bip_url = models.URLField(
        "Biuletyn Informacji Publicznej",
        blank=True,
        help_text="Adres BIP urzędu pracy; link pojawia się w nagłówku i stopce portalu, gdy pole jest wypełnione.",
    )
    # The portal's look: the header's logo and the home page's illustration (both optional).
    logo = models.ImageField(
        "logo",
        upload_to="tozsamosc/",
        blank=True,
        validators=[validate_image],
        width_field="logo_width",
        height_field="logo_height",
        help_text="Logo partnerstwa albo urzędu w nagłówku portalu (PNG, JPEG lub WebP, co najmniej 96 pikseli "
        "wysokości) – tylko prawdziwe, przyjęte logo. Bez logo nagłówek pokazuje samą nazwę partnerstwa.",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_alt = models.CharField(
        "tekst alternatywny logo",
        max_length=200,
        blank=True,
        help_text="Co przedstawia logo, np. „Logo Powiatowego Urzędu Pracy w Nowym Dworze Mazowieckim”.",
    )
    home_image = models.ImageField(
        "ilustracja strony głównej",
        upload_to="tozsamosc/",
        blank=True,
        validators=[validate_image],
        width_field="home_image_width",
        height_field="home_image_height",
        help_text="Zdjęcie obok wstępu na stronie głównej (najlepiej poziome, co najmniej 1200 pikseli szerokości).",
    )
    home_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    home_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    home_image_alt = models.CharField(
        "tekst alternatywny ilustracji",
        max_length=300,
        blank=True,
        help_text="Co widać na zdjęciu; wymagany, gdy ilustracja jest ustawiona.",
    )
    # The home page's introduction (edited as „Strona główna”, the HomePage proxy below).
    home_heading = models.CharField(
        "nagłówek strony głównej",
        max_length=200,
        default=HOME_HEADING,
        help_text="Główny tytuł strony głównej, nad wstępem.",
    )
    home_intro = models.TextField(
        "wstęp strony głównej",
        blank=True,
        default=HOME_INTRO,
        help_text="Kilka zdań o partnerstwie pod nagłówkiem strony głównej.",
    )
    # How many items the home page's blocks show (each block's own limits, checked in the database too).
    home_news_count = models.PositiveSmallIntegerField(
        "liczba wpisów w bloku aktualności",
        default=HOME_NEWS_COUNT,
        validators=[MinValueValidator(3), MaxValueValidator(12)],
        help_text="Od 3 do 12 najnowszych wpisów (przypięte na początku).",
    )
    home_meetings_count = models.PositiveSmallIntegerField(
        "liczba spotkań w bloku spotkań",
        default=HOME_MEETINGS_COUNT,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text="Od 1 do 6 najbliższych spotkań.",
    )
    home_tiles_heading = models.CharField(
        "nagłówek bloku kafelków",
        max_length=100,
        default="Przydatne odnośniki",
        help_text="Tytuł nad kafelkami z odnośnikami na stronie głównej.",
    )

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(logo="") | ~models.Q(logo_alt=""),
                name="coordinator_logo_has_alt",
            ),
            models.CheckConstraint(
                condition=models.Q(home_image="") | ~models.Q(home_image_alt=""),
                name="coordinator_home_image_has_alt",
            ),
            models.CheckConstraint(
                condition=models.Q(home_news_count__range=(3, 12)),
                name="coordinator_home_news_count_3_to_12",
                violation_error_message="Blok aktualności pokazuje od 3 do 12 wpisów.",
            ),
            models.CheckConstraint(
                condition=models.Q(home_meetings_count__range=(1, 6)),
                name="coordinator_home_meetings_count_1_to_6",
                violation_error_message="Blok spotkań pokazuje od 1 do 6 spotkań.",
            ),
        ]
        verbose_name = "dane koordynatora"
        verbose_name_plural = "dane koordynatora"

    def __str__(self):
        return self.name or "Dane koordynatora"

    def save(self, *args, **kwargs):
        self.home_intro = clean_html(self.home_intro)
        super().save(*args, **kwargs)

    @property
    def has_contacts(self):
        return bool(self.address or self.phone or self.email or self.office_hours)

    @property
    def has_dpo(self):
        return bool(self.dpo_name or self.dpo_email or self.dpo_phone)


class HomePage(Coordinator):
    """The home page's introduction, illustration and blocks: the coordinator's row, edited apart."""

    class Meta:
        proxy = True
        verbose_name = "strona główna"
        verbose_name_plural = "strona główna"

    def __str__(self):
        return "Strona główna"

    def get_absolute_url(self):
        return reverse("home")


class HomeBlock(models.Model):
    """One block of the home page below the introduction: whether it is shown and where."""

    class Kind(models.TextChoices):
        ANNOUNCEMENTS = "komunikaty", "Komunikaty (w terminie ich wyświetlania)"
        NEWS = "aktualnosci", "Najnowsze aktualności"
        MEETINGS = "spotkania", "Najbliższe spotkania"
        TILES = "kafelki", "Kafelki z odnośnikami"
        PARTNERS = "partnerzy", "Partnerzy (logo instytucji)"

    home = models.ForeignKey(Coordinator, on_delete=models.CASCADE, related_name="home_blocks")
    kind = models.CharField("blok", max_length=20, choices=Kind.choices)
    position = models.PositiveIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wyżej na stronie.")
    is_shown = models.BooleanField("widoczny", default=True)

    class Meta:
        verbose_name = "blok strony głównej"
        verbose_name_plural = "bloki strony głównej"
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["home", "kind"],
                name="home_block_once",
                violation_error_message="Każdy blok może wystąpić na stronie głównej tylko raz.",
            ),
        ]

    def __str__(self):
        return self.get_kind_display()

    # Where each block starts: announcements above everything, the tiles before the partners.
    DEFAULT_POSITIONS = {
        Kind.ANNOUNCEMENTS: 0,
        Kind.NEWS: 10,
        Kind.MEETINGS: 20,
        Kind.TILES: 25,
        Kind.PARTNERS: 30,
    }

    @classmethod
    def ensure_for(cls, home):
        """Every block has its row (shown, in the default order) so staff can move or hide it."""
        existing = set(cls.objects.filter(home=home).values_list("kind", flat=True))
        cls.objects.bulk_create(
            cls(home_id=home.pk, kind=kind, position=cls.DEFAULT_POSITIONS[kind])
            for kind in cls.Kind
            if kind not in existing
        )


def validate_link_address(url):
    """An address a home page link may lead to: a path on this site or a page on https://."""
    if url.startswith("https://"):
        URLValidator(schemes=["https"], message="Podaj poprawny adres strony zaczynający się od https://.")(url)
        return
    if not url.startswith("/") or url.startswith("//"):
        raise ValidationError(
            "Podaj adres w portalu zaczynający się od ukośnika (np. /kontakt/) albo pełny adres zaczynający się "
            "od https://."
        )
    if not is_internal_address(url):
        raise ValidationError(
            "Adres w portalu nie może zawierać ukośnika odwrotnego „\\” ani znaków sterujących, "
            "np. tabulatora czy końca wiersza."
        )


class AnnouncementQuerySet(models.QuerySet):
    def current(self, now=None):
        """Shown now: started (or with no start) and not yet ended."""
        now = now or timezone.now()
        return self.filter(models.Q(starts_at__isnull=True) | models.Q(starts_at__lte=now), ends_at__gt=now)


class Announcement(models.Model):
    """A short notice at the top of the home page, shown until its end (and from its start, if set).

    Both moments are registered with pagecache.clock (pages/apps.py): the cached home page
    renews by itself when a notice appears or leaves.
    """

    home = models.ForeignKey(Coordinator, on_delete=models.CASCADE, related_name="announcements")
    title = models.CharField(
        "tytuł", max_length=120, help_text="Krótko, o czym jest komunikat; na stronie to nagłówek komunikatu."
    )
    text = models.TextField(
        "treść",
        max_length=500,
        help_text="Jedno do trzech zdań zwykłym tekstem, bez formatowania (najwyżej 500 znaków).",
    )
    link_url = models.CharField(
        "adres odnośnika",
        max_length=500,
        blank=True,
        validators=[validate_link_address],
        help_text="Nieobowiązkowy: adres w portalu zaczynający się od ukośnika (np. /kontakt/) "
        "albo pełny adres zaczynający się od https://.",
    )
    link_label = models.CharField(
        "tekst odnośnika",
        max_length=80,
        blank=True,
        help_text="Mówi, dokąd prowadzi odnośnik, np. „Szczegóły naboru”; wymagany, gdy podano adres.",
    )
    starts_at = models.DateTimeField(
        "pokazuj od", null=True, blank=True, help_text="Puste – komunikat widać od razu po zapisaniu."
    )
    ends_at = models.DateTimeField(
        "pokazuj do",
        help_text="O tej porze komunikat sam zniknie ze strony głównej; nie trzeba go usuwać.",
    )

    objects = AnnouncementQuerySet.as_manager()

    class Meta:
        verbose_name = "komunikat"
        verbose_name_plural = "komunikaty"
        ordering = ["ends_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__isnull=True) | models.Q(ends_at__gt=models.F("starts_at")),
                name="announcement_ends_after_it_starts",
                violation_error_message="Koniec wyświetlania musi być późniejszy niż jego początek.",
            ),
            models.CheckConstraint(
                condition=models.Q(link_url="") | ~models.Q(link_label=""),
                name="announcement_link_has_label",
                violation_error_message="Odnośnik komunikatu potrzebuje tekstu.",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "Koniec wyświetlania musi być późniejszy niż jego początek."
        if self.link_url and not self.link_label.strip():
            errors["link_label"] = "Podaj tekst odnośnika, np. „Szczegóły naboru”."
        if self.link_label and not self.link_url:
            errors["link_url"] = "Podaj adres, do którego prowadzi odnośnik, albo usuń jego tekst."
        if errors:
            raise ValidationError(errors)

    def state(self, now=None):
        """Where the notice stands now, in the words of the admin."""
        now = now or timezone.now()
        if self.ends_at <= now:
            return "zakończony"
        if self.starts_at and self.starts_at > now:
            return "zaplanowany"
        return "widoczny teraz"


class HomeTile(models.Model):
    """One tile of the home page's block of link tiles, in staff's order."""

    home = models.ForeignKey(Coordinator, on_delete=models.CASCADE, related_name="home_tiles")
    label = models.CharField("nazwa", max_length=60, help_text="Krótko, np. „Kontakt z urzędem”.")
    description = models.CharField(
        "krótki opis", max_length=160, blank=True, help_text="Nieobowiązkowy: jedno zdanie pod nazwą."
    )
    url = models.CharField(
        "adres",
        max_length=500,
        validators=[validate_link_address],
        help_text="Adres w portalu zaczynający się od ukośnika (np. /kontakt/) "
        "albo pełny adres zaczynający się od https://.",
    )
    position = models.PositiveIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wcześniej.")

    class Meta:
        verbose_name = "kafelek z odnośnikiem"
        verbose_name_plural = "kafelki z odnośnikami"
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label


def is_internal_address(url):
    """True for a path on this site: one leading slash, no backslash, no control character.

    Browsers read a backslash as a slash and drop tabs and line ends, so /\\evil.example/ and
    /<tab>/evil.example/ lead to another host.
    """
    return (
        url.startswith("/")
        and not url.startswith("//")
        and "\\" not in url
        and not any(unicodedata.category(char) == "Cc" for char in url)
    )


class MenuItem(models.Model):
    """One link of the main menu (header, mobile menu and footer), in staff's order.

    A top item may have items under it (its submenu); the menu has one level of submenus only,
    so an item under another has none of its own.
    """

    class Section(models.TextChoices):
        # Values are the URL names of the sections.
        HOME = "home", "Strona główna"
        NEWS = "news:list", "Aktualności"
        MEETINGS = "meetings:list", "Spotkania"
        AGREEMENT = "agreement", "Porozumienie"
        PARTNERS = "members:directory", "Partnerzy"
        ACCESSION = "members:accession", "Przystąp do partnerstwa"
        PARTNERSHIP = "partnership_index", "O partnerstwie"
        NEWSLETTER = "newsletter:signup", "Newsletter"
        SEARCH = "search:search", "Wyszukiwarka"
        OPEN_DATA = "open_data", "Otwarte dane"
        CONTACT = "contact", "Kontakt"
        ACCESSIBILITY = "accessibility_statement", "Deklaracja dostępności"

    label = models.CharField("nazwa w menu", max_length=60, help_text="Krótko, np. „Aktualności”.")
    position = models.PositiveIntegerField("kolejność", default=0, help_text="Mniejsza liczba – wcześniej w menu.")
    parent = models.ForeignKey(
        "self",
        verbose_name="pozycja nadrzędna",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        help_text="Pozycja menu, w której podmenu ta pozycja się znajduje. Puste – pozycja główna menu. "
        "Podmenu ma jeden poziom: pozycja z podmenu nie trafia do innego podmenu.",
    )
    page = models.ForeignKey(
        Page,
        verbose_name="strona",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="menu_items",
        help_text="Strona, do której prowadzi pozycja. Nieopublikowana strona nie pojawia się w menu.",
    )
    section = models.CharField(
        "dział portalu", max_length=40, choices=Section.choices, blank=True, help_text="Np. lista aktualności."
    )
    url = models.CharField(
        "adres",
        max_length=500,
        blank=True,
        help_text="Adres w portalu zaczynający się od ukośnika (np. /aktualnosci/kategoria/wiadomosci/) "
        "albo pełny adres innej strony (https://…).",
    )

    class Meta:
        verbose_name = "pozycja menu"
        verbose_name_plural = "pozycje menu"
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(page__isnull=False, section="", url="")
                    | models.Q(page__isnull=True, url="") & ~models.Q(section="")
                    | models.Q(page__isnull=True, section="") & ~models.Q(url="")
                ),
                name="menu_item_has_one_target",
                violation_error_message="Pozycja menu prowadzi w jedno miejsce: do strony, działu portalu albo adresu.",
            ),
        ]

    def __str__(self):
        return self.label

    def clean(self):
        self.check_one_level()
        targets = [bool(self.page_id), bool(self.section), bool(self.url)]
        if sum(targets) != 1:
            raise ValidationError(
                "Wybierz jedno miejsce, do którego prowadzi pozycja: stronę, dział portalu albo adres."
            )
        if not self.url or self.url.startswith(("https://", "http://")):
            return
        if not self.url.startswith("/") or self.url.startswith("//"):
            raise ValidationError({"url": "Podaj adres zaczynający się od ukośnika (/…) albo od https:// lub http://."})
        if not is_internal_address(self.url):
            raise ValidationError(
                {
                    "url": "Adres w portalu nie może zawierać ukośnika odwrotnego „\\” ani znaków sterujących, "
                    "np. tabulatora czy końca wiersza."
                }
            )

    def check_one_level(self):
        if self.parent_id is None:
            return
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError({"parent": "Pozycja menu nie może być we własnym podmenu."})
        if self.parent.parent_id is not None:
            raise ValidationError(
                {"parent": f"Pozycja „{self.parent}” jest już w podmenu: podmenu ma tylko jeden poziom."}
            )
        if self.pk is not None and self.children.exists():
            raise ValidationError(
                {"parent": "Ta pozycja ma własne podmenu, więc nie może trafić do podmenu innej pozycji."}
            )

    @property
    def href(self):
        if self.page_id:
            return self.page.get_absolute_url()
        if self.section:
            return reverse(self.section)
        return self.url


STATUS_SENTENCE = (
    "z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych "
    "i aplikacji mobilnych podmiotów publicznych"
)


class AccessibilityStatement(SingleRowModel):
    """The Deklaracja dostępności at /deklaracja-dostepnosci/, edited by staff (one row).

    Its structure follows the ministry's "Warunki techniczne publikacji oraz struktura
    dokumentu elektronicznego deklaracji dostępności" (version 2.0, July 2024).
    """

    class Status(models.TextChoices):
        COMPLIANT = "zgodna", "zgodna"
        PARTIAL = "czesciowo", "częściowo zgodna"
        NON_COMPLIANT = "niezgodna", "niezgodna"

    # The three sentences the ministry prescribes, word for word.
    STATUS_SENTENCES = {
        Status.COMPLIANT: f"Strona internetowa jest zgodna {STATUS_SENTENCE}.",
        Status.PARTIAL: (
            f"Strona internetowa jest częściowo zgodna {STATUS_SENTENCE} "
            "z powodu niezgodności lub wyłączeń wymienionych poniżej."
        ),
        Status.NON_COMPLIANT: f"Strona internetowa jest niezgodna {STATUS_SENTENCE}.",
    }

    entity = models.CharField(
        "podmiot publiczny",
        max_length=250,
        default="Powiatowy Urząd Pracy w Nowym Dworze Mazowieckim",
        help_text="Pełna nazwa podmiotu, który prowadzi portal.",
    )
    site_name = models.CharField(
        "nazwa strony internetowej",
        max_length=250,
        default="Portal Partnerstwa Lokalnego Powiatu Nowodworskiego",
        help_text="Nazwa strony, której dotyczy deklaracja. Adres strony pochodzi z ustawienia SITE_URL.",
    )
    published_on = models.DateField(
        "data publikacji strony",
        null=True,
        blank=True,
        help_text="Dzień, w którym portal udostępniono mieszkańcom. Dane demonstracyjne (make run, seed_demo) "
        "wpisują tu dzień utworzenia bazy danych portalu: przed udostępnieniem portalu trzeba wpisać prawdziwą datę.",
    )
    updated_on = models.DateField(
        "data ostatniej istotnej aktualizacji strony",
        null=True,
        blank=True,
        help_text="Dzień ostatniej dużej zmiany wyglądu, budowy lub funkcji portalu (nie drobnych poprawek treści).",
    )
    status = models.CharField(
        "stan zgodności z ustawą",
        max_length=20,
        choices=Status.choices,
        default=Status.PARTIAL,
        help_text="Na stronie pojawi się jedno z trzech zdań przewidzianych przez Ministerstwo Cyfryzacji.",
    )
    non_compliances = models.TextField(
        "niedostępne treści",
        blank=True,
        help_text="Niezgodności i wyłączenia – każda w osobnym wierszu. Wymagane przy stanie „częściowo zgodna”.",
    )
    prepared_on = models.DateField("data sporządzenia deklaracji", null=True, blank=True)
    reviewed_on = models.DateField(
        "data ostatniego przeglądu deklaracji",
        null=True,
        blank=True,
        help_text="Deklarację przegląda się i aktualizuje co roku do 31 marca. Od 1 marca, dopóki przeglądu "
        "nie ma, lista zadań w panelu o nim przypomina, a administratorzy dostają e-mail 1 i 25 marca.",
    )
    review_reminder_sent_on = models.DateField(
        "przypomnienie o przeglądzie wysłano",
        null=True,
        blank=True,
        editable=False,
        help_text="Dzień ostatniego e-maila do administratorów o corocznym przeglądzie deklaracji.",
    )
    assessment = models.TextField(
        "sposób przygotowania deklaracji",
        blank=True,
        default="Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.",
        help_text="Samoocena albo badanie przez podmiot zewnętrzny (wtedy podaj, jaki).",
    )
    contact_person = models.CharField(
        "osoba do kontaktu",
        max_length=200,
        blank=True,
        help_text="Osoba, do której można zgłaszać problemy z dostępnością portalu.",
    )
    contact_email = models.EmailField("adres e-mail do kontaktu", blank=True)
    contact_phone = models.CharField("telefon do kontaktu", max_length=50, blank=True)
    architecture = models.TextField(
        "dostępność architektoniczna",
        blank=True,
        help_text="Opis dostępności siedziby PUP: wejścia, podjazdy, windy, toalety, miejsca parkingowe, "
        "pętla indukcyjna, pies asystujący. Każdy akapit w osobnym wierszu.",
    )
    communication = models.TextField(
        "dostępność komunikacyjno-informacyjna",
        blank=True,
        help_text="Np. tłumacz polskiego języka migowego, kontakt przez SMS lub wideo. Każdy akapit w osobnym wierszu.",
    )
    mobile_apps = models.TextField(
        "aplikacje mobilne",
        blank=True,
        help_text="Aplikacje mobilne podmiotu i adresy ich deklaracji dostępności; puste, jeśli ich nie ma.",
    )
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "deklaracja dostępności"
        verbose_name_plural = "deklaracja dostępności"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1),
                name="accessibility_statement_single_row",
                violation_error_message="Portal ma jedną deklarację dostępności.",
            ),
        ]

    def __str__(self):
        return "Deklaracja dostępności"

    def get_absolute_url(self):
        return reverse("accessibility_statement")

    def clean(self):
        if self.status == self.Status.PARTIAL and not self.non_compliance_list:
            raise ValidationError(
                {"non_compliances": "Przy stanie „częściowo zgodna” wymień niezgodności lub wyłączenia."}
            )
        if self.reviewed_on and self.prepared_on and self.reviewed_on < self.prepared_on:
            raise ValidationError({"reviewed_on": "Przegląd nie może być wcześniejszy niż sporządzenie deklaracji."})

    # Parts the public page leaves out until staff fill them in (the admin lists the missing ones).
    OPTIONAL_PARTS = {
        "published_on": "data publikacji strony",
        "updated_on": "data ostatniej istotnej aktualizacji",
        "prepared_on": "data sporządzenia deklaracji",
        "reviewed_on": "data ostatniego przeglądu",
        "contact_person": "osoba do kontaktu",
        "contact_email": "e-mail w sprawach dostępności",
        "contact_phone": "telefon w sprawach dostępności",
        "architecture": "dostępność architektoniczna",
        "communication": "dostępność komunikacyjno-informacyjna",
    }

    def missing_parts(self):
        """Polish names of the unfilled parts, in the order of the statement."""
        return [label for field, label in self.OPTIONAL_PARTS.items() if not getattr(self, field)]

    @property
    def status_sentence(self):
        return self.STATUS_SENTENCES[self.Status(self.status)]

    @property
    def non_compliance_list(self):
        return [line.strip() for line in self.non_compliances.splitlines() if line.strip()]

    @property
    def next_review_due(self):
        """Reviewed every year by 31 March: the next one is due on 31 March of the year after the last."""
        last = self.reviewed_on or self.prepared_on
        if last is None:
            return None
        return datetime.date(last.year + 1, 3, 31)

    @property
    def review_overdue(self):
        due = self.next_review_due
        return due is not None and due < timezone.localdate()

    def review_pending(self, today):
        """Whether this year's review (due by 31 March of ``today``'s year) is still to be done, or one is late."""
        due = self.next_review_due
        return due is None or due <= datetime.date(today.year, 3, 31)

    def review_reminder_due(self, today):
        """The e-mail reminder of the yearly review owed on ``today``, if any: "first" or "last".

        From 1 March the first, from 25 March the last (both until 31 March), each once: a day the
        task did not run is made up the next day, and a run repeated the same day sends nothing.
        """
        if not (3, 1) <= (today.month, today.day) <= (3, 31) or not self.review_pending(today):
            return None
        sent = self.review_reminder_sent_on
        last_start = datetime.date(today.year, 3, 25)
        if today >= last_start:
            return None if sent and sent >= last_start else "last"
        return None if sent and sent >= datetime.date(today.year, 3, 1) else "first"


class ActivityInformation(SingleRowModel):
    """Information about the partnership's activity in the three forms the act of 19 July 2019 on
    ensuring accessibility (art. 6 pkt 3 lit. c) names: a text easy to read (ETR), a recording in
    Polish Sign Language (PJM) and a machine-readable text. One row; each form has its own page.
    """

    easy_to_read = models.TextField(
        "tekst łatwy do czytania (ETR)",
        blank=True,
        help_text="Krótkie zdania, jedna myśl w zdaniu, zwykłe słowa, trudne słowa wyjaśnione. Panel obok "
        "edytora ocenia tekst według zasad tekstu łatwego do czytania.",
    )
    text = models.TextField(
        "tekst odczytywalny maszynowo",
        blank=True,
        help_text="Informacja o działalności partnerstwa zwykłym tekstem, bez formatowania. Akapity oddziela się "
        "pustym wierszem. Strona pokazuje ją i udostępnia do pobrania jako plik tekstowy.",
    )
    sign_language_video = models.FileField(
        "nagranie w polskim języku migowym",
        upload_to="pjm/",
        blank=True,
        validators=[validate_video],
        help_text="Plik MP4 albo WebM. Do nagrania trzeba dodać napisy (WebVTT) i transkrypcję.",
    )
    sign_language_poster = models.ImageField(
        "kadr nagrania",
        upload_to="pjm/",
        blank=True,
        validators=[validate_image],
        help_text="Obraz widoczny, zanim nagranie się zacznie (JPEG, PNG lub WebP). Nieobowiązkowy.",
    )
    sign_language_captions = models.FileField(
        "napisy do nagrania (WebVTT)",
        upload_to="pjm/",
        blank=True,
        validators=[validate_captions],
        help_text="Plik .vtt z napisami po polsku, zsynchronizowanymi z nagraniem.",
    )
    sign_language_transcript = models.TextField(
        "transkrypcja nagrania",
        blank=True,
        help_text="Pełna treść nagrania zwykłym tekstem; pojawia się pod nagraniem. "
        "Akapity oddziela się pustym wierszem.",
    )
    updated_at = models.DateTimeField("zmieniono", auto_now=True)

    class Meta:
        verbose_name = "informacja o działalności"
        verbose_name_plural = "informacja o działalności"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(pk=1),
                name="activity_information_single_row",
                violation_error_message="Portal ma jedną informację o działalności.",
            ),
            models.CheckConstraint(
                condition=models.Q(sign_language_video="")
                | (~models.Q(sign_language_captions="") & ~models.Q(sign_language_transcript="")),
                name="activity_information_video_has_captions_and_transcript",
                violation_error_message="Nagranie w polskim języku migowym wymaga napisów i transkrypcji.",
            ),
        ]

    def __str__(self):
        return "Informacja o działalności"

    def get_absolute_url(self):
        return reverse("activity_easy_to_read")

    def save(self, *args, **kwargs):
        self.easy_to_read = clean_html(self.easy_to_read)
        super().save(*args, **kwargs)

    def clean(self):
        if self.sign_language_video:
            errors = {}
            if not self.sign_language_captions:
                errors["sign_language_captions"] = "Do nagrania trzeba dodać napisy w formacie WebVTT."
            if not self.sign_language_transcript.strip():
                errors["sign_language_transcript"] = "Do nagrania trzeba dodać transkrypcję."
            if errors:
                raise ValidationError(errors)

    @property
    def has_recording(self):
        return bool(self.sign_language_video)

    @property
    def video_type(self):
        return "video/webm" if self.sign_language_video.name.lower().endswith(".webm") else "video/mp4"

    @staticmethod
    def paragraphs(text):
        """Plain text split into paragraphs at blank lines (lines inside a paragraph kept)."""
        blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
        return [block for block in blocks if block]

    @property
    def text_paragraphs(self):
        return self.paragraphs(self.text)

    @property
    def transcript_paragraphs(self):
        return self.paragraphs(self.sign_language_transcript)


class PageAttachment(Attachment):
    """A document from the library listed under a page („Załączniki”), in the order staff set."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="attachments", verbose_name="strona")
    # PROTECT: a document a page lists cannot leave the library (library/admin.py says where it is used).
    document = models.ForeignKey(
        "library.Document",
        on_delete=models.PROTECT,
        related_name="page_attachments",
        verbose_name="dokument z biblioteki",
        help_text="Zacznij pisać tytuł, aby wyszukać dokument w bibliotece.",
    )

    class Meta(Attachment.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "document"], name="pages_attachment_once_per_page"),
        ]

    def __str__(self):
        return f"strona „{self.page.title}”"
