# test_proxy.py: the Workfront proxy, against a fake upstream on 127.0.0.1 (--upstream), never the internet.
# Only real Workfront host names are forwarded; look-alikes are refused before any connection; redirects to other
# hosts are refused; credentials headers pass, browser cookies/Authorization and X-Workfront-Host do not; no
# Set-Cookie or CORS header comes back; unreachable, slow, dripping and cut-short upstreams give ProxyUnreachable;
# a Location is read the way a browser reads it before the same-host rule decides.
import gzip
import json
import socket
import threading
import time
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from server import errors

from .support import Serve, API, strict_json

REFUSED = errors.PROXY_REFUSED
UNREACHABLE = errors.PROXY_UNREACHABLE


class FakeWorkfront(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        FakeWorkfront.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                   "body": body})
        route = self.path.split("?")[0].rsplit("/", 1)[1]
        port = self.server.server_address[1]
        if route == "away":
            return self.reply(302, b"", {"Location": "https://evil.example/steal?x=1"})
        if route == "same":
            return self.reply(302, b"", {"Location": "/attask/api/v21.0/user/search?moved=1"})
        if route == "absolute":
            return self.reply(301, b"", {"Location": "http://127.0.0.1:%d/attask/api/v21.0/user/count" % port})
        if route == "to":   # a redirect to ?location=..., with {port} filled in
            location = parse_qs(urlsplit(self.path).query)["location"][0].replace("{port}", str(port))
            return self.reply(302, b"", {"Location": location.encode("utf-8").decode("latin-1")})
        if route == "drip":   # a whole answer, one byte every 0.25 s: each read is quick, the answer is not
            return self.drip(b'{"data":[' + b" " * 40 + b"]}", 0.25)
        if route == "cut":   # closes after 10 of 100 promised bytes
            return self.cut_off(("Content-Length", "100"), b'{"data":[]')
        if route == "cutchunked":   # one chunk, then the connection closes without the last chunk
            return self.cut_off(("Transfer-Encoding", "chunked"), b"b\r\n{\"data\":[]}\r\n")
        if route == "negchunk":   # a chunk size of -1, then data that does not end (for 1.5 s)
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                self.wfile.write(b"-1\r\n" + b"x" * 100_000)
                time.sleep(1.5)
            except OSError:
                pass
            self.close_connection = True
            return
        if route == "invalid":
            err = {"error": {"class": errors.ILLEGAL_ARG, "message": "bad", "title": "",
                             "msgKey": "", "attributes": [], "code": 422}}
            return self.reply(422, json.dumps(err).encode())
        if route == "slow":
            time.sleep(3)
        data = {"data": [{"ID": "1" * 32, "name": "Upstream User", "objCode": "USER"}], "echo": body.decode()}
        extra = {"Set-Cookie": "session=abc; Path=/", "Access-Control-Allow-Origin": "*", "X-Internal": "yes",
                 "Connection": "keep-alive", "Keep-Alive": "timeout=5"}
        payload = json.dumps(data).encode()
        if "gzip" in (self.headers.get("Accept-Encoding") or ""):
            payload = gzip.compress(payload)
            extra["Content-Encoding"] = "gzip"
        self.reply(200, payload, extra)

    def cut_off(self, framing, sent):
        """A 200 whose body ends early: the connection closes after `sent`."""
        self.send_response(200)
        self.send_header(*framing)
        self.end_headers()
        self.wfile.write(sent)
        self.close_connection = True

    def drip(self, body, pause):
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass   # the proxy gave up: expected
        self.close_connection = True

    def reply(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_DELETE = answer


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class ProxyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = ThreadingHTTPServer(("127.0.0.1", 0), FakeWorkfront)
        cls.upstream.daemon_threads = True
        threading.Thread(target=cls.upstream.serve_forever, daemon=True).start()
        cls.srv = Serve(users=10, quiet=False, args=["--upstream", "http://127.0.0.1:%d" % cls.upstream.server_address[1],
                                                     "--proxy-timeout", "1", "--proxy-deadline", "2"])

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def setUp(self):
        FakeWorkfront.seen.clear()

    def call(self, host, path="/user/search?fields=ID&$$LIMIT=5", method="GET", body=None, headers=None):
        h = {"X-Workfront-Host": host} if host is not None else {}
        h.update(headers or {})
        return self.srv.request(method, API + path, body, h)

    def assert_error(self, r, status, wf_class, pattern="."):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(strict_json(r.body)["error"]["class"], wf_class)
        self.assertRegex(r.json()["error"]["message"], pattern)

    def test_refuses_everything_but_workfront_hosts(self):
        bad = ["evil.example", "127.0.0.1", "[::1]", "2130706433", "user@acme.my.workfront.com",
               "acme.my.workfront.com@evil.example", "acme.my.workfront.com:443", "acme.my.workfront.com:8080",
               "acme%2emy.workfront.com", "acme.my%2Eworkfront.com", "acme.my.workfront.com.",
               "acme.my.workfront.com.evil.example", "evil.example/acme.my.workfront.com",
               "evil.example#.my.workfront.com", "xn--80ak6aa92e.my.workfront.com", "аcme.my.workfront.com",
               "acme.my.workfront.co", "my.workfront.com", ".my.workfront.com", "-acme.my.workfront.com",
               "acme-.my.workfront.com", "a.b.my.workfront.com", "acme.sb03.workfront.com",
               "acme.my.workfront.com/../x", "acme .my.workfront.com", "", "a" * 64 + ".my.workfront.com"]
        for host in bad:
            with self.subTest(host=host):
                r = self.srv.request("GET", API + "/user/search",
                                     headers={"X-Workfront-Host": host.encode("utf-8").decode("latin-1")})
                self.assert_error(r, 400, REFUSED)
        self.assertEqual(FakeWorkfront.seen, [], "nothing may reach the upstream for a refused host")

    def test_forwards_workfront_hosts(self):
        good = ["acme.my.workfront.com", "ACME.My.WorkFront.COM", "acme.my.workfront.adobe.com",
                "acme.preview.workfront.com", "acme.preview.workfront.adobe.com", "acme.sb01.workfront.com",
                "acme.sb02.workfront.com", "a-b-9.sb01.workfront.adobe.com", "x.sb02.workfront.adobe.com",
                "a" * 63 + ".my.workfront.com"]
        for host in good:
            with self.subTest(host=host):
                r = self.call(host)
                self.assertEqual(r.status, 200, r.body)
                self.assertEqual(r.json()["data"][0]["name"], "Upstream User")
        self.assertEqual(len(FakeWorkfront.seen), len(good))

    def test_request_passes_only_what_workfront_needs(self):
        r = self.call("acme.my.workfront.com", "/user/abc?fields=isActive&updates=%7B%7D", "PUT", "method=PUT&x=1",
                      {"apiKey": "key-123", "sessionID": "sess-456", "Cookie": "wf=browser-cookie",
                       "Authorization": "Bearer browser-token", "Origin": "http://127.0.0.1",
                       "Referer": "http://127.0.0.1/", "Content-Type": "application/x-www-form-urlencoded",
                       "X-Forwarded-For": "1.2.3.4"})
        self.assertEqual(r.status, 200, r.body)
        (seen,) = FakeWorkfront.seen
        self.assertEqual(seen["method"], "PUT")
        self.assertEqual(seen["path"], API + "/user/abc?fields=isActive&updates=%7B%7D")
        self.assertEqual(seen["body"], b"method=PUT&x=1")
        headers = {k.lower(): v for k, v in seen["headers"].items()}
        self.assertEqual(headers["apikey"], "key-123")
        self.assertEqual(headers["sessionid"], "sess-456")
        self.assertEqual(headers["content-type"], "application/x-www-form-urlencoded")
        for name in ("cookie", "authorization", "x-workfront-host", "origin", "referer", "x-forwarded-for"):
            self.assertNotIn(name, headers)

    def test_odd_targets_and_headers_are_not_forwarded(self):
        r = self.srv.request("GET", "http://evil.example" + API + "/user/search",
                             headers={"Host": "127.0.0.1", "X-Workfront-Host": "acme.my.workfront.com"})
        self.assertEqual(r.status, 400)
        for request in (b"GET %s/user/search?x=\x01 HTTP/1.1\r\n" % API.encode(),
                        b"GET %s/user/search?x=\x7f HTTP/1.1\r\n" % API.encode()):
            with self.subTest(request=request):
                with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
                    s.sendall(request + b"Host: 127.0.0.1\r\nX-Workfront-Host: acme.my.workfront.com\r\n"
                              b"Connection: close\r\n\r\n")
                    answer = b""
                    while chunk := s.recv(65536):
                        answer += chunk
                self.assertTrue(answer.startswith(b"HTTP/1.1 400"), answer[:200])
                self.assertIn(REFUSED.encode(), answer)
        self.assertEqual(FakeWorkfront.seen, [])

    def test_response_loses_cookies_and_cors(self):
        r = self.call("acme.my.workfront.com")
        self.assertEqual(r.status, 200)
        for name in ("set-cookie", "access-control-allow-origin", "x-internal", "keep-alive"):
            self.assertIsNone(r.header(name))
        self.assertEqual(r.header("Content-Type"), "application/json;charset=UTF-8")
        self.assertEqual(r.header("X-Frame-Options"), "DENY")

    def test_compressed_answers_pass_through(self):
        r = self.call("acme.my.workfront.com", headers={"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(r.header("Content-Encoding"), "gzip")
        self.assertEqual(json.loads(gzip.decompress(r.body))["data"][0]["name"], "Upstream User")
        self.assertIsNone(self.call("acme.my.workfront.com").header("Content-Encoding"))
        self.assertEqual(FakeWorkfront.seen[-1]["headers"].get("accept-encoding"), "identity")

    def test_upstream_errors_pass_through(self):
        r = self.call("acme.my.workfront.com", "/user/invalid")
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "bad")

    def test_redirects(self):
        r = self.call("acme.my.workfront.com", "/user/away")
        self.assert_error(r, 502, REFUSED, "evil.example")
        self.assertEqual(len(FakeWorkfront.seen), 1, "the redirect is not followed")
        r = self.call("acme.my.workfront.com", "/user/same")
        self.assertEqual(r.status, 302)
        self.assertEqual(r.header("Location"), "/attask/api/v21.0/user/search?moved=1")
        r = self.call("acme.my.workfront.com", "/user/absolute")
        self.assertEqual(r.status, 301)
        self.assertEqual(r.header("Location"), "/attask/api/v21.0/user/count")

    def redirect_to(self, location):
        return self.call("acme.my.workfront.com", "/user/to?location=" + quote(location, safe=""))

    def test_redirects_read_as_a_browser_reads_them(self):
        # Each of these is another host to a browser (backslashes are slashes in http/https URLs, tabs vanish,
        # any number of slashes leads to a host), or could be read more than one way.
        for location in ("/\\evil.example/x", "\\/evil.example/x", "\\\\evil.example\\x",
                         "http:\\\\evil.example/x", "//evil.example/x", "///evil.example/x", "/\t/evil.example/x",
                         " //evil.example/x", "http:/evil.example/x", "http:evil.example/x", "https:\\\\evil.example",
                         "http://127.0.0.1:{port}@evil.example/x", "http://evil.example\\@127.0.0.1:{port}/x",
                         "https://127.0.0.1:{port}/x", "javascript:alert(1)", "data:text/html,x",
                         "http://%65vil.example/x", "http://127.0.0.1:{port}/\u00e9", "/a b"):
            with self.subTest(location=location):
                r = self.redirect_to(location)
                self.assert_error(r, 502, REFUSED, "redirect")
        self.assertEqual(len(FakeWorkfront.seen), 19, "no redirect is followed")

    def test_same_host_redirects_become_same_origin_paths(self):
        for location, expected in (
                ("http://127.0.0.1:{port}/attask/api/v21.0/user/count", "/attask/api/v21.0/user/count"),
                ("HTTP://127.0.0.1:{port}/attask/api/v21.0/user/count?a=1#f", "/attask/api/v21.0/user/count?a=1"),
                ("\\\\127.0.0.1:{port}\\attask\\api", "/attask/api"),
                ("/attask/api/v21.0/a/%2e%2e/user/count", "/attask/api/v21.0/user/count"),
                ("count?x=1", "/attask/api/v21.0/user/count?x=1"),
                ("../project/search", "/attask/api/v21.0/project/search")):
            with self.subTest(location=location):
                r = self.redirect_to(location)
                self.assertEqual(r.status, 302, r.body)
                self.assertEqual(r.header("Location"), expected)
        # The upstream's own path //evil.example/x: as a Location on this origin it would lead to evil.example.
        self.assert_error(self.redirect_to("/attask/../..//evil.example/x"), 502, REFUSED, "unusable path")

    def test_malformed_ports_on_the_own_host_are_refused_not_500(self):
        for location in ("http://127.0.0.1:99999/x", "http://127.0.0.1:8a/x", "http://127.0.0.1:{port}:1/x",
                         "http://127.0.0.1:-1/x", "http://[::1/x", "http://127.0.0.1:\u0661/x"):
            with self.subTest(location=location):
                self.assert_error(self.redirect_to(location), 502, REFUSED, "redirect")

    def test_a_dripping_upstream_meets_the_deadline(self):
        start = time.monotonic()
        r = self.call("acme.my.workfront.com", "/user/drip")
        self.assert_error(r, 504, UNREACHABLE, "within 2 seconds")
        self.assertLess(time.monotonic() - start, 4)

    def test_cut_short_answers_are_502(self):
        for route in ("cut", "cutchunked"):
            with self.subTest(route=route):
                self.assert_error(self.call("acme.my.workfront.com", "/user/" + route), 502, UNREACHABLE,
                                  "before its answer was complete")

    def test_bad_chunk_sizes_from_upstream_are_502_at_once(self):
        start = time.monotonic()
        self.assert_error(self.call("acme.my.workfront.com", "/user/negchunk"), 502, UNREACHABLE, "not valid HTTP")
        self.assertLess(time.monotonic() - start, 1.2, "the proxy must not read on to the end of the stream")

    def test_zz_log_has_no_tracebacks(self):   # last: unittest runs tests in name order
        self.assertNotIn("Traceback", self.srv.output())

    def test_slow_upstream_times_out(self):
        r = self.call("acme.my.workfront.com", "/user/slow")
        self.assert_error(r, 504, UNREACHABLE, "did not answer")

    def test_request_body_limit(self):
        r = self.call("acme.my.workfront.com", "/user", "POST", b"x" * (10 * 1024 * 1024 + 1),
                      {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413)
        self.assertEqual(FakeWorkfront.seen, [])

    def test_demo_host_and_no_host_stay_local(self):
        for host in (None, "demo.my.workfront.com", "DEMO.my.workfront.com"):
            with self.subTest(host=host):
                r = self.call(host, "/user/count")
                self.assert_error(r, 401, errors.AUTH)
        self.assertEqual(FakeWorkfront.seen, [])

    def test_faults_apply_to_proxied_requests(self):
        self.srv.control("POST", "faults", {"error_rate": 1, "error_status": 503, "match": "proxied-fault"})
        try:
            r = self.call("acme.my.workfront.com", "/user/search?proxied-fault=1")
            self.assertEqual(r.status, 503)
            self.assertEqual(FakeWorkfront.seen, [])
            self.assertEqual(self.call("acme.my.workfront.com").status, 200)
        finally:
            self.srv.control("POST", "faults", {})


class UpstreamLimitTest(unittest.TestCase):
    """proxy.Upstream in this process, with small limits, against the fake Workfront."""

    def test_response_and_request_limits(self):
        from server import proxy
        fake = ThreadingHTTPServer(("127.0.0.1", 0), FakeWorkfront)
        threading.Thread(target=fake.serve_forever, daemon=True).start()
        try:
            up = proxy.Upstream("http://127.0.0.1:%d" % fake.server_address[1], timeout=5, max_request=100,
                                max_response=50)
            with self.assertRaises(proxy.WFError) as cm:
                up.forward("acme.my.workfront.com", "GET", API + "/user/search", {}, None)
            self.assertEqual((cm.exception.status, cm.exception.wf_class), (502, UNREACHABLE))
            self.assertIn("larger than 50 bytes", cm.exception.message)
            with self.assertRaises(proxy.WFError) as cm:
                up.forward("acme.my.workfront.com", "POST", API + "/user", {}, b"x" * 101)
            self.assertEqual(cm.exception.status, 413)
            roomy = proxy.Upstream("http://127.0.0.1:%d" % fake.server_address[1], timeout=5)
            status, headers, data = roomy.forward("acme.my.workfront.com", "GET", API + "/user/search", {}, None)
            self.assertEqual(status, 200)
        finally:
            fake.shutdown()
            fake.server_close()

    def test_host_check(self):
        from server import proxy
        self.assertEqual(proxy.check_host(" ACME.my.workfront.com "), "acme.my.workfront.com")
        for bad in ("xn--acme.my.workfront.com", "acme.my.workfront.com.", "ａcme.my.workfront.com"):
            with self.assertRaises(proxy.WFError):
                proxy.check_host(bad)


class ProxyEdgeTest(unittest.TestCase):
    def test_unreachable_upstream(self):
        with Serve(users=8, args=["--upstream", "http://127.0.0.1:%d" % closed_port()]) as srv:
            r = srv.request("GET", API + "/user/count", headers={"X-Workfront-Host": "acme.my.workfront.com"})
            self.assertEqual(r.status, 502)
            self.assertEqual(r.json()["error"]["class"], UNREACHABLE)

    def test_without_upstream_look_alikes_are_still_refused(self):
        with Serve(users=8) as srv:
            for host in ("evil.example", "10.0.0.1", "acme.my.workfront.com:8443"):
                r = srv.request("GET", API + "/user/count", headers={"X-Workfront-Host": host})
                self.assertEqual(r.status, 400)
                self.assertEqual(r.json()["error"]["class"], REFUSED)

    def test_no_demo(self):
        with Serve(users=None, args=["--no-demo"], test_control=False) as srv:
            self.assertEqual(srv.request("GET", "/wfadmin/config.json").json()["demo"], False)
            for headers in ({}, {"X-Workfront-Host": "demo.my.workfront.com"}):
                r = srv.request("GET", API + "/user/count", headers=headers)
                self.assertEqual(r.status, 400)
                self.assertEqual(r.json()["error"]["class"], REFUSED)


if __name__ == "__main__":
    unittest.main()
