"""Work a process does once, before gunicorn forks its workers, so that none does it on a reader's time.

Each worker would otherwise do it on the first requests it answers (some 300 ms on a post
page), again after every restart: parse the templates, build the URL resolver's tables and
compile the expressions Django compiles on first use (urlize's, for comments).
"""

from pathlib import Path

from django.conf import settings
from django.template import engines
from django.urls import get_resolver
from django.utils.html import urlize


def compile_templates():
    """Parse every template of the portal (templates/) into the cached loader; returns how many."""
    engine = engines["django"].engine
    count = 0
    for directory in settings.TEMPLATES[0]["DIRS"]:
        root = Path(directory)
        for path in sorted(root.rglob("*.html")):
            engine.get_template(path.relative_to(root).as_posix())
            count += 1
    return count


def prepare():
    """Everything above; touches neither the database nor the cache (the workers share what it builds)."""
    compile_templates()
    get_resolver().reverse_dict  # noqa: B018 - building the tables is the point
    urlize("Komentarz z adresem www.nowydwor.pl i kontakt@example.pl")
