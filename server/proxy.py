# proxy.py: forwards /attask/... requests to the tenant's real Workfront host, because Workfront sends no CORS
# headers. Never an open proxy: only hosts that match the strict Workfront patterns (or the one --upstream URL),
# no redirects followed (nor passed on to other hosts), bounded bodies and time (per read and in all), a cut-short
# answer is a 502, and only the headers the API needs cross in either direction.
import http.client
import re
import socket
import ssl
import threading
from urllib.parse import urlsplit

from . import errors, httpbody
from . import location as location_rules
from .errors import WFError

DEMO_HOST = "demo.my.workfront.com"
_TENANT = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_WORKFRONT_HOST = re.compile(r"^(%s)\.(?:my|preview|sb01|sb02)\.workfront(?:\.adobe)?\.com$" % _TENANT)
MAX_REQUEST_BODY = 10 * 1024 * 1024
MAX_RESPONSE_BODY = 64 * 1024 * 1024
DEADLINE = 50.0   # seconds for a whole proxied call: under the page's own 60 s, so it sees a clear 504
# Request headers that go to Workfront; everything else (Cookie, Authorization, Origin, X-Workfront-Host, ...)
# stays here.
# Accept-Encoding passes so that a 2000-user page crosses the internet compressed; the browser decodes it.
_FORWARD_REQUEST = ("content-type", "accept", "accept-language", "accept-encoding", "apikey", "sessionid",
                    "x-xsrf-token")
# Response headers that come back; no Set-Cookie (the page is another origin's) and no CORS headers ever.
_FORWARD_RESPONSE = ("content-type", "content-encoding", "retry-after", "cache-control")


def refused(message):
    return WFError(400, errors.PROXY_REFUSED, message, "wfadmin.proxy.refused", "Not a Workfront host")


def unreachable(message, status=502):
    return WFError(status, errors.PROXY_UNREACHABLE, message, "wfadmin.proxy.unreachable", "Workfront unreachable")


def check_host(raw):
    """The lower-cased host when `raw` is a real Workfront host name, else a ProxyRefused error."""
    host = (raw or "").strip()
    if not host:
        raise refused("No Workfront host was given (X-Workfront-Host).")
    if not host.isascii():
        raise refused("%r is not a Workfront host: only plain ASCII host names are accepted." % host)
    host = host.lower()
    m = _WORKFRONT_HOST.match(host)
    if not m or m.group(1).startswith("xn--"):
        raise refused("%s is not a Workfront host. Use <domain>.my.workfront.com (or .my.workfront.adobe.com, "
                      ".preview.workfront.com, .sb01/.sb02.workfront.com)." % host)
    return host


class _Deadline:
    """The whole of one proxied call (connect, send, answer) within `seconds`: when they are up, the socket is shut
    down, which ends any read or write in progress (a per-read timeout alone lets a slow drip go on forever)."""

    def __init__(self, conn, seconds):
        self.conn, self.seconds, self.expired = conn, seconds, False
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def _expire(self):
        self.expired = True
        sock = self.conn.sock
        if sock is not None:
            try:
                socket.socket.shutdown(sock, socket.SHUT_RDWR)   # under TLS too: the TCP stream itself ends
            except OSError:
                pass

    def __enter__(self):
        self._timer.start()
        return self

    def __exit__(self, *exc):
        self._timer.cancel()


