"""make bench: fill a separate database, serve it with gunicorn as in production, measure with wrk.

Every figure is a ratio to the static file css/site.css served by whitenoise in the
same server, measured in rounds that alternate with the page's own (static, page,
static, page…), so a busy machine slows both alike. Modes:

- cached:    the page cache on, anonymous readers (hits), and junk query strings (/?x=N);
- cold:      the page cache off: every request renders;
- signed-in: the same pages for a signed-in reader (never cached);
- series:    posts with 10, 100 and 1,000 comments, page cache off (the cost must stay flat);
- mixed:     the page cache on, 16 readers over the other pages while 5 votes a second land
             on one post; after every vote's answer the post page must show it.

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
from urllib.parse import urlencode, urlparse

import psycopg

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
RESULTS = BASE / "bench" / "results"
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BENCH_DB = "partnerstwo_bench"
MODES = ("cached", "cold", "signed-in", "series", "mixed")
# The targets (ratios to the static file).
COLD_PAGES = ("post", "meeting", "home", "news list", "partner list")
COLD_TARGET, COLD_FLOOR, SIGNED_IN_TARGET = 0.15, 0.10, 0.12
CACHED_TARGET, FLAT_TARGET, MIXED_TARGET, VOTES_PER_SECOND = 0.5, 1.2, 0.7, 5


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


def wrk(url, connections, duration, script=None, env=None, headers=()):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
    for header in headers:
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


RATING_COUNT = re.compile(r"</strong> — ([\d\s\xa0]+) ocen")


class Voter(threading.Thread):
    """Votes on one post VOTES_PER_SECOND times a second, each from a new visitor behind the proxy;
    after each vote's answer, reads the post page as an anonymous reader and checks that it shows
    at least as many votes as were answered by then."""

    def __init__(self, base, path):
        super().__init__(daemon=True)
        self.host, self.path = urlparse(base).netloc, path
        self.stop = threading.Event()
        self.votes = self.stale = self.failed = self.checked = self.initial = 0
        self.address = random.randrange(1 << 20)
        self.lock = threading.Lock()
        self.checks = []

    def _request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response, response.read().decode()
        finally:
            conn.close()

    def _count(self, html):
        match = RATING_COUNT.search(html)
        return int(re.sub(r"\D", "", match.group(1))) if match else 0

    def _check(self, expected):
        seen = self._count(self._request("GET", self.path)[1])
        with self.lock:
            self.checked += 1
            if seen < expected:
                self.stale += 1

    def _vote(self, address, token, secret):
        a = address
        response, _ = self._request(
            "POST",
            self.path + "ocena/",
            body=urlencode({"csrfmiddlewaretoken": token, "value": "4"}),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={secret}",
                "X-Forwarded-For": f"10.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}",
            },
        )
        with self.lock:
            if response.status != 302:
                self.failed += 1
                return
            self.votes += 1
            expected = self.initial + self.votes  # every vote answered so far
        self._check(expected)

    def run(self):
        response, html = self._request("GET", self.path)
        secret = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie") or "").group(1)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        self.initial = self._count(html)
        next_at = time.monotonic()
        while not self.stop.is_set():
            # Each vote in a thread of its own: a slow answer never delays the next vote.
            self.address += 1
            vote = threading.Thread(target=self._vote, args=(self.address, token, secret), daemon=True)
            vote.start()
            self.checks.append(vote)
            next_at += 1 / VOTES_PER_SECOND
            self.stop.wait(max(0.0, next_at - time.monotonic()))
        for vote in self.checks:
            vote.join(timeout=60)


def mixed(base, static_path, readers, hot_path, args):
    static_rounds, mixed_rounds, voters = [], [], []
    paths = " ".join(readers.values())
    for _ in range(args.rounds):
        static_rounds.append(wrk(base + static_path, 16, args.duration))
        voter = Voter(base, hot_path)
        started = time.monotonic()
        voter.start()
        mixed_rounds.append(
            wrk(
                base + "/",
                16,
                args.mixed_duration,
                script=BASE / "bench" / "mixed.lua",
                env={**os.environ, "BENCH_PATHS": paths},
            )
        )
        voter.stop.set()
        voter.seconds = time.monotonic() - started  # the votes were sent during this time
        voter.join(timeout=90)
        voters.append(voter)
    result = summarise(mixed_rounds, static_rounds)
    result.update(
        votes=sum(v.votes for v in voters),
        votes_per_second=sum(v.votes for v in voters) / sum(v.seconds for v in voters),
        stale_reads=sum(v.stale for v in voters),
        checked_reads=sum(v.checked for v in voters),
        failed_votes=sum(v.failed for v in voters),
        readers=list(readers),
        hot=hot_path,
    )
    print(
        f"  readers {result['rps']:.0f} req/s ({result['ratio_to_static']:.3f}× static), "
        f"{result['votes_per_second']:.1f} votes/s, {result['stale_reads']} stale reads",
        flush=True,
    )
    return result


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
    parser.add_argument("--quick", action="store_true", help="1 round of 2 s per page, short mixed run and soak")
    parser.add_argument("--modes", default=",".join(MODES), help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--duration", type=int, default=3, help="seconds per round at 16 connections")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per page, each after a static round")
    parser.add_argument("--mixed-duration", type=int, default=10, help="seconds per round of the mixed run")
    parser.add_argument("--soak", type=int, default=30, help="seconds of the 64-connection run (cached mode)")
    parser.add_argument("--reuse", action="store_true", help="reuse a filled benchmark database")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.rounds, args.mixed_duration, args.soak = 2, 1, 5, 5
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
        # The voter of the mixed run stands behind this "proxy": each vote from its own address.
        "TRUSTED_PROXIES": "127.0.0.1",
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
    pages = json.loads(manage(env, "bench_fill", "--urls", capture=True))
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
    cold_pages = {name: pages[name] for name in COLD_PAGES}
    report = {"args": vars(args)}
    lines = [
        f"Benchmark {datetime.datetime.now():%Y-%m-%d %H:%M}, gunicorn, 16 connections, "
        f"{args.rounds} × {args.duration} s per page, each round after a static round"
    ]
    targets = []

    if "cached" in modes or "mixed" in modes:
        with gunicorn({**env, "PAGECACHE_ENABLED": "1"}, static_path) as base:
            if "cached" in modes:
                print("Cached pages (page cache on, anonymous):", flush=True)
                warm(base, pages.values())
                junk_name = "home, junk query /?x=N"
                measured = {**pages, junk_name: ("/", BASE / "bench" / "junk.lua")}  # a new /?x=N each request
                cached = alternate(base, static_path, measured, args)
                soak = wrk(
                    base + "/",
                    64,
                    args.soak,
                    script=BASE / "bench" / "mixed.lua",
                    env={**os.environ, "BENCH_PATHS": " ".join(pages.values())},
                )
                report["cached"], report["soak_64"] = cached, soak
                lines += table("Cached (page cache on, anonymous readers)", cached)
                lines.append(
                    f"64 connections, {args.soak} s, all pages: {soak['rps']:.0f} req/s, "
                    f"p99 {soak['p99_ms']:.1f} ms, {soak['errors']} errors"
                )
                worst = min(r["ratio_to_static"] for r in cached.values())
                junk = cached[junk_name]
                junk["ratio_to_hit"] = junk["ratio_to_static"] / cached["home"]["ratio_to_static"]
                targets += [
                    f"cached: every page >= {CACHED_TARGET}× static: {verdict(worst >= CACHED_TARGET)} "
                    f"(worst {worst:.2f})",
                    f"cached: junk query strings cost a hit: {verdict(junk['ratio_to_hit'] >= 0.8)} "
                    f"({junk['ratio_to_hit']:.2f}× the rate of a hit on /)",
                    f"cached: no errors at 64 connections: {verdict(soak['errors'] == 0)}",
                ]
            if "mixed" in modes:
                print("Mixed (page cache on, 16 readers, 5 votes/s on one post):", flush=True)
                readers = {name: path for name, path in pages.items() if name != "post"}
                warm(base, readers.values())
                result = mixed(base, static_path, readers, pages["post"], args)
                report["mixed"] = result
                lines.append(
                    f"Mixed: {result['rps']:.0f} req/s over {', '.join(readers)} = "
                    f"{result['ratio_to_static']:.3f}× static while {result['votes_per_second']:.1f} votes/s "
                    f"landed on {result['hot']}; {result['stale_reads']} stale reads after {result['votes']} votes, "
                    f"{result['failed_votes']} failed"
                )
                fast = result["ratio_to_static"] >= MIXED_TARGET
                busy = result["votes_per_second"] >= 0.9 * VOTES_PER_SECOND
                targets += [
                    f"mixed: other pages >= {MIXED_TARGET}× static under {VOTES_PER_SECOND} votes/s: "
                    f"{verdict(fast and busy)}"
                    f" ({result['ratio_to_static']:.2f}×, {result['votes_per_second']:.1f} votes/s)",
                    f"mixed: every read after a vote's answer shows it: "
                    f"{verdict(result['stale_reads'] == 0 and result['votes'] > 0 and result['failed_votes'] == 0)}"
                    f" ({result['stale_reads']} stale of {result['votes']})",
                ]

    if {"cold", "signed-in", "series"} & set(modes):
        with gunicorn({**env, "PAGECACHE_ENABLED": "0"}, static_path) as base:
            if "cold" in modes:
                print("Cold (page cache off):", flush=True)
                warm(base, cold_pages.values())
                cold = alternate(base, static_path, cold_pages, args)
                report["cold"] = cold
                lines += table("Cold (page cache off, anonymous readers)", cold)
                for name, r in cold.items():
                    ratio = r["ratio_to_static"]
                    targets.append(
                        f"cold: {name} >= {COLD_TARGET}× static: {verdict(ratio >= COLD_TARGET)} "
                        f"({ratio:.3f}×; floor {COLD_FLOOR}: {verdict(ratio >= COLD_FLOOR)})"
                    )
            if "signed-in" in modes:
                print("Signed-in reader (never cached):", flush=True)
                headers = [f"Cookie: {session_cookie}"]
                warm(base, cold_pages.values(), headers)
                signed_in = alternate(base, static_path, cold_pages, args, headers=headers)
                report["signed_in"] = signed_in
                lines += table("Signed-in reader", signed_in)
                for name, r in signed_in.items():
                    ratio = r["ratio_to_static"]
                    targets.append(
                        f"signed-in: {name} >= {SIGNED_IN_TARGET}× static: "
                        f"{verdict(ratio >= SIGNED_IN_TARGET)} ({ratio:.3f}×)"
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
