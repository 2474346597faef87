# app.py: the HTTP side of serve.py. One handler for everything: /attask/... (the demo instance, or the proxy
# for other tenants, with injected faults), the page's config.json (also at /wfadmin/config.json), /__test__/...
# (only with --test-control) and the static page, over HTTP or (with a certificate) HTTPS. Every answer carries the
# security headers (and HSTS under TLS); none carries CORS headers. Every error answer, down to a request that
# breaks HTTP itself, is JSON in Workfront's error shape.
import ipaddress
import os
import socket
import ssl
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from . import control, errors, faults, httpbody, oauth, proxy, query, static, wfjson
from .errors import WFError, http_error
from .httpbody import BadBody, BodyTooLarge, RequestTimeout

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
       "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
# CORP/COOP: other origins can neither embed these answers nor keep a handle on the page's window.
SECURITY_HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
                    "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
                    "Cross-Origin-Resource-Policy": "same-origin", "Cross-Origin-Opener-Policy": "same-origin"}
HSTS = "max-age=31536000"   # no includeSubDomains: other intranet hosts under the same name may still be plain HTTP
CONFIG_PATHS = ("/config.json", "/wfadmin/config.json")
JSON_TYPE = "application/json;charset=UTF-8"
MAX_BODY = proxy.MAX_REQUEST_BODY
REQUEST_DEADLINE = 120.0   # seconds for a request's line, headers and body once its first byte is in
# After an error answer to a request whose body was not read, what the client still sends is read and dropped
# (this much, for this long) before closing: closing with unread data resets the connection, and the client
# would see the reset instead of the answer.
LINGER_BYTES = 4 * MAX_BODY
LINGER_SECONDS = 2.0


