"""The visitor's address, the same for every limit (ours and allauth's).

Behind a reverse proxy every request comes from the proxy: REMOTE_ADDR is
its address, and the visitor's is in X-Forwarded-For, which each proxy
extends with the address it received the request from. Anyone can send that
header too, so it is believed only as far as it was written by our own
proxies (TRUSTED_PROXIES, addresses or networks):

- when REMOTE_ADDR is not a trusted proxy, the header is ignored and
  REMOTE_ADDR is the client;
- otherwise the header is read from the right, skipping addresses of
  trusted proxies; the first other address is the client. Whatever stands
  left of it was written by the client and is never looked at.

A value a trusted proxy could not have written (not an address) ends the
walk: the last address we could vouch for is used, never a guess.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def _networks(proxies):
    networks = []
    for value in proxies:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES: {value!r} is not an address or network (e.g. 10.0.0.5, 10.0.0.0/24)"
            ) from None
    return tuple(networks)


def trusted_networks():
    """The networks of TRUSTED_PROXIES, parsed (ImproperlyConfigured on a bad entry)."""
    return _networks(tuple(getattr(settings, "TRUSTED_PROXIES", ())))


def parse_address(value):
    """An IP address from a header or REMOTE_ADDR value, or None.

    Accepts what proxies write: "192.0.2.1", "2001:db8::1", "[2001:db8::1]",
    and with a port "192.0.2.1:4711" or "[2001:db8::1]:4711".
    """
    value = (value or "").strip()
    if value.startswith("["):
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address


def _is_trusted(address, networks):
    return any(address in network for network in networks)


def client_ip(request):
    """The visitor's address as text, or None when even REMOTE_ADDR is missing or malformed."""
    peer = parse_address(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return None
    networks = trusted_networks()
    if not networks or not _is_trusted(peer, networks):
        return str(peer)
    client = peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        if not hop.strip():
            continue
        address = parse_address(hop)
        if address is None:
            break
        client = address
        if not _is_trusted(address, networks):
            break
    return str(client)
