"""make bench: fill a separate database, serve it with gunicorn as in production, measure with wrk.

Prints requests/s, p50/p99 latency and errors per page, each page's ratio to a
static file served by whitenoise in the same server, then runs 64 connections
for 60 s across all pages; writes everything to bench/results/.

    python bench/run.py [--duration 10] [--soak 60] [--reuse]
"""

import argparse
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import psycopg

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
RESULTS = BASE / "bench" / "results"
PY = sys.executable
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BENCH_DB = "partnerstwo_bench"


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


def parse_latency(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, connections, duration, script=None, env=None):
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "5s"]
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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--duration", type=int, default=10, help="seconds per page at 16 connections")
    parser.add_argument("--soak", type=int, default=60, help="seconds of the 64-connection run")
    parser.add_argument("--reuse", action="store_true", help="reuse a filled benchmark database")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: install it (apt-get install wrk); make bench does this when run as root.")

    admin_url, bench_url = admin_and_bench_urls()
    env = {
        **os.environ,
        "DATABASE_URL": bench_url,
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
        print(f"  filled in {time.monotonic() - started:.0f} s")
    manage(env, "collectstatic", "--no-input", "-v", "0")
    pages = json.loads(manage(env, "bench_fill", "--urls", capture=True))
    static_path = manage(
        env,
        "shell",
        "--no-imports",
        "-c",
        "from django.contrib.staticfiles.storage import staticfiles_storage as s; print(s.url('css/site.css'))",
        capture=True,
    ).strip()

    gunicorn_args = [str(Path(PY).parent / "gunicorn"), "partnerstwo.wsgi", "--bind", f"127.0.0.1:{PORT}"]
    if (BASE / "gunicorn.conf.py").exists():
        gunicorn_args += ["--config", str(BASE / "gunicorn.conf.py")]
    else:
        gunicorn_args += ["--workers", os.environ.get("WEB_CONCURRENCY", "4")]
    server = subprocess.Popen(gunicorn_args, cwd=BASE, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{PORT}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + static_path, timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        targets = {"static file": static_path, **pages}
        for path in targets.values():  # warm up: first render, cache fill
            urllib.request.urlopen(base + path, timeout=10).read()

        results = {}
        for name, path in targets.items():
            results[name] = {"path": path, **wrk(base + path, 16, args.duration)}
            print(f"  measured {name}: {results[name]['rps']:.0f} req/s", flush=True)
        static_rps = results["static file"]["rps"]
        for r in results.values():
            r["ratio_to_static"] = r["rps"] / static_rps
        soak = wrk(
            base + "/",
            64,
            args.soak,
            script=BASE / "bench" / "mixed.lua",
            env={**os.environ, "BENCH_PATHS": " ".join(targets.values())},
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    lines = [
        f"Benchmark {datetime.datetime.now():%Y-%m-%d %H:%M}, gunicorn, 16 connections, {args.duration} s per page",
        f"{'page':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'× static':>10}",
    ]
    for name, r in results.items():
        lines.append(
            f"{name:<22}{r['rps']:>9.0f}{r['p50_ms']:>9.2f}{r['p99_ms']:>9.2f}{r['errors']:>8}"
            f"{r['ratio_to_static']:>10.2f}"
        )
    lines.append(
        f"64 connections, {args.soak} s, all pages: {soak['rps']:.0f} req/s, "
        f"p99 {soak['p99_ms']:.1f} ms, {soak['errors']} errors"
    )
    worst = min(r["ratio_to_static"] for n, r in results.items() if n != "static file")
    slowest = max(r["p99_ms"] for r in results.values())
    lines.append(
        f"Targets: every page >= 0.5× static ({'met' if worst >= 0.5 else 'MISSED'}, worst {worst:.2f}), "
        f"p99 < 100 ms ({'met' if slowest < 100 else 'MISSED'}, worst {slowest:.1f}), "
        f"no errors at 64 ({'met' if soak['errors'] == 0 else 'MISSED'})"
    )
    report = "\n".join(lines)
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.json").write_text(json.dumps({"pages": results, "soak_64": soak}, indent=2))
    (RESULTS / f"bench-{stamp}.txt").write_text(report + "\n")
    print(f"Results written to bench/results/bench-{stamp}.txt and .json")


if __name__ == "__main__":
    main()
