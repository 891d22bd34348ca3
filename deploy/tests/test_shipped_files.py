"""The deployment files stay complete as the portal grows."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"
# Read by the settings, gunicorn.conf.py and bin/worker.d/.
WORKERS = [path for path in (BASE_DIR / "bin" / "worker.d").iterdir() if path.stat().st_mode & 0o111]
SOURCES = [*(BASE_DIR / "partnerstwo").glob("*.py"), BASE_DIR / "gunicorn.conf.py", *WORKERS]
VARIABLE = re.compile(
    r"""env(?:str|bool|int|list)\("([A-Z][A-Z0-9_]+)"|environ\.get\("([A-Z][A-Z0-9_]+)"|"""
    r"""\$\{([A-Z][A-Z0-9_]+):-"""
)
DEVELOPMENT_ONLY = {"X_BOOL", "X_INT", "X_LIST"}  # names used in partnerstwo/env.py's docstring


def variables_read():
    names = set()
    for path in SOURCES:
        for match in VARIABLE.finditer(path.read_text()):
            names.add(next(group for group in match.groups() if group))
    return names - DEVELOPMENT_ONLY


def test_the_example_environment_file_sets_every_variable_the_portal_reads():
    example = (DEPLOY / "partnerstwo.env.example").read_text()
    assigned = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", example, re.M))
    assert "TRUSTED_PROXIES" in assigned
    assert variables_read() - assigned == set()


def test_every_variable_is_documented_in_the_readme():
    readme = (BASE_DIR / "README.md").read_text()
    assert {name for name in variables_read() if f"`{name}`" not in readme} == set()


def test_every_background_worker_has_a_systemd_unit():
    units = "\n".join(path.read_text() for path in (DEPLOY / "systemd").glob("*.service"))
    assert WORKERS
    for worker in WORKERS:
        assert f"ExecStart=/srv/partnerstwo/bin/worker.d/{worker.name}\n" in units
    assert "ExecStart=/srv/partnerstwo/.venv/bin/gunicorn partnerstwo.wsgi\n" in units


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_the_systemd_units_are_valid(tmp_path):
    # The units' paths, pointed at this checkout, so that only the syntax is judged.
    for unit in (DEPLOY / "systemd").glob("*.service"):
        text = unit.read_text().replace("/srv/partnerstwo", str(BASE_DIR))
        (tmp_path / unit.name).write_text(text)
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(map(str, tmp_path.glob("*.service")))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "Unknown" not in result.stderr and "Invalid" not in result.stderr, result.stderr