class ApiRequest:
    """One API call as the demo sees it: the effective method (after `method=`), the parameters from the query
    string and a form body (in that order), a JSON body when one was sent, and the request headers."""

    def __init__(self, method, path, params, json_body, headers, inside_batch=False):
        self.method, self.path, self.params, self.json_body, self._headers = method, path, params, json_body, headers
        self.inside_batch = inside_batch   # one of a /batch's calls: it cannot be a batch itself

    def param(self, name):
        return next((v for k, v in self.params if k == name), None)

    def params_named(self, name):
        return [v for k, v in self.params if k == name]

    def fields(self):
        values = self.params_named("fields")
        return ",".join(values) if values else None

    def header(self, name):
        return self._headers.get(name)

    def header_map(self):
        return self._headers


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "wfadmin"
    sys_version = ""
    timeout = 120   # idle keep-alive connections give their thread back

    # ---- plumbing ----
    def version_string(self):
        return self.server_version

    def setup(self):
        super().setup()
        self.rfile = httpbody.DeadlineReader(self.rfile, self.connection, self.timeout, self.server.request_deadline)

    def handle(self):
        if isinstance(self.connection, ssl.SSLSocket):
            # The TLS handshake happens here, in this connection's own thread (with its timeout), not in the
            # accepting thread, where one slow or silent client would hold up every other.
            try:
                self.connection.do_handshake()
            except (ssl.SSLError, OSError):
                self.close_connection = True
                return
        super().handle()

    def parse_request(self):
        if not super().parse_request():
            return False
        if self.request_version < "HTTP/1.0":   # HTTP/0.9 answers are a bare body: no status, no security headers
            self.send_error(505, "HTTP/1.0 or HTTP/1.1 only")
            return False
        return True

    def send_response(self, code, message=None):
        self._status = code
        super().send_response(code, message)

    def finish(self):
        try:
            super().finish()
        finally:
            if self.server.store is not None:   # the connection closed, this thread ends: its database handle
                self.server.store.release()     # goes to the next connection's thread

    def log_request(self, code="-", size="-"):
        pass   # _dispatch logs one line per request itself, redacted

    def log_message(self, fmt, *args):
        self.server.log.error("%s %s" % (self.client_address[0], fmt % args))

    def send_error(self, code, message=None, explain=None):
        """http.server's answer to a request it could not parse (request line, headers, version)."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") < "HTTP/1.0":
            self.request_version = "HTTP/1.0"   # answer with a status line and headers, not bare HTTP/0.9
        if not hasattr(self, "command"):
            self.command = None
        text = message or self.responses.get(code, ("Bad request",))[0]
        self._send_error(http_error(code, errors.BAD_REQUEST, text))

    def _send_error(self, error, extra=None):
        self._send_json(error.status, error.body(), extra)

    def _send(self, status, headers, body, head_only=False):
        self.send_response(status)
        for k, v in SECURITY_HEADERS.items():
            if k not in headers:   # a page of its own (the demo's authorize page) brings its own policy
                self.send_header(k, v)
        if self.server.tls:
            self.send_header("Strict-Transport-Security", HSTS)
        if hasattr(self, "_started"):   # the work so far, wall clock and this thread's CPU (devtools show it)
            wall, cpu = self._started
            self.send_header("Server-Timing", "app;dur=%.1f, cpu;dur=%.1f" % (
                (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000))
        for k, v in headers.items():
            self.send_header(k, v)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if body and not head_only and status != 304 and self.command != "HEAD":
            self.wfile.write(body)

    def _send_json(self, status, data, extra=None):
        # Raw UTF-8, as Workfront sends it; but big pages go out with \uXXXX escapes (equally valid JSON), which
        # Python's encoder writes more than twice as fast: a 2000-user page stays well under 100 ms.
        page = data.get("data") if isinstance(data, dict) and len(data) == 1 else None
        if isinstance(page, query.Page):   # a search page writes its own JSON text, the same as json.dumps would
            body = page.json_text(len(page) > 200, '{"data":', "}").encode()
        else:
            big = isinstance(data, dict) and isinstance(data.get("data"), list) and len(data["data"]) > 200
            body = wfjson.dumps(data, ensure_ascii=big).encode()
        self._send(status, dict({"Content-Type": JSON_TYPE, "Cache-Control": "no-store"}, **(extra or {})), body)

    def _drop(self):
        """Closes the connection without an answer (an injected network failure)."""
        self.close_connection = True
        self._status = 0
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def _read_body(self):
        self._body_pending = True
        body = httpbody.read_body(self.rfile, self.headers, MAX_BODY)
        self._body_pending = False
        return body

    def _linger(self):
        """Stops sending, then reads and drops what the client still sends (bounded) before the close."""
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            end, dropped = time.monotonic() + LINGER_SECONDS, 0
            while dropped < LINGER_BYTES:
                remaining = end - time.monotonic()
                if remaining <= 0:
                    break
                self.connection.settimeout(remaining)
                data = self.connection.recv(1 << 16)
                if not data:
                    break
                dropped += len(data)
        except OSError:
            pass

    # ---- entry points ----
    def do_GET(self):
        self._dispatch()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_GET

    def _dispatch(self):
        start = time.perf_counter()
        self._started = (start, time.thread_time())
        self._status, self._note, self._body_pending = 0, "", False
        try:
            split = urlsplit(self.path)
            path = split.path
            if not self.path.startswith("/") or self.path.startswith("//"):   # origin-form targets only
                self.close_connection = True
                self._send_error(http_error(400, errors.BAD_REQUEST, "Only origin-form request targets (/path)."))
            elif not self._host_allowed():
                self.close_connection = True
                self._send_error(http_error(421, errors.BAD_REQUEST, "This server answers only to its own address."))
            elif path.lower().startswith("/attask/") or path == proxy.TOKEN_PATH:
                self._api(split)
            elif path == oauth.AUTHORIZE_PATH and self.server.oauth is not None:
                self._authorize(split)
            elif path.startswith("/__test__/") and self.server.test_control:
                self._control(split)
            else:
                self._read_body()   # keep the connection in step even if a GET came with a body
                if path in CONFIG_PATHS:
                    self._config()
                else:
                    self._static(path)
        except (BadBody, BodyTooLarge, RequestTimeout) as e:
            self.close_connection = True
            if isinstance(e, BadBody):
                error = http_error(e.status, errors.BAD_REQUEST, e.message)
            elif isinstance(e, BodyTooLarge):
                error = http_error(413, errors.REQUEST_TOO_LARGE,
                                   "The request body is larger than %d bytes." % MAX_BODY)
            else:
                error = http_error(408, errors.REQUEST_TIMEOUT, "The request did not arrive within %g seconds."
                                   % self.server.request_deadline)
            self._send_error(error)
            self._linger()
        except (ConnectionError, socket.timeout):
            self.close_connection = True
        except Exception:   # a bug: answer 500 and keep serving
            self.server.log.error(traceback.format_exc())
            self.close_connection = True
            if not self._status:
                self._send_error(WFError(500, errors.INTERNAL, "Internal error in serve.py"))
            if self._body_pending:
                self._linger()
        finally:
            self.rfile.disarm()
            ms = (time.perf_counter() - start) * 1000
            self.server.log.request(self.client_address[0], self.command, self.path, self._status, ms, self._note)

    def _host_allowed(self):
        """Bound to a loopback address, the server answers only requests addressed to a loopback name: a web
        page whose domain was re-pointed at 127.0.0.1 (DNS rebinding) cannot read the demo or use the proxy."""
        if not self.server.loopback:
            return True
        host = (self.headers.get("Host") or "").strip().lower()
        name = host[1:].split("]")[0] if host.startswith("[") else host.split(":")[0]
        if name == "localhost":
            return True
        try:
            return ipaddress.ip_address(name).is_loopback
        except ValueError:
            return False

    # ---- the page ----
    def _static(self, path):
        if self.command not in ("GET", "HEAD"):
            self._send(405, {"Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"}, b"405 Method Not Allowed\n")
            return
        if path.startswith("/__test__/"):   # without --test-control these do not exist
            self._send(404, {"Content-Type": "text/plain; charset=utf-8"}, b"404 Not Found\n")
            return
        real = static.resolve(self.server.root, path)
        if real is None and path == "/" and not os.path.isfile(os.path.join(self.server.root, "index.html")):
            self._send(404, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache"},
                       b"wfadmin: the page is not built yet (no index.html in --root). scripts/demo builds it.\n")
            return
        if real is None:
            self._send(404, {"Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache"},
                       b"404 Not Found\n", self.command == "HEAD")
            return
        status, headers, body = static.respond(real, self.headers)
        self._send(status, headers, body, self.command == "HEAD")

    def _config(self):
        """The deployment config (server/deployment.py) with what this server adds: demo mode and version.
        Revalidated on every load (no-cache), as index.html is, so a changed tenant list reaches every browser."""
        if self.command not in ("GET", "HEAD"):
            self._send(405, {"Allow": "GET, HEAD", "Content-Type": "text/plain; charset=utf-8"}, b"405 Method Not Allowed\n")
            return
        data = dict(self.server.deployment, demo=self.server.demo is not None, version=self.server.version)
        if self.server.demo is not None:
            data["demoDomain"] = "demo"
        if self.server.oauth is not None:
            # The demo is its own authorization server: the browser goes to this server's origin (as it was
            # reached) to sign in, with the demo's registered client.
            data["demoOAuth2ClientId"] = self.server.oauth.client_id
            data["demoAuthorizeOrigin"] = "%s://%s" % ("https" if self.server.tls else "http",
                                                       self.headers.get("Host", "").strip())
        if self.server.upstream.fixed:
            # Every other tenant is the --upstream stand-in: its authorize page is visited there, directly.
            scheme, hostname, port, _ = self.server.upstream.fixed
            data["authorizeOrigin"] = "%s://%s%s" % (scheme, ("[%s]" % hostname) if ":" in hostname else hostname,
                                                     ":%d" % port if port else "")
        self._send_json(200, data, {"Cache-Control": "no-cache"})

    def _authorize(self, split):
        """The demo's authorize page (server/oauth.py): a top-level navigation, never called by the page."""
        body = self._read_body()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        status, headers, data = self.server.oauth.authorize(self.command, split.query, body, ctype)
        self._send(status, headers, data, self.command == "HEAD")

    def _control(self, split):
        body = self._read_body()
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.command != "GET" and ctype != "application/json":
            # A JSON content type cannot be sent cross-origin without a CORS preflight, which is never granted:
            # another web page open in the same browser cannot change faults or reseed the demo.
            self._send_json(415, {"error": "POST /__test__/... needs Content-Type: application/json"})
            return
        try:
            status, data = control.handle(self.server, self.command, split.path, split.query, body)
        except ValueError as e:
            status, data = 400, {"error": str(e)}
        self._send_json(status, data)

    # ---- the API ----
    def _api(self, split):
        body = self._read_body()
        raw_host = self.headers.get("X-Workfront-Host")
        srv = self.server
        to_demo = raw_host is None or raw_host.strip().lower() == proxy.DEMO_HOST
        try:
            if to_demo and srv.demo is None:
                raise proxy.refused("The demo instance is off (serve.py --no-demo): give X-Workfront-Host.")
            host = None if to_demo else proxy.check_tenant(proxy.check_host(raw_host), srv.tenants)
        except WFError as e:
            self._note = "(proxy refused)" if e.wf_class == errors.PROXY_REFUSED else ""
            self._send_json(e.status, e.body())
            return
        if host:
            self._note = "-> " + host
        in_flight = srv.stats.enter()
        try:
            self._api_call(split, body, host, in_flight)
        finally:
            srv.stats.leave()

    def _api_call(self, split, body, host, in_flight):
        srv = self.server
        decision = srv.faults.decide(self.path)
        limit = srv.faults.config["max_concurrent"]
        if limit and in_flight > limit:   # Workfront bounds concurrent API calls per customer
            srv.stats.fault("concurrency")
            self._count_received(split, body)
            self._send_json(429, faults.too_many_error().body(), {"Retry-After": "1"})
            return
        if decision:
            if decision.latency_ms:
                time.sleep(decision.latency_ms / 1000)
            if decision.action == "drop":
                self._count_fault("drops", split, body, unanswered=host is None)
                self._drop()
                return
            if decision.action == "error":
                self._count_fault("errors", split, body, unanswered=host is None)
                status, ctype, data, extra = faults.error_response(decision)
                self._send(status, dict({"Content-Type": ctype, "Cache-Control": "no-store"}, **extra), data)
                return
        try:
            status, headers, data = self._forward(host, body) if host else self._demo(split, body)
        except WFError as e:
            status, headers, data = e.status, {}, e.body()
        if decision and decision.action == "drop_after":   # the work is done, but the answer never arrives
            self._count_fault("drops", split, body, unanswered=False)
            self._drop()
        elif isinstance(data, bytes):
            self._send(status, headers, data)
        else:
            self._send_json(status, data, headers)

    def _count_fault(self, kind, split, body, unanswered):
        self.server.stats.fault(kind)
        if unanswered:
            self._count_received(split, body)

    def _count_received(self, split, body):
        """A demo request that a fault kept from the demo still counts as received (and as a write when it was
        one), so that "the client sent no writes" holds with faults on too."""
        if self.server.demo is None:
            return
        params, _ = self._params(split, body)
        method = self._effective_method(params)
        write = method in ("PUT", "POST", "DELETE") and not any(k == "action" for k, _ in params)
        self.server.stats.count("%s (fault)" % method, write)

    def _params(self, split, body):
        """Parameters from the query string and a form body (in that order), and a JSON body if one came."""
        params = parse_qsl(split.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if body and ctype == "application/x-www-form-urlencoded":
            params += parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        elif body and ctype == "application/json":
            return params, wfjson.loads(body, "body")
        return params, None

    def _effective_method(self, params):
        override = next((v for k, v in params if k == "method"), None)
        return (override or self.command).upper()

    def _demo(self, split, body):
        if split.path == proxy.TOKEN_PATH:
            if self.server.oauth is None:
                raise WFError(404, errors.NOT_FOUND, "There is no OAuth2 server here", "exception.notfound",
                              "Not found")
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            return self.server.oauth.token(self.command, ctype, body or b"")
        params, json_body = self._params(split, body)
        method = self._effective_method(params)
        if method not in ("GET", "PUT", "POST", "DELETE"):
            raise WFError(405, errors.UNSUPPORTED_OPERATION, "The method %s is not supported" % method,
                          "exception.method", "Unsupported method")
        status, data = self.server.demo.handle(ApiRequest(method, split.path, params, json_body, self.headers))
        return status, {}, data

    def _forward(self, host, body):
        return self.server.upstream.forward(host, self.command, self.path, self.headers, body or None)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, *, root, store, demo, stats, upstream, faults, log, test_control, version,
                 request_deadline=REQUEST_DEADLINE, deployment=None, tls=None, oauth=None):
        self.root, self.store, self.demo, self.stats, self.upstream = root, store, demo, stats, upstream
        self.oauth = oauth   # the demo's OAuth2 authorization server (server/oauth.py), or None
        self.deployment = deployment or {}
        self.tenants = tuple(self.deployment.get("tenants") or ())   # empty: every Workfront tenant
        self.tls = tls   # an ssl.SSLContext, or None for plain HTTP
        self.request_deadline = request_deadline
        self.faults, self.log, self.test_control, self.version = faults, log, test_control, version
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.loopback = address[0] in ("localhost", "::1") or address[0].startswith("127.")
        super().__init__(address, Handler)

    def get_request(self):
        sock, address = super().get_request()
        if self.tls is not None:
            sock = self.tls.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address
