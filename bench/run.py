"""make bench: fill a separate database, serve it with gunicorn as in production, measure with wrk.

Every figure is a ratio to the static file css/site.css served by whitenoise in the
same server, measured in rounds that alternate with the page's own (static, page,
static, page…), so a busy machine slows both alike. Modes (the targets of issue 23):

- cold:      the page cache off (PAGECACHE_ENABLED=0): every request renders, as the first
             reader after any edit gets it; and the HTML size of each page;
- signed-in: the same pages for a signed-in reader (never cached);
- cached:    the page cache on, anonymous readers (hits), and junk query strings (/?x=N);
- churn:     the page cache on, 16 readers over 50 addresses while an editor saves a post
             every 10 s; every read that starts after a save's answer must show it;
- series:    posts with 10, 100 and 1,000 comments, page cache off (the cost must stay flat).

Prints a table per mode and every target with met/MISSED; writes everything to bench/results/.

    python bench/run.py [--quick] [--modes cold,series] [--duration 3] [--rounds 3] [--reuse]
"""

import argparse
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

import psycopg

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
RESULTS = BASE / "bench" / "results"
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BENCH_DB = "partnerstwo_bench"
MODES = ("cold", "signed-in", "cached", "churn", "series")
# The targets (ratios to the static file).
PAGES = ("post", "meeting", "home", "news list", "partner list", "meeting list", "search")
SEARCH_PATH = "/szukaj/?q=urz%C4%85d+pracy"  # two words, about a thousand results on the bench data
COLD_TARGET, COLD_FLOOR, SIGNED_IN_TARGET, MAX_HTML_KB = 0.08, 0.05, 0.07, 50
CACHED_TARGET, FLAT_TARGET = 0.8, 1.2
CHURN_TARGET, CHURN_P99_MS, SAVE_EVERY = 0.5, 250, 10
EDITED_POST = "wpis-testowy-1"  # the newest post: on its page, the news list and the home page


def admin_and_bench_urls():
    url = os.environ.get("DATABASE_URL")
    if not url:
        from partnerstwo import db

        db.database_url()
        server_url = f"postgresql://postgres:@/postgres?host={db.PGDATA}"
        return server_url, f"postgresql://postgres:@/{BENCH_DB}?host={db.PGDATA}"
    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    return admin, parsed._replace(path=f"/{BENCH_DB}").geturl()


def recreate_database(admin_url):
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{BENCH_DB}"')


def database_exists(admin_url):
    with psycopg.connect(admin_url, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone() is not None


def manage(env, *args, capture=False):
    result = subprocess.run([PY, "manage.py", *args], env=env, cwd=BASE, check=True, capture_output=capture, text=True)
    return result.stdout


def shell(env, code):
    return manage(env, "shell", "--no-imports", "-c", code, capture=True).strip()


def parse_latency(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


# Readers come with a browser: without a User-Agent, wrk's requests would pass as a robot's and
# skip the view counter (stats/middleware.py) that every reader's request pays for.
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def wrk(url, connections, duration, script=None, env=None, headers=()):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    for header in (f"User-Agent: {READER_AGENT}", *headers):
        cmd += ["-H", header]
    if script:
        cmd += ["-s", str(script)]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, check=True, env=env).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = parse_latency(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = parse_latency(re.search(r"\s99%\s+(\S+)", out).group(1))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    if m := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out):
        errors += sum(int(x) for x in m.groups())
    if m := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        errors += int(m.group(1))
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "requests": requests, "errors": errors}


def summarise(page_rounds, static_rounds):
    """A page's rounds against the static rounds run just before each of them."""
    static_rps = sum(r["rps"] for r in static_rounds) / len(static_rounds)
    rps = sum(r["rps"] for r in page_rounds) / len(page_rounds)
    return {
        "rps": rps,
        "static_rps": static_rps,
        "ratio_to_static": sum(r["rps"] for r in page_rounds) / sum(r["rps"] for r in static_rounds),
        "p50_ms": max(r["p50_ms"] for r in page_rounds),
        "p99_ms": max(r["p99_ms"] for r in page_rounds),
        "errors": sum(r["errors"] for r in page_rounds),
        "rounds": page_rounds,
    }


