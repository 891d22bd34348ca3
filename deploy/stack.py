"""Run the production layout of deploy/ on this machine, on 127.0.0.1 only.

    bin/stack            # start everything, print the addresses, stop on Ctrl-C

nginx (the Debian package) with the shipped site (deploy/nginx/, rendered by
render_site) in front of two gunicorn instances, each with a DATA_DIR of its own,
on one PostgreSQL (DATABASE_URL, or the embedded server), a Redis server as
CACHE_URL and an S3-compatible server for uploaded files (moto in server mode,
from requirements/system.txt). Every port is a free one picked at start; every file
is in a temporary folder that is removed at stop. deploy/tests/ starts it the
same way (Stack as a context manager) and stops it after the tests.

Needs: apt-get install nginx redis-server openssl; make install-test.
"""

import ipaddress
import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
NGINX_DIR = BASE_DIR / "deploy" / "nginx"
VENV_BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
# The proxy's own address, as the application servers see it.
PROXY_ADDRESS = HOST
BUCKET = "partnerstwo-media"


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _swap(text, old, new, name):
    if old not in text:
        raise ValueError(f"{name}: {old!r} is no longer in the shipped file; update deploy/stack.py render_site")
    return text.replace(old, new)


def render_site(*, upstreams, http_port, https_port, certificate, key, snippets_dir, static_root, media_root):
    """The shipped nginx files with this machine's ports and paths: {file name: text}.

    Only addresses, ports and paths change; every directive is the shipped one.
    """
    site = (NGINX_DIR / "partnerstwo.conf").read_text()
    for shipped, address in zip(["10.0.1.11:8000", "10.0.1.12:8000"], upstreams, strict=True):
        site = _swap(site, f"server {shipped} ", f"server {address} ", "partnerstwo.conf")
    site = _swap(site, "    listen [::]:80;\n", "", "partnerstwo.conf")
    site = _swap(site, "    listen [::]:443 ssl http2;\n", "", "partnerstwo.conf")
    site = _swap(site, "listen 80;", f"listen {HOST}:{http_port};", "partnerstwo.conf")
    site = _swap(site, "listen 443 ssl http2;", f"listen {HOST}:{https_port} ssl http2;", "partnerstwo.conf")
    site = _swap(site, "/etc/ssl/partnerstwo/fullchain.pem", str(certificate), "partnerstwo.conf")
    site = _swap(site, "/etc/ssl/partnerstwo/privkey.pem", str(key), "partnerstwo.conf")
    site = _swap(site, "/etc/nginx/snippets/", f"{snippets_dir}/", "partnerstwo.conf")
    locations = (NGINX_DIR / "partnerstwo-locations.conf").read_text()
    locations = _swap(locations, "/etc/nginx/snippets/", f"{snippets_dir}/", "partnerstwo-locations.conf")
    locations = _swap(locations, "/srv/partnerstwo/staticfiles/", f"{static_root}/", "partnerstwo-locations.conf")
    locations = _swap(locations, "/var/lib/partnerstwo/media/", f"{media_root}/", "partnerstwo-locations.conf")
    proxy = (NGINX_DIR / "partnerstwo-proxy.conf").read_text()
    return {"partnerstwo.conf": site, "partnerstwo-locations.conf": locations, "partnerstwo-proxy.conf": proxy}


