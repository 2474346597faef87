# proxy.py: forwards /attask/... requests to the tenant's real Workfront host, because Workfront sends no CORS
# headers. Never an open proxy: only hosts that match the strict Workfront patterns (or the one --upstream URL),
# no redirects followed, bounded bodies and time, and only the headers the API needs cross in either direction.
import http.client
import re
import socket
import ssl
from urllib.parse import urlsplit

from . import errors
from .errors import WFError

DEMO_HOST = "demo.my.workfront.com"
_TENANT = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_WORKFRONT_HOST = re.compile(r"^(%s)\.(?:my|preview|sb01|sb02)\.workfront(?:\.adobe)?\.com$" % _TENANT)
MAX_REQUEST_BODY = 10 * 1024 * 1024
MAX_RESPONSE_BODY = 64 * 1024 * 1024
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


class Upstream:
    """Where a tenant's requests go: https://<host> or the fixed --upstream URL."""

    def __init__(self, url=None, timeout=30.0, max_request=MAX_REQUEST_BODY, max_response=MAX_RESPONSE_BODY):
        self.timeout, self.max_request, self.max_response = timeout, max_request, max_response
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
        if scheme == "https":
            return http.client.HTTPSConnection(hostname, port or 443, timeout=self.timeout,
                                               context=ssl.create_default_context())
        return http.client.HTTPConnection(hostname, port or 80, timeout=self.timeout)

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
            conn.request(method, base + path_qs, body=body, headers=out_headers)
            resp = conn.getresponse()
            data = resp.read(self.max_response + 1)
            if len(data) > self.max_response:
                raise unreachable("Workfront's answer was larger than %d bytes." % self.max_response)
            status = resp.status
            resp_headers = {k: v for k, v in resp.getheaders() if k.lower() in _FORWARD_RESPONSE}
            location = resp.getheader("Location")
        except socket.gaierror:
            raise unreachable("The domain %s was not found." % host) from None
        except socket.timeout:
            raise unreachable("%s did not answer within %g seconds." % (host, self.timeout), 504) from None
        except ssl.SSLError as e:
            raise unreachable("The secure connection to %s failed (%s)." % (host, e.reason or e)) from None
        except (http.client.InvalidURL, ValueError):   # control characters in the target or a header value
            raise refused("The request has characters that cannot be sent to Workfront.") from None
        except (OSError, http.client.HTTPException) as e:
            raise unreachable("%s could not be reached (%s)." % (host, e.__class__.__name__)) from None
        finally:
            conn.close()
        if 300 <= status < 400:
            return status, self._redirect(host, scheme, hostname, port, base, location, resp_headers), data
        return status, resp_headers, data

    def _redirect(self, host, scheme, hostname, port, base, location, resp_headers):
        """A redirect goes back to the browser only when it stays on the same host (as a same-origin path);
        one to any other host is refused, so the proxy can never be walked somewhere else."""
        if not location:
            return resp_headers
        loc = urlsplit(location)
        same = not loc.netloc or (loc.scheme == scheme and loc.hostname == hostname and loc.port == port)
        if not same:
            raise WFError(502, errors.PROXY_REFUSED,
                          "%s answered with a redirect to another host (%s); wfadmin does not follow it. If your "
                          "Workfront domain moved, sign in with the new domain." % (host, loc.hostname or location),
                          "wfadmin.proxy.redirect", "Redirect refused", [loc.hostname or ""])
        path = loc.path if loc.path.startswith("/") else "/" + loc.path
        if base and path.startswith(base):
            path = path[len(base):] or "/"
        return dict(resp_headers, Location=path + ("?" + loc.query if loc.query else ""))
