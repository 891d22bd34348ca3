"""Shared fixtures: small factories, the people of the tests, static files."""

import datetime
import io
import itertools
import re
import socket
import struct
import zipfile
import zlib

import pytest
from django.utils import timezone
from PIL import Image

_seq = itertools.count(1)


def test_database_url():
    """This test run's database, for another process (gunicorn, manage.py) to work on."""
    from django.db import connection

    db = connection.settings_dict
    return f"postgresql://{db['USER']}:@/{db['NAME']}?host={db['HOST'] or db['OPTIONS']['host']}"


# Not a test, though its name starts with one.
test_database_url.__test__ = False


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The manifest storage needs collectstatic; the test client does not.
    # WhiteNoise would list every static file (some 2,300) each time a test client starts,
    # about 45 ms per test: it looks a file up when one is asked for instead.
    settings.WHITENOISE_AUTOREFRESH = True
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _fast_password_hashing(request, settings):
    # Every test person has a password; the production hasher's 1,000,000 rounds would
    # spend most of the suite's time there. Logins and checks work the same. System tests
    # keep the real hasher: the servers they start must check the same passwords.
    if request.node.get_closest_marker("system") is None:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def page_cache(request, settings):
    """The whole-page cache is on, as in production; each test starts with it empty.

    The shared page cache is a table that a transactional test's flush leaves alone. Each test
    gets keys of its own (a new KEY_PREFIX makes Django open the caches anew, in every thread);
    a system test, whose other processes use the configured prefix, starts with the table emptied.
    """
    from django.core.cache import caches

    from pagecache import middleware

    if request.node.get_closest_marker("system"):
        request.getfixturevalue("django_db_setup")
        with request.getfixturevalue("django_db_blocker").unblock():
            caches["pages"].clear()
    else:
        pages = {**settings.CACHES["pages"], "KEY_PREFIX": f"pages-test-{next(_seq)}"}
        settings.CACHES = {**settings.CACHES, "pages": pages}
    middleware.local_pages.clear()
    middleware._last_read.update(site=None, tags={})


@pytest.fixture
def cold_render(settings):
    """What a page costs when rendered for the first time (query budgets): no stored page."""
    settings.PAGECACHE_ENABLED = False


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_mfa_requirement(settings):
    # Admin tests log staff in with force_login; accounts/tests turn the requirement back on.
    settings.MFA_REQUIRED_FOR_STAFF = False


@pytest.fixture
def category(db):
    from news.models import Category

    return Category.objects.create(name="Wiadomości", slug="wiadomosci")


@pytest.fixture
def make_post(db, category):
    from news.models import Post

    def make(**fields):
        n = next(_seq)
        fields.setdefault("title", f"Wpis numer {n}")
        fields.setdefault("body", "<p>Treść wpisu.</p>")
        fields.setdefault("category", category)
        fields.setdefault("status", Post.Status.PUBLISHED)
        fields.setdefault("published_at", timezone.now() - datetime.timedelta(days=n))
        return Post.objects.create(**fields)

    return make


@pytest.fixture
def alice(db, django_user_model):
    """A member of PUP staff who edits the portal."""
    return django_user_model.objects.create_user(
        username="alice@pup.example",
        email="alice@pup.example",
        password="alice-haslo-123",
        is_staff=True,
        is_superuser=True,
    )


@pytest.fixture
def bob(db, django_user_model):
    """A resident with an account, not staff."""
    return django_user_model.objects.create_user(
        username="bob@example.com", email="bob@example.com", password="bob-haslo-123"
    )


@pytest.fixture
def staff_in_role(db, django_user_model):
    """``staff_in_role("Moderator")``: a staff member whose only permissions come from that role,
    with a verified address (allauth lets them log in)."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth.models import Group

    def make(role, email=None):
        email = email or f"{role.lower()}@pup.example"
        user = django_user_model.objects.create_user(
            username=email, email=email, password=f"{role.lower()}-haslo-123", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


def without_per_response_values(html):
    """A page's HTML without what differs on every response (the CSRF token, the CSP nonce)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return re.sub(r'nonce="[^"]*"', "", html)


