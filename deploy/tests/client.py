"""A small HTTP client for the stack's tests: cookies, forms, its own source address."""

import http.client
import re
import urllib.parse
import uuid
from http.cookies import SimpleCookie

STAFF_EMAIL, STAFF_PASSWORD = "sekretariat@pup.example", "haslo-sekretariatu-42"


class Visitor:
    """A browser of sorts: keeps cookies, connects from its own address (127.0.0.x)."""

    def __init__(self, base, source="127.0.0.1", headers=None, context=None):
        parts = urllib.parse.urlsplit(base)
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, parts.port
        self.source, self.headers, self.cookies = source, dict(headers or {}), {}
        self.form_token = None
        self.context = context

    def request(self, method, path, body=None, headers=None):
        if self.scheme == "https":
            connection = http.client.HTTPSConnection(
                self.host,
                self.port,
                timeout=15,
                source_address=(self.source, 0),
                context=self.context,
            )
        else:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=15, source_address=(self.source, 0))
        sent = {**self.headers, **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            response.body = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        response.text = response.body.decode(errors="replace")
        return response

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, files=None, referer=None, **headers):
        if self.form_token is None:
            self.csrf_token(path)
        fields = {"csrfmiddlewaretoken": self.form_token, **fields}
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content, content_type) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n".encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST",
            path,
            body=b"".join(parts),
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": referer or f"https://{self.host}:{self.port}{path}",
                **headers,
            },
        )

    def csrf_token(self, path):
        page = self.get(path)
        self.form_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def through_nginx(stack, source="127.0.0.1"):
    """A visitor coming to the site over HTTPS, from its own address."""
    return Visitor(stack.url, source, context=stack.ssl_context())


def direct(instance, stack, source="127.0.0.1"):
    """A visitor talking to one gunicorn instance as nginx would (HTTPS at the proxy)."""
    return Visitor(instance.url, source, headers={"X-Forwarded-Proto": "https", "Host": "127.0.0.1"})


def sign_in(visitor, stack):
    visitor.csrf_token("/konto/zaloguj/")
    response = visitor.post(
        "/konto/zaloguj/", {"login": STAFF_EMAIL, "password": STAFF_PASSWORD}, referer=stack.url + "/konto/zaloguj/"
    )
    assert response.status == 302, response.text[:2000]
    visitor.csrf_token("/admin/meetings/meeting/add/")
