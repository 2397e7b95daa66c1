"""Outbound HTTP to addresses other people give us (webhook URLs): public http(s) only, bounded, no redirects.

The host name is resolved once, every address it resolves to must be public
(no loopback, private, link-local, multicast or reserved ranges; loopback is
allowed only with ``FACTCHECK_OUTBOUND_ALLOW_LOOPBACK``, for tests), and the
connection goes to the checked address, so a second DNS answer cannot send
the request somewhere else. Redirects are not followed; the answer is read up
to ``MAX_RESPONSE_BYTES``; connecting and reading each time out.
"""

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

MAX_RESPONSE_BYTES = 64 * 1024


class OutboundRefused(Exception):
    """The URL may not be fetched (scheme, address); the message says why."""


@dataclass(frozen=True)
class Target:
    scheme: str
    host: str
    port: int
    path: str
    address: str


def check_url(url):
    """The ``Target`` for ``url`` after DNS resolution, or ``OutboundRefused``."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise OutboundRefused(f"Not a valid URL: {error}.") from None
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise OutboundRefused("Only http and https URLs are allowed.")
    if parts.username or parts.password:
        raise OutboundRefused("URLs with credentials are not allowed.")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise OutboundRefused(f"The host {parts.hostname} does not resolve.") from None
    addresses = {info[4][0] for info in infos}
    for address in addresses:
        refuse_address(ipaddress.ip_address(address.split("%")[0]))
    path = parts.path or "/"
    if parts.query:
        path += f"?{parts.query}"
    return Target(parts.scheme, parts.hostname, port, path, sorted(addresses)[0])


def refuse_address(address):
    if address.is_loopback and settings.FACTCHECK_OUTBOUND_ALLOW_LOOPBACK:
        return
    if not address.is_global or address.is_multicast:
        raise OutboundRefused(f"{address} is not a public address.")


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes


def post(url, body, headers, *, timeout):
    """POST ``body`` to ``url`` (checked first); returns the ``Answer``. Network errors raise ``OSError``."""
    target = check_url(url)
    connection = _connection(target, timeout)
    try:
        connection.request("POST", target.path, body=body, headers={"Host": target.host, **headers})
        response = connection.getresponse()
        return Answer(response.status, response.read(MAX_RESPONSE_BYTES))
    finally:
        connection.close()


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, target, timeout):
        super().__init__(target.address, target.port, timeout=timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to the checked address, verifying the certificate for the host name."""

    def __init__(self, target, timeout):
        super().__init__(target.address, target.port, timeout=timeout, context=ssl.create_default_context())
        self.server_name = target.host

    def connect(self):
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.server_name)


def _connection(target, timeout):
    kind = _PinnedHTTPSConnection if target.scheme == "https" else _PinnedHTTPConnection
    return kind(target, timeout)
