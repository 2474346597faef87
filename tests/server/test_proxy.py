# test_proxy.py: serve.py's Workfront proxy, against a fake upstream on 127.0.0.1 (--upstream), never the internet:
# the shared table of shared_cases.py (which nginx passes too) and what only serve.py does.
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
from http.server import ThreadingHTTPServer

from server import errors

from .fake_workfront import FakeWorkfront, closed_port, start_fake_workfront
from .shared_cases import ProxyCases
from .support import Serve, API
from .targets import ServeTarget

REFUSED = errors.PROXY_REFUSED
UNREACHABLE = errors.PROXY_UNREACHABLE


class ProxyTest(ProxyCases, unittest.TestCase):
    """The shared proxy table (shared_cases.py) and what only serve.py does."""

    @classmethod
    def setUpClass(cls):
        cls.upstream = start_fake_workfront()
        cls.target = ServeTarget("http://127.0.0.1:%d" % cls.upstream.server_address[1])
        cls.srv = cls.target.serve

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def test_refused_redirects_name_the_host(self):   # nginx cannot put the Location into JSON safely
        self.assert_error(self.call("acme.my.workfront.com", "/user/away"), 502, REFUSED, "evil.example")

    def test_response_loses_internal_headers(self):   # nginx can only drop the headers it names
        self.assertIsNone(self.call("acme.my.workfront.com").header("X-Internal"))

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

    def test_compressed_answers_pass_through(self):
        r = self.call("acme.my.workfront.com", headers={"Accept-Encoding": "gzip, deflate, br"})
        self.assertEqual(r.header("Content-Encoding"), "gzip")
        self.assertEqual(json.loads(gzip.decompress(r.body))["data"][0]["name"], "Upstream User")
        self.assertIsNone(self.call("acme.my.workfront.com").header("Content-Encoding"))
        self.assertEqual(FakeWorkfront.seen[-1]["headers"].get("accept-encoding"), "identity")

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