class Upstream:
    """Where a tenant's requests go: https://<host> or the fixed --upstream URL."""

    def __init__(self, url=None, timeout=30.0, max_request=MAX_REQUEST_BODY, max_response=MAX_RESPONSE_BODY,
                 deadline=DEADLINE):
        if not timeout > 0 or not deadline > 0:
            raise ValueError("--proxy-timeout and --proxy-deadline must be more than 0 seconds")
        self.timeout, self.max_request, self.max_response = timeout, max_request, max_response
        self.deadline = deadline
        self.fixed = None
        if url:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("--upstream must be an http(s) URL")
            self.fixed = (parts.scheme, parts.hostname, parts.port, parts.path.rstrip("/"))

    def target(self, host):
        if self.fixed:
            return self.fixed
        return ("https", host, None, "")

    def _connection(self, scheme, hostname, port):
        timeout = min(self.timeout, self.deadline)
        if scheme == "https":
            return http.client.HTTPSConnection(hostname, port or 443, timeout=timeout,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(hostname, port or 80, timeout=timeout)

    def forward(self, host, method, path_qs, headers, body):
        """(status, headers dict, body bytes) from Workfront, or a WFError (ProxyRefused/ProxyUnreachable)."""
        if body is not None and len(body) > self.max_request:
            raise WFError(413, errors.PROXY_REFUSED, "The request body is larger than %d bytes." % self.max_request,
                          "wfadmin.proxy.toolarge", "Request too large")
        scheme, hostname, port, base = self.target(host)
        out_headers = {k.lower(): v for k, v in headers.items() if k.lower() in _FORWARD_REQUEST}
        out_headers.setdefault("accept-encoding", "identity")
        out_headers["user-agent"] = "wfadmin-proxy"
        conn = self._connection(scheme, hostname, port)
        try:
            conn.putrequest(method, base + path_qs, skip_host=False, skip_accept_encoding=True)
            for k, v in out_headers.items():
                conn.putheader(k, v)
        except (http.client.InvalidURL, ValueError):   # control characters in the target or a header value
            conn.close()
            raise refused("The request has characters that cannot be sent to Workfront.") from None
        with _Deadline(conn, self.deadline) as deadline:
            try:
                status, resp_headers, location, data = self._exchange(conn, method, body, deadline)
            except socket.gaierror:
                raise unreachable("The domain %s was not found." % host) from None
            except (OSError, http.client.HTTPException, ValueError) as e:
                raise self._failure(host, e, deadline) from None
            finally:
                conn.close()
            if deadline.expired:   # the answer may look whole (read until the close) but was cut off here
                raise self._late(host)
        if 300 <= status < 400 and location:
            return status, self._redirect(host, scheme, hostname, port, base, base + path_qs, location,
                                          resp_headers), data
        return status, resp_headers, data

    def _exchange(self, conn, method, body, deadline):
        """Sends the prepared request and reads the whole answer: (status, headers, Location, body)."""
        conn.connect()
        if deadline.expired:   # it ran out while connecting, before there was a socket to shut down
            raise socket.timeout()
        if body is not None or method.upper() in ("POST", "PUT", "PATCH"):
            conn.putheader("Content-Length", str(len(body or b"")))
        conn.endheaders(body)
        resp = conn.getresponse()
        if resp.chunked and resp.length is None and method.upper() != "HEAD":
            # Read here, strictly: http.client takes a chunk size of -1 as "read to the end", without a bound.
            try:
                data = httpbody.read_chunked(resp.fp, self.max_response)
            except httpbody.BodyTooLarge:
                raise self._too_large() from None
            except httpbody.BadBody as e:
                if e.cut_short:
                    raise http.client.IncompleteRead(b"") from None
                raise http.client.HTTPException(e.message) from None
            resp.close()
        else:
            data = resp.read(self.max_response + 1)
        if len(data) > self.max_response:
            raise self._too_large()
        if resp.length:   # the connection closed before Content-Length bytes came
            raise http.client.IncompleteRead(data, resp.length)
        headers = {k: v for k, v in resp.getheaders() if k.lower() in _FORWARD_RESPONSE}
        return resp.status, headers, resp.getheader("Location"), data

    def _failure(self, host, e, deadline):
        """The WFError for an exception met while talking to the upstream."""
        if deadline.expired:
            return self._late(host)
        if isinstance(e, socket.timeout):
            return unreachable("%s did not answer within %g seconds." % (host, self.timeout), 504)
        if isinstance(e, ssl.SSLError):
            return unreachable("The secure connection to %s failed (%s)." % (host, e.reason or e))
        if isinstance(e, http.client.IncompleteRead):
            return self._cut_short(host)
        if isinstance(e, http.client.RemoteDisconnected):
            return unreachable("%s closed the connection without answering." % host)
        if isinstance(e, (http.client.HTTPException, ValueError)):
            return unreachable("%s sent an answer that is not valid HTTP (%s)." % (host, e.__class__.__name__))
        return unreachable("%s could not be reached (%s)." % (host, e.__class__.__name__))

    def _too_large(self):
        return unreachable("Workfront's answer was larger than %d bytes." % self.max_response)

    def _late(self, host):
        return unreachable("%s did not finish answering within %g seconds." % (host, self.deadline), 504)

    @staticmethod
    def _cut_short(host):
        return unreachable("%s closed the connection before its answer was complete." % host)

    def _redirect(self, host, scheme, hostname, port, base, request_path, location, resp_headers):
        """A redirect goes back to the browser only when it stays on the same host (as a same-origin path);
        one to any other host, or one a browser could read two ways, is refused, so that the proxy can never be
        walked somewhere else."""
        try:
            path = location_rules.same_host_path(location, scheme, hostname, port, request_path)
        except location_rules.Refused as e:
            target = " (%s)" % errors.shown(e.host, 100) if e.host else ""
            raise WFError(502, errors.PROXY_REFUSED,
                          "%s answered with a redirect that wfadmin does not follow: %s%s. If your Workfront domain "
                          "moved, sign in with the new domain." % (host, e.reason, target),
                          "wfadmin.proxy.redirect", "Redirect refused", [e.host]) from None
        if base:
            if not (path == base or path.startswith(base + "/") or path.startswith(base + "?")):
                raise WFError(502, errors.PROXY_REFUSED, "%s answered with a redirect outside %s." % (host, base),
                              "wfadmin.proxy.redirect", "Redirect refused", [host])
            path = path[len(base):]
            path = path if path.startswith("/") else "/" + path
        if path.startswith("//"):   # a browser would read it as another host
            raise WFError(502, errors.PROXY_REFUSED, "%s answered with a redirect to an unusable path." % host,
                          "wfadmin.proxy.redirect", "Redirect refused", [host])
        return dict(resp_headers, Location=path)
