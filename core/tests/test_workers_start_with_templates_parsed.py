"""gunicorn's master parses the portal's templates before it forks (gunicorn.conf.py, core/warmup.py)."""

from pathlib import Path

from django.conf import settings
from django.template import engines

from core import warmup


def test_every_template_of_the_portal_is_parsed_without_the_database():
    # No database fixture: a query here would fail the test (the master must not open one).
    templates = list(Path(settings.TEMPLATES[0]["DIRS"][0]).rglob("*.html"))
    assert warmup.compile_templates() == len(templates) > 50
    warmup.prepare()


def test_a_parsed_template_is_served_from_the_loader_cache():
    warmup.compile_templates()
    engine = engines["django"].engine
    (cached,) = [loader for loader in engine.template_loaders if hasattr(loader, "get_template_cache")]
    assert "news/post_detail.html" in cached.get_template_cache