def alternate(base, static_path, pages, args, headers=()):
    """Round by round, each page after a static round of its own: {name: summary}.

    A page is a path, or (path, wrk script) for requests the script makes up.
    """
    page_rounds = {name: [] for name in pages}
    static_rounds = {name: [] for name in pages}
    for _ in range(args.rounds):
        for name, page in pages.items():
            path, script = page if isinstance(page, tuple) else (page, None)
            static_rounds[name].append(wrk(base + static_path, 16, args.duration))
            page_rounds[name].append(wrk(base + path, 16, args.duration, script=script, headers=headers))
    results = {}
    for name, page in pages.items():
        path = page[0] if isinstance(page, tuple) else page
        results[name] = {"path": path, **summarise(page_rounds[name], static_rounds[name])}
        print(f"  {name}: {results[name]['rps']:.0f} req/s, {results[name]['ratio_to_static']:.3f}× static", flush=True)
    return results


@contextmanager
def gunicorn(env, static_path):
    args = [str(Path(PY).parent / "gunicorn"), "partnerstwo.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    if (BASE / "gunicorn.conf.py").exists():
        args += ["--config", str(BASE / "gunicorn.conf.py")]
    server = subprocess.Popen(args, cwd=BASE, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(base + static_path, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def warm(base, paths, headers=()):
    """A second of load per page, so every worker has answered it before the rounds count."""
    request_headers = dict(h.split(": ", 1) for h in headers)
    for path in paths:
        urllib.request.urlopen(urllib.request.Request(base + path, headers=request_headers), timeout=30).read()
        wrk(base + path, 16, 1, headers=headers)


# The editor: a process of its own that saves one post through the ORM every SAVE_EVERY seconds,
# as the admin's change view does (the same save signals renew the page cache on commit), and
# prints each save's mark once the save is committed, its answer.
EDITOR = """
import os, time
from django.db import transaction
from news.models import Post
run, every = os.environ["BENCH_EDIT_RUN"], float(os.environ["BENCH_EDIT_EVERY"])
n, next_at = 0, time.monotonic()
while True:
    next_at += every
    time.sleep(max(0.0, next_at - time.monotonic()))
    n += 1
    mark = f"zmiana-{run}-{n}"
    started = time.monotonic()
    with transaction.atomic():
        post = Post.objects.get(slug=%r)
        post.lead = f"Zajawka wpisu używanego w pomiarach wydajności ({mark})."
        post.save()
    print(mark, round((time.monotonic() - started) * 1000, 1), flush=True)
"""


class Editor:
    """Runs EDITOR in a process of its own; ``answered`` holds (time read, mark) of every save."""

    def __init__(self, env, every):
        code = EDITOR % EDITED_POST
        run = str(random.randrange(1 << 30))
        self.process = subprocess.Popen(
            [PY, "manage.py", "shell", "--no-imports", "-c", code],
            env={**env, "BENCH_EDIT_RUN": run, "BENCH_EDIT_EVERY": str(every)},
            cwd=BASE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.answered, self.save_ms = [], []
        self.lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            mark, ms = line.split()
            with self.lock:
                self.answered.append((time.monotonic(), mark))
                self.save_ms.append(float(ms))

    def last_before(self, moment):
        with self.lock:
            marks = [mark for at, mark in self.answered if at < moment]
        return marks[-1] if marks else None

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


class Checker(threading.Thread):
    """Reads the pages that show the edited post, one after another, as an anonymous reader; a read
    that starts after a save's answer and shows neither that save's mark nor a later one is stale."""

    def __init__(self, base, paths, editor):
        super().__init__(daemon=True)
        self.host, self.paths, self.editor = urlparse(base).netloc, paths, editor
        self.stop = threading.Event()
        self.checked = 0
        self.stale_reads = []

    def run(self):
        while not self.stop.is_set():
            for path in self.paths:
                started = time.monotonic()
                expected = self.editor.last_before(started)
                conn = http.client.HTTPConnection(self.host, timeout=30)
                try:
                    conn.request("GET", path)
                    response = conn.getresponse()
                    html = response.read().decode()
                finally:
                    conn.close()
                if expected is not None:
                    self.checked += 1
                    shown = re.search(r"zmiana-\d+-(\d+)", html)
                    # A later save may already show before its answer is read here: that is not stale.
                    if shown is None or int(shown.group(1)) < int(expected.rsplit("-", 1)[1]):
                        self.stale_reads.append(
                            f"{path} ({response.getheader('X-Page-Cache') or 'rendered'}): "
                            f"{shown.group(0) if shown else 'no mark'} instead of {expected}"
                        )
            self.stop.wait(0.05)


def churn(base, env, static_path, readers, edited_paths, args):
    static_rounds, churn_rounds, checkers, editors = [], [], [], []
    paths = " ".join(readers)
    for _ in range(args.rounds):
        static_rounds.append(wrk(base + static_path, 16, args.duration))
        editor = Editor(env, SAVE_EVERY)
        checker = Checker(base, edited_paths, editor)
        checker.start()
        try:
            churn_rounds.append(
                wrk(
                    base + "/",
                    16,
                    args.churn_duration,
                    script=BASE / "bench" / "mixed.lua",
                    env={**os.environ, "BENCH_PATHS": paths},
                )
            )
        finally:
            checker.stop.set()
            checker.join(timeout=60)
            editor.stop()
        checkers.append(checker)
        editors.append(editor)
    result = summarise(churn_rounds, static_rounds)
    result.update(
        addresses=len(readers),
        saves=sum(len(e.answered) for e in editors),
        save_ms=[ms for e in editors for ms in e.save_ms],
        stale_reads=sum(len(c.stale_reads) for c in checkers),
        stale=[read for c in checkers for read in c.stale_reads],
        checked_reads=sum(c.checked for c in checkers),
    )
    print(
        f"  readers {result['rps']:.0f} req/s ({result['ratio_to_static']:.3f}× static), p99 "
        f"{result['p99_ms']:.0f} ms, {result['saves']} saves, {result['stale_reads']} stale of "
        f"{result['checked_reads']} checked reads",
        flush=True,
    )
    return result


def churn_addresses(pages):
    """50 addresses a reader might visit: lists, searches, posts, meetings and partners."""
    addresses = [pages["home"], pages["news list"], "/aktualnosci/?page=2", "/aktualnosci/?page=3"]
    addresses += ["/aktualnosci/kategoria/rynek-pracy/", pages["meeting list"], pages["partner list"]]
    addresses += [SEARCH_PATH, "/szukaj/?q=szkolenia", "/szukaj/?q=spotkanie+partnerstwa"]
    addresses += [f"/aktualnosci/wpis-testowy-{n}/" for n in range(1, 21)]
    addresses += [f"/spotkania/spotkanie-testowe-{n}/" for n in range(90, 100)]
    addresses += [f"/partnerzy/instytucja-testowa-{n}/" for n in range(40, 50)]
    return addresses


def page_sizes(base, paths, headers=()):
    request_headers = dict(h.split(": ", 1) for h in headers)
    sizes = {}
    for name, path in paths.items():
        with urllib.request.urlopen(urllib.request.Request(base + path, headers=request_headers), timeout=30) as r:
            sizes[name] = len(r.read())
    return sizes


def table(title, results):
    lines = [title, f"{'page':<26}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'× static':>10}"]
    for name, r in results.items():
        lines.append(
            f"{name:<26}{r['rps']:>9.0f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['errors']:>8}{r['ratio_to_static']:>10.3f}"
        )
    return lines


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1 round of 2 s per page, a short churn run")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--duration", type=int, default=3, help="seconds per round at 16 connections")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per page, each after a static round")
    parser.add_argument(
        "--churn-duration", type=int, default=30, help=f"seconds per churn round (a save every {SAVE_EVERY} s)"
    )
    parser.add_argument("--reuse", action="store_true", help="reuse a filled benchmark database")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.rounds, args.churn_duration = 2, 1, 21
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if unknown := set(modes) - set(MODES):
        sys.exit(f"unknown modes: {', '.join(sorted(unknown))} (known: {', '.join(MODES)})")
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: install it (apt-get install wrk); make bench does this when run as root.")

    admin_url, bench_url = admin_and_bench_urls()
    env = {
        **os.environ,
        "DATABASE_URL": bench_url,
        "BENCH_APP": "1",  # the bench_fill command (bench/, development only)
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-not-for-production-use-0123456789"),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "MEDIA_ROOT": str(BASE / ".data" / "bench-media"),
        "EMAIL_BACKEND": "dummy",
        "LOG_LEVEL": "WARNING",
    }
    if not (args.reuse and database_exists(admin_url)):
        print("Creating and filling the benchmark database…", flush=True)
        recreate_database(admin_url)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "createcachetable")
        started = time.monotonic()
        print(manage(env, "bench_fill", capture=True), end="")
        with psycopg.connect(bench_url, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")  # as autovacuum leaves a live database: plans from real statistics
        print(f"  filled in {time.monotonic() - started:.0f} s")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    found = json.loads(manage(env, "bench_fill", "--urls", capture=True))
    found["search"] = SEARCH_PATH
    pages = {name: found[name] for name in PAGES}
    series = {
        int(k): v
        for k, v in json.loads(
            shell(env, "import json; from bench.data.news import series_urls; print(json.dumps(series_urls()))")
        ).items()
    }
    static_path = shell(
        env, "from django.contrib.staticfiles.storage import staticfiles_storage as s; print(s.url('css/site.css'))"
    )
    session_cookie = shell(
        env,
        "from importlib import import_module; from django.conf import settings; "
        "from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY; "
        "u = get_user_model().objects.get(username='czytelnik1@bench.invalid'); "
        "s = import_module(settings.SESSION_ENGINE).SessionStore(); s[SESSION_KEY] = str(u.pk); "
        "s[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]; "
        "s[HASH_SESSION_KEY] = u.get_session_auth_hash(); "
        "s.save(); print(f'{settings.SESSION_COOKIE_NAME}={s.session_key}')",
    )
    report = {"args": vars(args), "pages": pages}
    lines = [
        f"Benchmark {datetime.datetime.now():%Y-%m-%d %H:%M}, gunicorn, 16 connections, "
        f"{args.rounds} × {args.duration} s per page, each round after a static round"
    ]
    targets = []

    if {"cold", "signed-in", "series"} & set(modes):
        with gunicorn({**env, "PAGECACHE_ENABLED": "0"}, static_path) as base:
            if "cold" in modes:
                print("Truly cold (page cache off, anonymous):", flush=True)
                sizes = page_sizes(base, pages)
                warm(base, pages.values())
                cold = alternate(base, static_path, pages, args)
                report["cold"], report["html_bytes"] = cold, sizes
                lines += table("Truly cold (page cache off, anonymous readers)", cold)
                lines.append("HTML: " + ", ".join(f"{name} {size / 1024:.1f} KB" for name, size in sizes.items()))
                for name, r in cold.items():
                    ratio = r["ratio_to_static"]
                    targets.append(
                        f"cold: {name} >= {COLD_TARGET}× static: {verdict(ratio >= COLD_TARGET)} "
                        f"({ratio:.3f}×; floor {COLD_FLOOR}: {verdict(ratio >= COLD_FLOOR)})"
                    )
                heaviest = max(sizes, key=sizes.get)
                targets.append(
                    f"size: every page <= {MAX_HTML_KB} KB of HTML: "
                    f"{verdict(sizes[heaviest] <= MAX_HTML_KB * 1024)} (heaviest: {heaviest}, "
                    f"{sizes[heaviest] / 1024:.1f} KB)"
                )
            if "signed-in" in modes:
                print("Signed-in reader (never cached):", flush=True)
                headers = [f"Cookie: {session_cookie}"]
                warm(base, pages.values(), headers)
                signed_in = alternate(base, static_path, pages, args, headers=headers)
                report["signed_in"] = signed_in
                report["html_bytes_signed_in"] = sizes_in = page_sizes(base, pages, headers)
                lines += table("Signed-in reader", signed_in)
                for name, r in signed_in.items():
                    ratio = r["ratio_to_static"]
                    targets.append(
                        f"signed-in: {name} >= {SIGNED_IN_TARGET}× static: "
                        f"{verdict(ratio >= SIGNED_IN_TARGET)} ({ratio:.3f}×)"
                    )
                heaviest = max(sizes_in, key=sizes_in.get)
                targets.append(
                    f"size, signed in: every page <= {MAX_HTML_KB} KB: "
                    f"{verdict(sizes_in[heaviest] <= MAX_HTML_KB * 1024)} (heaviest: {heaviest}, "
                    f"{sizes_in[heaviest] / 1024:.1f} KB)"
                )
            if "series" in modes:
                print("Comment-count series (page cache off):", flush=True)
                named = {f"post, {count} comments": path for count, path in series.items()}
                warm(base, named.values())
                result = alternate(base, static_path, named, args)
                report["series"] = result
                lines += table("Comment-count series (page cache off)", result)
                few, many = result[f"post, {min(series)} comments"], result[f"post, {max(series)} comments"]
                # Time per request is 1/rate: compare each against its own static rounds.
                growth = few["ratio_to_static"] / many["ratio_to_static"]
                targets.append(
                    f"series: {max(series)} comments within {FLAT_TARGET}× the time of {min(series)}: "
                    f"{verdict(growth <= FLAT_TARGET)} ({growth:.2f}×)"
                )

    if "cached" in modes or "churn" in modes:
        with gunicorn({**env, "PAGECACHE_ENABLED": "1"}, static_path) as base:
            if "cached" in modes:
                print("Cached pages (page cache on, anonymous):", flush=True)
                warm(base, pages.values())
                with urllib.request.urlopen(f"{base}/?x={random.randrange(1 << 30)}", timeout=30) as r:
                    junk_answer = r.headers.get("X-Page-Cache")
                junk_name = "home, junk query /?x=N"
                measured = {**pages, junk_name: ("/", BASE / "bench" / "junk.lua")}  # a new /?x=N each request
                cached = alternate(base, static_path, measured, args)
                report["cached"], report["junk_answer"] = cached, junk_answer
                lines += table("Cached (page cache on, anonymous readers)", cached)
                worst = min(pages, key=lambda name: cached[name]["ratio_to_static"])
                junk = cached[junk_name]
                junk["ratio_to_hit"] = junk["ratio_to_static"] / cached["home"]["ratio_to_static"]
                targets += [
                    f"cached: every page >= {CACHED_TARGET}× static: "
                    f"{verdict(cached[worst]['ratio_to_static'] >= CACHED_TARGET)} "
                    f"(worst: {worst}, {cached[worst]['ratio_to_static']:.2f}×)",
                    f"cached: a junk query string is served as a hit: {verdict(junk_answer == 'hit')} "
                    f"(X-Page-Cache: {junk_answer}; {junk['ratio_to_hit']:.2f}× the rate of a hit on /)",
                ]
            if "churn" in modes:
                print(f"Churn (page cache on, 16 readers over 50 addresses, a save every {SAVE_EVERY} s):", flush=True)
                readers = churn_addresses(pages)
                edited = [f"/aktualnosci/{EDITED_POST}/", pages["news list"], pages["home"]]
                for path in readers:  # each address stored once, as after a quiet while
                    urllib.request.urlopen(base + path, timeout=30).read()
                result = churn(base, env, static_path, readers, edited, args)
                report["churn"] = result
                saves = result["save_ms"]
                lines.append(
                    f"Churn: {result['rps']:.0f} req/s over {result['addresses']} addresses = "
                    f"{result['ratio_to_static']:.3f}× static, p50 {result['p50_ms']:.1f} ms, p99 "
                    f"{result['p99_ms']:.1f} ms, {result['errors']} errors; {result['saves']} saves "
                    f"(each {min(saves, default=0):.0f}–{max(saves, default=0):.0f} ms), "
                    f"{result['stale_reads']} stale of {result['checked_reads']} reads checked after a save"
                )
                lines += [f"  stale: {read}" for read in result["stale"]]
                fast = result["ratio_to_static"] >= CHURN_TARGET and result["p99_ms"] < CHURN_P99_MS
                targets += [
                    f"churn: readers >= {CHURN_TARGET}× static with p99 < {CHURN_P99_MS} ms: {verdict(fast)} "
                    f"({result['ratio_to_static']:.2f}×, p99 {result['p99_ms']:.0f} ms)",
                    f"churn: every read after a save's answer shows it: "
                    f"{verdict(result['stale_reads'] == 0 and result['saves'] > 0 and result['checked_reads'] > 0)}"
                    f" ({result['stale_reads']} stale of {result['checked_reads']}, {result['saves']} saves)",
                ]

    lines.append("Targets:")
    lines += [f"  {t}" for t in targets]
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps(report, indent=2, default=str))
    (RESULTS / f"bench-{stamp}.txt").write_text(text + "\n")
    print(f"Results written to bench/results/bench-{stamp}.txt and .json")


if __name__ == "__main__":
    main()
