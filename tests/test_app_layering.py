"""The apps depend one way: the site frame (pages) on the feature apps, never back, and no circles.

Read from the source with ``ast``, every import counts, those inside functions too. Tests and
migrations are left out: a test may set up another app's rows, and a migration names the apps
it depends on by label. Names loaded by ``importlib.import_module`` (seed_demo's steps) are not
imports here.
"""

import ast
import functools
from collections import defaultdict
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
# What the project is: it wires every app together (URLs, settings, cross-app commands).
PROJECT = "partnerstwo"
FRAME = "pages"
# Tools around the project, never installed in production: they may use any part of it.
TOOLING = {"deploy", "bench"}


def _packages():
    return sorted(p.name for p in BASE_DIR.iterdir() if (p / "__init__.py").is_file() and not p.name.startswith("."))


def _production_modules(package):
    for path in sorted((BASE_DIR / package).rglob("*.py")):
        parts = path.relative_to(BASE_DIR).parts
        if "tests" in parts or "migrations" in parts:
            continue
        yield path


@functools.cache
def _parsed(path):
    return ast.parse(path.read_text(), filename=str(path))


def _imports():
    """{(importer, imported): ["path:line", ...]} between the project's own packages."""
    packages = set(_packages())
    found = defaultdict(list)
    for package in packages:
        for path in _production_modules(package):
            for node in ast.walk(_parsed(path)):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    target = name.split(".")[0]
                    if target in packages and target != package:
                        found[package, target].append(f"{path.relative_to(BASE_DIR)}:{node.lineno}")
    return found


def _cycles(edges):
    """Groups of packages that reach each other (strongly connected components of more than one)."""
    graph = defaultdict(set)
    for importer, imported in edges:
        graph[importer].add(imported)
    order, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for following in sorted(graph[node]):
            if following not in order:
                visit(following)
                low[node] = min(low[node], low[following])
            elif following in on_stack:
                low[node] = min(low[node], order[following])
        if low[node] == order[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return groups


def _module_name(path):
    parts = path.relative_to(BASE_DIR).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_imports():
    """{(importer, imported): ["path:line", ...]} between the project's own modules, by dotted name."""
    paths = [path for package in _packages() for path in _production_modules(package)]
    modules = {_module_name(path) for path in paths}
    found = defaultdict(list)
    for path in paths:
        importer = _module_name(path)
        for node in ast.walk(_parsed(path)):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                # "from adminsite import views" names a module; "from core.text import slug" a name in one.
                names = [f"{node.module}.{alias.name}" for alias in node.names]
                names = [name if name in modules else node.module for name in names]
            else:
                continue
            for name in names:
                if name in modules and name != importer:
                    found[importer, name].append(f"{path.relative_to(BASE_DIR)}:{node.lineno}")
    return found


def test_the_scan_sees_the_imports_it_judges():
    edges = _imports()
    # pages shows news, meetings and partners; the project wires pages in; apps use core.
    assert {(FRAME, "news"), (FRAME, "meetings"), (FRAME, "members"), (PROJECT, FRAME), ("news", "core")} <= set(edges)
    assert {"agreement", "news", "members", "meetings", "newsletter", "search", "accounts", "changelog"} <= set(
        _packages()
    )


def test_no_app_but_the_project_imports_the_site_frame():
    offenders = {
        importer: places
        for (importer, imported), places in _imports().items()
        if imported == FRAME and importer != PROJECT and importer not in TOOLING
    }
    assert offenders == {}


def test_no_package_imports_the_project_package_but_tooling():
    offenders = {
        importer: places
        for (importer, imported), places in _imports().items()
        if imported == PROJECT and importer not in TOOLING
    }
    assert offenders == {}


def test_the_apps_import_each_other_without_circles():
    edges = _imports()
    described = [
        {f"{a} -> {b}": edges[a, b][:3] for a in group for b in group if (a, b) in edges} for group in _cycles(edges)
    ]
    assert described == []


def test_the_modules_import_each_other_without_circles():
    """Inside an app too: a circle hidden in an import inside a function is still a circle."""
    edges = _module_imports()
    assert ("adminsite.views", "adminsite.editor_library") in edges  # the scan sees modules of one app
    described = [
        {f"{a} -> {b}": edges[a, b][:3] for a in group for b in group if (a, b) in edges} for group in _cycles(edges)
    ]
    assert described == []


def test_a_circle_would_be_found():
    assert _cycles({("a", "b"): [], ("b", "c"): [], ("c", "a"): [], ("c", "d"): []}) == [["a", "b", "c"]]
    assert _cycles({("a", "b"): [], ("b", "c"): []}) == []
