"""Which release of the code this process runs: the same name on every server that runs it.

``RELEASE`` in the environment wins (a deployment pipeline may set the commit or a tag);
otherwise the commit checked out in BASE_DIR, read from git's files (no ``git`` process: the
service user need not own the checkout, which modern git refuses to read). Caches key what
they store on it, so a page rendered by one release is never served by another, while two
servers deploying the same commit from their own clones share every entry.
"""

import functools
from pathlib import Path

from django.conf import settings


@functools.cache
def release():
    return settings.RELEASE or git_commit(Path(settings.BASE_DIR)) or "unknown"


def git_commit(base):
    """The commit HEAD names in ``base``/.git, or "" when there is no readable checkout."""
    git = base / ".git"
    try:
        if git.is_file():  # a worktree or submodule: "gitdir: <path>"
            git = (base / git.read_text().split(":", 1)[1].strip()).resolve()
        head = (git / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head  # a detached checkout names its commit
        ref = head.removeprefix("ref: ")
        common = git
        if (git / "commondir").is_file():
            common = (git / (git / "commondir").read_text().strip()).resolve()
        for folder in (git, common):
            if (folder / ref).is_file():
                return (folder / ref).read_text().strip()
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return line.split(" ", 1)[0]
    except (OSError, IndexError):
        pass
    return ""
