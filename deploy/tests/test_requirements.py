"""Production installs the runtime alone, and every lock pins what the requirement files ask for."""

import re
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;]+)", re.M)


def pins(path):
    """{normalised name: version} for every pin in a requirement or lock file."""
    return {re.sub(r"[-_.]+", "-", name).lower(): version for name, version in PIN.findall(path.read_text())}


def lines(path):
    return [line for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def test_every_requirement_is_pinned_exactly_and_listed_once():
    listed = []
    for name in ("base", "dev", "test", "system"):
        path = REQUIREMENTS / f"{name}.txt"
        assert len(pins(path)) == len(lines(path)), f"{path.name} has a line that is not an exact pin"
        listed += pins(path)
    assert len(listed) == len(set(listed)), "a package is listed twice"


def test_the_locks_pin_the_versions_the_requirement_files_ask_for():
    runtime, everything = pins(REQUIREMENTS / "lock" / "runtime.txt"), pins(REQUIREMENTS / "lock" / "all.txt")
    assert pins(REQUIREMENTS / "base.txt").items() <= runtime.items()
    assert runtime.items() <= everything.items()
    for name in ("dev", "test", "system"):
        assert pins(REQUIREMENTS / f"{name}.txt").items() <= everything.items(), f"make lock after editing {name}.txt"


def test_production_installs_no_development_or_test_tool():
    runtime = pins(REQUIREMENTS / "lock" / "runtime.txt")
    for name in ("dev", "test", "system"):
        assert set(pins(REQUIREMENTS / f"{name}.txt")).isdisjoint(runtime)
    assert {"moto", "flask", "sympy", "cfn-lint", "psutil"}.isdisjoint(runtime)


def test_every_lock_pin_says_why_it_is_there():
    for lock in (REQUIREMENTS / "lock").glob("*.txt"):
        text = lock.read_text()
        for match in PIN.finditer(text):
            following = text[match.end() :].split("\n", 2)[1]
            assert following.lstrip().startswith("# via"), f"{lock.name}: {match.group(1)} has no provenance"
