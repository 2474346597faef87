# test_static.py: the page's files as serve.py serves them: the shared table of shared_cases.py (MIME types,
# caching, precompressed files, security headers, no way out of --root), plus symlinks inside the root, the API's
# and config's headers, test control, DNS rebinding and malformed request lines.
import os
import socket
import unittest

from .shared_cases import StaticCases, populate_site
from .support import API
from .targets import ServeTarget

class StaticTest(StaticCases, unittest.TestCase):
    """The shared static-file table (shared_cases.py) and what only serve.py does."""

    @classmethod
    def setUpClass(cls):
        cls.target = ServeTarget(test_control=False)
        cls.srv = cls.target.serve
        populate_site(cls.srv.root, os.path.join(cls.srv.tmp, "outside"))

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()

    def test_dot_segments_are_refused(self):   # nginx resolves "/./x" to /x, which is as safe
        self.assertEqual(self.get("/./index.html").status, 404)

    def test_symlink_inside_root_is_served(self):
        self.assertEqual(self.get("/inside.css").status, 200)

    def test_no_cors_even_when_asked(self):
        headers = {"Origin": "https://evil.example", "Access-Control-Request-Method": "PUT"}
        for method, path in (("OPTIONS", API + "/user/search"), ("GET", API + "/user/search"),
                             ("OPTIONS", "/index.html"), ("GET", "/index.html")):
            with self.subTest(method=method, path=path):
                self.assert_security_headers(self.srv.request(method, path, headers=headers))

    def test_api_and_config_answers_carry_security_headers(self):
        r = self.get(API + "/user/search")
        self.assertEqual(r.status, 401)
        self.assert_security_headers(r)
        cfg = self.get("/wfadmin/config.json")
        self.assertEqual(cfg.status, 200)
        self.assert_security_headers(cfg)
        self.assertEqual(cfg.json()["demo"], True)
        self.assertEqual(cfg.json()["demoDomain"], "demo")
        self.assertTrue(cfg.json()["version"])

    def test_test_control_is_absent_without_the_flag(self):
        for method in ("GET", "POST"):
            for path in ("/__test__/stats", "/__test__/faults", "/__test__/users"):
                with self.subTest(method=method, path=path):
                    self.assertEqual(self.srv.request(method, path, body="{}").status,
                                     404 if method == "GET" else 405)

    def test_foreign_host_names_are_refused(self):
        # DNS rebinding: a page on evil.example re-pointed at 127.0.0.1 must not read the demo or use the proxy.
        for host in ("evil.example", "evil.example:%d" % self.srv.port, "127.0.0.1.evil.example"):
            with self.subTest(host=host):
                r = self.srv.request("GET", API + "/user/count", headers={"Host": host})
                self.assertEqual(r.status, 421)
                self.assert_security_headers(r)
        for host in ("127.0.0.1:%d" % self.srv.port, "localhost:%d" % self.srv.port, "LOCALHOST"):
            with self.subTest(host=host):
                self.assertEqual(self.srv.request("GET", "/", headers={"Host": host}).status, 200)

    def test_head_on_the_api_has_no_body(self):
        r = self.srv.request("HEAD", API + "/user/count")
        self.assertEqual(r.body, b"")
        self.assertEqual(self.get("/").status, 200, "the connection stays usable")

    def test_malformed_request_line_is_answered_safely(self):
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
            s.sendall(b"GET /?password=hunter2 HTTP/1.1 garbage\r\n\r\n")
            answer = b""
            while chunk := s.recv(65536):
                answer += chunk
        head = answer.split(b"\r\n\r\n", 1)[0].decode().lower()
        self.assertTrue(head.startswith("http/1.1 400"), head)
        self.assertIn("content-security-policy: default-src 'self'", head)
        self.assertIn("x-frame-options: deny", head)


if __name__ == "__main__":
    unittest.main()
