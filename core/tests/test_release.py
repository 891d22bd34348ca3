"""Every server that runs one commit names the same release; RELEASE names it when set."""

import subprocess

from core import release


def _clone(source, target):
    subprocess.run(["git", "clone", "-q", str(source), str(target)], check=True)
    return target


def _repository(path):
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    (path / "README.md").write_text("portal\n")
    git = ["git", "-C", str(path), "-c", "user.name=Test", "-c", "user.email=test@example.com"]
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "First"], check=True)
    return subprocess.run([*git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()


def test_two_clones_of_one_commit_name_the_same_release(tmp_path):
    commit = _repository(tmp_path / "origin")
    first, second = _clone(tmp_path / "origin", tmp_path / "a"), _clone(tmp_path / "origin", tmp_path / "b")
    (second / "README.md").touch()  # another checkout time: file times differ, the name does not
    subprocess.run(["git", "-C", str(second), "pack-refs", "--all"], check=True)  # refs packed there
    assert release.git_commit(first) == release.git_commit(second) == commit


def test_a_detached_checkout_names_its_commit(tmp_path):
    commit = _repository(tmp_path / "origin")
    subprocess.run(["git", "-C", str(tmp_path / "origin"), "checkout", "-q", "--detach"], check=True)
    assert release.git_commit(tmp_path / "origin") == commit


def test_a_folder_without_git_names_nothing(tmp_path):
    assert release.git_commit(tmp_path) == ""


def test_the_release_setting_wins(settings):
    settings.RELEASE = "2026.12.1"
    release.release.cache_clear()
    try:
        assert release.release() == "2026.12.1"
    finally:
        release.release.cache_clear()


def test_a_worktree_names_its_commit(tmp_path):
    commit = _repository(tmp_path / "origin")
    subprocess.run(["git", "-C", str(tmp_path / "origin"), "worktree", "add", "-q", str(tmp_path / "wt")], check=True)
    assert release.git_commit(tmp_path / "wt") == commit
