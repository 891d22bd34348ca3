"""Django's {% cache %} may hold only what looks the same for everyone: never the visitor's data.

No template uses the tag today. Should one ever wrap a piece in it (STYLE.md allows a few
shared pieces such as the footer), this test fails when the piece reads the user, the
request, the messages or the CSRF token, or includes a template that does.
"""

import re
from pathlib import Path

from django.conf import settings

PERSONAL = re.compile(r"\b(user|request|messages|csrf_token|perms)\b")
CACHE_BLOCK = re.compile(r"{%\s*cache\b.*?%}(.*?){%\s*endcache\s*%}", re.S)
INCLUDE = re.compile(r"""{%\s*include\s+["']([^"'#]+)""")
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def personal_reads(text, seen=()):
    """What in ``text`` (and the templates it includes) reads something about the visitor."""
    found = PERSONAL.findall(text)
    for name in INCLUDE.findall(text):
        path = TEMPLATES / name
        if path.is_file() and name not in seen:
            found += personal_reads(path.read_text(), (*seen, name))
    return found


def cached_blocks():
    for path in sorted(TEMPLATES.rglob("*.html")):
        for block in CACHE_BLOCK.findall(path.read_text()):
            yield path.relative_to(TEMPLATES), block


def test_no_cached_block_reads_the_visitor():
    offenders = {str(path): personal_reads(block) for path, block in cached_blocks() if personal_reads(block)}
    assert offenders == {}


def test_the_check_catches_a_cached_greeting_and_an_included_form():
    greeting = "{% load cache %}{% cache 300 header %}<p>Witaj, {{ user.first_name }}</p>{% endcache %}"
    assert [personal_reads(block) for block in CACHE_BLOCK.findall(greeting)] == [["user"]]
    box = '{% cache 300 footer %}{% include "newsletter/signup_box.html" %}{% endcache %}'
    assert "csrf_token" in personal_reads(CACHE_BLOCK.findall(box)[0])
