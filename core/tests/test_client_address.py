"""Which address a limit counts: the visitor's, never one a visitor can make up."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from core.clientip import client_ip

PROXY = "10.0.1.5"


def request_from(remote_addr, forwarded_for=None):
    headers = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **headers)


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = [PROXY]


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_spoofed_header_from_a_visitor_who_is_not_a_proxy_is_ignored(behind_proxy):
    assert client_ip(request_from("203.0.113.7", "198.51.100.1")) == "203.0.113.7"
    assert client_ip(request_from("203.0.113.7", PROXY)) == "203.0.113.7"


def test_the_header_written_by_a_trusted_proxy_names_the_visitor(behind_proxy):
    assert client_ip(request_from(PROXY, "198.51.100.1")) == "198.51.100.1"


def test_what_a_visitor_put_in_front_of_the_proxys_entry_is_not_believed(behind_proxy):
    # nginx's $proxy_add_x_forwarded_for appends the real peer to whatever the visitor sent.
    assert client_ip(request_from(PROXY, "1.1.1.1, 198.51.100.1")) == "198.51.100.1"
    assert client_ip(request_from(PROXY, f"{PROXY}, 198.51.100.1")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_is_walked_from_the_right(settings):
    settings.TRUSTED_PROXIES = ["10.0.1.0/24", "192.0.2.10"]
    # visitor → load balancer 192.0.2.10 → nginx 10.0.1.5 → gunicorn
    assert client_ip(request_from("10.0.1.5", "198.51.100.1, 192.0.2.10")) == "198.51.100.1"
    assert client_ip(request_from("10.0.1.5", "6.6.6.6, 198.51.100.1, 192.0.2.10, 10.0.1.9")) == "198.51.100.1"


def test_a_chain_of_trusted_proxies_only_ends_at_the_nearest_stranger(settings):
    settings.TRUSTED_PROXIES = ["10.0.1.0/24"]
    # 192.0.2.10 is not ours: it may have written anything on its left.
    assert client_ip(request_from("10.0.1.5", "198.51.100.1, 192.0.2.10")) == "192.0.2.10"


def test_a_request_that_passed_only_through_proxies_gets_the_farthest_one(behind_proxy, settings):
    settings.TRUSTED_PROXIES = ["10.0.1.0/24"]
    assert client_ip(request_from("10.0.1.5", "10.0.1.6")) == "10.0.1.6"


def test_an_empty_or_missing_header_through_the_proxy_gives_the_proxy(behind_proxy):
    assert client_ip(request_from(PROXY)) == PROXY
    assert client_ip(request_from(PROXY, "")) == PROXY
    assert client_ip(request_from(PROXY, " , ")) == PROXY


@pytest.mark.parametrize("garbage", ["nonsense", "999.1.1.1", "<script>", "1.2.3.4.5", "unknown", "::zz"])
def test_a_malformed_entry_stops_the_walk_at_the_last_address_vouched_for(behind_proxy, garbage):
    assert client_ip(request_from(PROXY, garbage)) == PROXY
    # Left of the visitor's real address, garbage is never read at all.
    assert client_ip(request_from(PROXY, f"{garbage}, 198.51.100.1")) == "198.51.100.1"


def test_addresses_with_ports_brackets_and_ipv6(settings):
    settings.TRUSTED_PROXIES = [PROXY, "2001:db8::/64"]
    assert client_ip(request_from(PROXY, "198.51.100.1:4711")) == "198.51.100.1"
    assert client_ip(request_from(PROXY, "[2001:db8:1::7]:443")) == "2001:db8:1::7"
    assert client_ip(request_from("2001:db8::5", "2001:DB8:2::1")) == "2001:db8:2::1"
    assert client_ip(request_from("::ffff:10.0.1.5", "198.51.100.1")) == "198.51.100.1"


def test_a_missing_or_malformed_remote_addr_gives_no_address(behind_proxy):
    assert client_ip(request_from("")) is None
    assert client_ip(request_from("not-an-address", "198.51.100.1")) is None


def test_a_bad_trusted_proxy_setting_is_refused(settings):
    settings.TRUSTED_PROXIES = ["10.0.1.300"]
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        client_ip(request_from(PROXY))