def image_bytes(fmt="JPEG", size=(40, 30), exif=None):
    out = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def lying_zip_bytes(members, liar, content, declared=1000):
    """A ZIP of ``members`` plus ``liar`` (deflated ``content``), whose headers say it unpacks to
    ``declared`` bytes, with the checksum of those first bytes: Python's zipfile reads it as
    ``declared`` bytes without complaint, an office program unpacks all of ``content``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name == "mimetype":
                archive.writestr(zipfile.ZipInfo(name), data)  # stored, as ODF requires
            else:
                archive.writestr(name, data)
        archive.writestr(liar, content)
    data = bytearray(out.getvalue())
    crc = zlib.crc32(content[:declared])
    local = data.index(b"PK\x03\x04")
    while data[local + 30 : local + 30 + len(liar)] != liar.encode():
        local = data.index(b"PK\x03\x04", local + 4)
    struct.pack_into("<I", data, local + 14, crc)
    struct.pack_into("<I", data, local + 22, declared)
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(liar)] != liar.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, central + 16, crc)
    struct.pack_into("<I", data, central + 24, declared)
    return bytes(data)


def pdf_bytes(size=None, catalog=None, *, text=None, tagged=False, lang=None, title=None):
    """A real one-page PDF (pypdf), padded with trailing spaces to ``size`` bytes;
    ``catalog`` adds entries to its document catalog (e.g. an /OpenAction).

    Without ``text`` the page is blank, like a scan without a text layer; ``tagged`` marks it
    and gives it a structure tree, ``lang`` and ``title`` set the language and the title."""
    from pypdf import PdfWriter
    from pypdf.generic import BooleanObject, DictionaryObject, NameObject, StreamObject, TextStringObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    if text:
        font = writer._add_object(
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/Helvetica"),
                }
            )
        )
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        content = StreamObject()
        content.set_data(f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(content)
    if tagged:
        writer._root_object[NameObject("/MarkInfo")] = DictionaryObject({NameObject("/Marked"): BooleanObject(True)})
        writer._root_object[NameObject("/StructTreeRoot")] = writer._add_object(
            DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot")})
        )
    if lang:
        writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    if title:
        writer.add_metadata({"/Title": title})
    for key, value in (catalog or {}).items():
        writer._root_object[key] = value
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    if size is not None:
        assert size >= len(data), f"a PDF takes at least {len(data)} bytes"
        data += b" " * (size - len(data))
    return data


@pytest.fixture
def jpeg_with_location():
    """A JPEG whose EXIF data carries a GPS position."""
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (52.0, 26.0, 0.0), 3: "E", 4: (20.0, 43.0, 0.0)}
    exif[0x010F] = "Aparat testowy"
    return image_bytes(exif=exif)


# Partners and the agreement (members/, agreement/): used by both apps' tests.


@pytest.fixture
def make_institution(db):
    from members.models import Gmina, Institution, InstitutionKind

    def make(**fields):
        n = next(_seq)
        fields.setdefault("name", f"Instytucja numer {n}")
        fields.setdefault("kind", InstitutionKind.GMINA)
        fields.setdefault("gmina", Gmina.NASIELSK)
        return Institution.objects.create(**fields)

    return make


@pytest.fixture
def make_person(db):
    from members.models import Person

    def make(first_name="Jan", last_name=None):
        return Person.objects.create(first_name=first_name, last_name=last_name or f"Nowak-{next(_seq)}")

    return make


@pytest.fixture
def make_office(db, make_person):
    from members.models import Office

    def make(institution, function="Wójt Gminy", person=None, **fields):
        return Office.objects.create(
            institution=institution, function=function, person=person or make_person(), **fields
        )

    return make


@pytest.fixture
def make_agreement(db):
    from agreement.models import Agreement

    def make(**fields):
        fields.setdefault("title", "Porozumienie o zawarciu Partnerstwa Lokalnego")
        fields.setdefault("signed_on", datetime.date(2018, 4, 19))
        return Agreement.objects.create(**fields)

    return make


@pytest.fixture
def run_worker(db, monkeypatch):
    """Run the queued background tasks the way `manage.py db_worker` does, until the queue is empty."""
    # The worker closes connections between tasks; the test's transaction must stay open.
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def run(worker_id="test-worker"):
        from django_tasks_db.management.commands.db_worker import Worker

        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_id,
            excluded_queue_names=[],
        ).run()

    return run


@pytest.fixture
def in_background(django_capture_on_commit_callbacks, run_worker):
    """``with in_background(): client.post(...)``: what the request queued on commit, the worker then runs."""
    import contextlib

    @contextlib.contextmanager
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            yield
        run_worker()

    return run


class StallingSMTPServer:
    """Listens on 127.0.0.1 and never says a word: a client connects, the greeting never comes.

    Nothing accepts the connections, so they wait in the listen queue, where
    ``connections()`` counts them without any race with a serving thread.
    """

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.setblocking(False)
        self.port = self.sock.getsockname()[1]
        self.accepted = []

    def connections(self):
        while True:
            try:
                self.accepted.append(self.sock.accept()[0])
            except BlockingIOError:
                return len(self.accepted)

    def close(self):
        self.sock.close()
        for conn in self.accepted:
            conn.close()


@pytest.fixture
def hung_mail_server(settings):
    """The site's mailer points at an SMTP server that accepts connections and never answers."""
    server = StallingSMTPServer()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.port, "timeout": 0.5},
        }
    }
    yield server
    server.close()


# Approval before publishing (news/review.py): a person who writes posts, one who publishes them.


@pytest.fixture
def writer(staff_in_role):
    """Staff in the role that writes posts and sends them for approval."""
    from accounts.roles import AUTHOR

    user = staff_in_role(AUTHOR, email="autorka@pup.example")
    user.first_name, user.last_name = "Ewa", "Piszczek"
    user.save()
    return user


@pytest.fixture
def editor(staff_in_role):
    """A Redaktor, who may publish and so approves posts."""
    from accounts.roles import REDAKTOR

    return staff_in_role(REDAKTOR, email="redakcja@pup.example")


@pytest.fixture
def waiting_post(make_post, writer):
    """A post the writer sent for approval."""
    from news.models import Post

    return make_post(title="Nabór do projektu", status=Post.Status.SUBMITTED, author=writer, submitted_by=writer)


@pytest.fixture
def make_image(db):
    """An image as the editor stores it (core.images.editor_image_files), with its library row."""
    from django.core.files.storage import default_storage
    from django.core.files.uploadedfile import SimpleUploadedFile

    from core.images import clean_image, editor_image_files, image_size
    from library.models import Image, image_title

    def make(name="Sala obrad.jpg", size=(2000, 1500), fmt="JPEG", alt=""):
        cleaned = clean_image(SimpleUploadedFile(name, image_bytes(fmt, size=size)))
        files = editor_image_files(name, cleaned)
        names = [default_storage.save(file_name, file) for file_name, file in files]
        width, height = image_size(files[0][1])
        return Image.objects.create(
            title=image_title(name), alt=alt, file=names[0], width=width, height=height, size=files[0][1].size
        )

    return make