def _die_with_parent():
    """In the child, before exec: receive SIGTERM when the process that started us dies, so a
    killed test run leaves no server behind (Linux; elsewhere only stop() stops them)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Service:
    """One server process in a session of its own, so stopping it stops its children too."""

    def __init__(self, name, argv, *, env=None, cwd=None, log):
        self.name, self.argv, self.env, self.cwd, self.log = name, argv, env, cwd, log
        self.process = None

    def start(self):
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=self.cwd,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    @property
    def running(self):
        return self.process is not None and self.process.poll() is None

    def check_alive(self):
        if self.process is not None and self.process.poll() is not None:
            tail = Path(self.log).read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{self.name} exited with status {self.process.returncode}:\n{tail}")

    def stop(self, timeout=20):
        if self.process is None:
            return
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 10)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                pass
            try:
                self.process.wait(timeout=wait)
                break
            except subprocess.TimeoutExpired:
                continue
        # Children the leader left behind (a gunicorn worker, an nginx worker).
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _wait_until(check, service, what, timeout=60):
    deadline = time.monotonic() + timeout
    while True:
        service.check_alive()
        try:
            if check():
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not start within {timeout} s (log: {service.log})")
        time.sleep(0.1)


def _http_ok(url, context=None):
    with urllib.request.urlopen(url, timeout=5, context=context) as response:
        return response.status == 200


class Instance:
    def __init__(self, number, port, data_dir, service):
        self.number, self.port, self.data_dir, self.service = number, port, data_dir, service
        self.url = f"http://{HOST}:{port}"
        self.access_log = data_dir / "access.log"

    def requests_served(self):
        """Requests this instance answered so far (lines of its access log)."""
        try:
            return len(self.access_log.read_bytes().splitlines())
        except FileNotFoundError:
            return 0


class Stack:
    """nginx → two gunicorn instances → PostgreSQL, Redis, S3; all on 127.0.0.1.

    def interrupt(signum, frame):
        # SIGTERM (systemd, partnerstwo.db exec) stops as Ctrl-C does; once: stopping is not interrupted.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)
    with Stack(database_url) as stack:
        stack.url            # https://127.0.0.1:PORT (nginx, the site as readers get it)
        stack.http_url       # http://127.0.0.1:PORT (nginx's plain-HTTP server)
        stack.instances[0]   # .url: that gunicorn directly; .service.stop() stops it
    """

    def __init__(self, database_url, *, instances=2, workers=2, env=None, root=None, static_root=None):
        self.database_url = database_url
        self.shared_static_root = Path(static_root) if static_root else None
        self.instance_count, self.workers = instances, workers
        self.extra_env = dict(env or {})
        self.root = Path(root) if root else None
        self.services, self.instances = [], []

    # The environment of every application server: what /etc/partnerstwo.env holds in production.
    def app_env(self, data_dir=None):
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("S3_", "EMAIL_", "PAGECACHE_", "GUNICORN_", "DJANGO_"))
        }
        env.update(
            {
                "PRODUCTION": "1",
                "DEBUG": "0",
                "SECRET_KEY": self.secret_key,
                "ALLOWED_HOSTS": f"{HOST},localhost",
                "CSRF_TRUSTED_ORIGINS": self.url,
                "SITE_URL": self.url,
                "TRUSTED_PROXIES": PROXY_ADDRESS,
                "DATABASE_URL": self.database_url,
                "CACHE_URL": f"redis://{HOST}:{self.redis_port}/0",
                "S3_BUCKET": BUCKET,
                "S3_ENDPOINT_URL": self.s3_url,
                "S3_REGION": "us-east-1",
                "S3_ACCESS_KEY_ID": "stack",
                "S3_SECRET_ACCESS_KEY": "stack",
                "STATIC_ROOT": str(self.static_root),
                "EMAIL_BACKEND": "file",
                "LOG_LEVEL": "WARNING",
                "WEB_CONCURRENCY": str(self.workers),
            }
        )
        if data_dir is not None:
            env["DATA_DIR"] = str(data_dir)
            env["EMAIL_FILE_PATH"] = str(data_dir / "mail")
        env.update(self.extra_env)
        return env

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self):
        for program in ("nginx", "redis-server", "openssl"):
            if not shutil.which(program) and not Path("/usr/sbin", program).exists():
                raise RuntimeError(f"{program} is missing: apt-get install nginx redis-server openssl")
        self.dir = Path(tempfile.mkdtemp(prefix="partnerstwo-stack-", dir=self.root))
        self.secret_key = os.urandom(32).hex()
        self.redis_port, self.s3_port = free_port(), free_port()
        self.http_port, self.https_port = free_port(), free_port()
        self.url = f"https://{HOST}:{self.https_port}"
        self.http_url = f"http://{HOST}:{self.http_port}"
        self.s3_url = f"http://{HOST}:{self.s3_port}"
        # Collected once per release; several stacks (tests) may share one collection.
        self.static_root = self.shared_static_root or self.dir / "static"
        self.media_root = self.dir / "media"  # /media/ on nginx; with S3 nothing lands here
        self.media_root.mkdir()
        self._start_redis()
        self._start_s3()
        self._collect_static()
        ports = [free_port() for _ in range(self.instance_count)]
        for number, port in enumerate(ports, 1):
            self._start_instance(number, port)
        self._start_nginx(ports)
        for instance in self.instances:
            _wait_until(
                lambda i=instance: _http_ok(i.url + "/health/"), instance.service, f"gunicorn {instance.number}"
            )
        _wait_until(lambda: _http_ok(self.url + "/health/", self.ssl_context()), self.nginx, "nginx")

    def ssl_context(self):
        """A TLS context that trusts the stack's self-signed certificate (and nothing else)."""
        return ssl.create_default_context(cafile=self.certificate)

    def _service(self, name, argv, **kwargs):
        service = Service(name, argv, log=self.dir / f"{name}.log", **kwargs)
        self.services.append(service)
        service.start()
        return service

    def _start_redis(self):
        redis = self._service(
            "redis",
            [
                shutil.which("redis-server") or "/usr/bin/redis-server",
                "--bind",
                HOST,
                "--port",
                str(self.redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
                "--daemonize",
                "no",
            ],
        )

        def pong():
            with socket.create_connection((HOST, self.redis_port), timeout=2) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")

        _wait_until(pong, redis, "redis-server")

    def _start_s3(self):
        s3 = self._service("s3", [str(VENV_BIN / "moto_server"), "-H", HOST, "-p", str(self.s3_port)])
        _wait_until(lambda: urllib.request.urlopen(self.s3_url, timeout=2).status == 200, s3, "moto_server")
        import boto3

        client = boto3.client(
            "s3",
            endpoint_url=self.s3_url,
            region_name="us-east-1",
            aws_access_key_id="stack",
            aws_secret_access_key="stack",
        )
        client.create_bucket(Bucket=BUCKET)
        # Uploaded files are public (pages link to the bucket), as README.md asks of a real bucket.
        client.put_bucket_policy(
            Bucket=BUCKET,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Allow",
                            "Principal": "*",
                            "Action": "s3:GetObject",
                            "Resource": f"arn:aws:s3:::{BUCKET}/*",
                        }
                    ],
                }
            ),
        )

    def _collect_static(self):
        if (self.static_root / "staticfiles.json").exists():
            return
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=BASE_DIR,
            env=self.app_env(),
            check=True,
        )

    def _start_instance(self, number, port):
        data_dir = self.dir / f"instance{number}"
        data_dir.mkdir()
        env = self.app_env(data_dir)
        env["GUNICORN_BIND"] = f"{HOST}:{port}"
        env["GUNICORN_ACCESS_LOG"] = str(data_dir / "access.log")
        service = self._service(
            f"gunicorn{number}", [str(VENV_BIN / "gunicorn"), "partnerstwo.wsgi"], env=env, cwd=BASE_DIR
        )
        self.instances.append(Instance(number, port, data_dir, service))

    def _start_nginx(self, ports):
        conf = self.dir / "nginx"
        for sub in ("snippets", "temp"):
            (conf / sub).mkdir(parents=True)
        key, certificate = conf / "privkey.pem", conf / "fullchain.pem"
        self.certificate = certificate
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "1",
                "-subj",
                f"/CN={HOST}",
                "-addext",
                f"subjectAltName=IP:{HOST}",
                "-keyout",
                str(key),
                "-out",
                str(certificate),
            ],
            check=True,
            capture_output=True,
        )
        files = render_site(
            upstreams=[f"{HOST}:{port}" for port in ports],
            http_port=self.http_port,
            https_port=self.https_port,
            certificate=certificate,
            key=key,
            snippets_dir=conf / "snippets",
            static_root=self.static_root,
            media_root=self.media_root,
        )
        (conf / "partnerstwo.conf").write_text(files.pop("partnerstwo.conf"))
        for name, text in files.items():
            (conf / "snippets" / name).write_text(text)
        temp = conf / "temp"
        user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must read the stack's folders
        (conf / "nginx.conf").write_text(
            f"{user}worker_processes 1;\npid {conf}/nginx.pid;\nerror_log {self.dir}/nginx-error.log warn;\n"
            "daemon off;\nevents { worker_connections 256; }\n"
            "http {\n"
            "    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log {self.dir}/nginx-access.log;\n"
            f"    client_body_temp_path {temp}/body;\n    proxy_temp_path {temp}/proxy;\n"
            f"    fastcgi_temp_path {temp}/fastcgi;\n    uwsgi_temp_path {temp}/uwsgi;\n"
            f"    scgi_temp_path {temp}/scgi;\n"
            "    sendfile on;\n"
            f"    include {conf}/partnerstwo.conf;\n"
            "}\n"
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        argv = [nginx, "-p", str(conf), "-e", str(self.dir / "nginx-error.log"), "-c", str(conf / "nginx.conf")]
        test = subprocess.run([*argv, "-t", "-q"], capture_output=True, text=True)
        if test.returncode:
            raise RuntimeError(f"nginx refused the rendered site:\n{test.stderr}")
        self.nginx = self._service("nginx", argv)

    def stop_instance(self, instance):
        """Stop one gunicorn as systemd would (SIGTERM: requests in flight finish)."""
        instance.service.stop()

    def start_instance(self, instance):
        if not instance.service.running:
            instance.service.start()
        _wait_until(lambda: _http_ok(instance.url + "/health/"), instance.service, f"gunicorn {instance.number}")

    def listening_addresses(self):
        """(address, port) of every TCP socket any process of the stack listens on (Linux /proc)."""
        groups = {service.process.pid for service in self.services if service.running}
        inodes = set()
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                pgrp = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
                if pgrp in groups:
                    for fd in (proc / "fd").iterdir():
                        target = os.readlink(fd)
                        if target.startswith("socket:["):
                            inodes.add(target[8:-1])
            except (OSError, IndexError, ValueError):
                continue
        found = set()
        for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[3] != "0A" or fields[9] not in inodes:  # 0A: LISTEN
                    continue
                address, port = fields[1].split(":")
                raw = bytes.fromhex(address)
                # /proc prints each 32-bit word in host (little-endian) order.
                raw = b"".join(raw[i : i + 4][::-1] for i in range(0, width, 4))
                found.add((str(ipaddress.ip_address(raw)), int(port, 16)))
        return found

    def log_tails(self, size=4000):
        """The end of every server's log, for a failing test's report."""
        tails = []
        for path in sorted(self.dir.glob("*.log")) if getattr(self, "dir", None) else []:
            text = path.read_text(errors="replace")[-size:].strip()
            if text:
                tails.append(f"== {path.name}\n{text}")
        return "\n".join(tails)

    def stop(self):
        for service in reversed(self.services):
            service.stop()
        self.services = []
        if getattr(self, "dir", None):
            shutil.rmtree(self.dir, ignore_errors=True)
            self.dir = None


def main():
    database_url = os.environ.get("DATABASE_URL")
    if not database_url:
        from partnerstwo import db

        database_url = db.database_url()
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=BASE_DIR, env=env, check=True)

    def interrupt(signum, frame):
        # SIGTERM (systemd, partnerstwo.db exec) stops as Ctrl-C does; once: stopping is not interrupted.
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, interrupt)
    with Stack(database_url) as stack:
        print(f"\n  Portal (nginx, HTTPS, self-signed): {stack.url}/")
        print(f"  nginx plain HTTP (redirect, /health/): {stack.http_url}/")
        for instance in stack.instances:
            print(f"  gunicorn {instance.number}: {instance.url}/  (DATA_DIR {instance.data_dir})")
        print(f"  Redis: redis://{HOST}:{stack.redis_port}/0   S3 (moto): {stack.s3_url}/{BUCKET}")
        print(f"  Logs: {stack.dir}/\n\n  Ctrl-C stops everything.\n")
        try:
            while all(service.running for service in stack.services):
                time.sleep(1)
            print("A server stopped; stopping the rest.", file=sys.stderr)
        except KeyboardInterrupt:
            print("\nStopping…")


if __name__ == "__main__":
    main()
