# test_static.py: the page's files: MIME types, caching (no-cache + ETag/Last-Modified, 304), security headers on
# every kind of answer, no CORS headers, and no way out of --root (dots, encodings, backslashes, symlinks).
import email.utils
import os
import socket
import unittest

from .support import Serve, API

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; "
       "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
FILES = {"index.html": ("<!doctype html><title>wfadmin</title>", "text/html; charset=utf-8"),
         "wfadmin.js": ("console.log(1)", "text/javascript; charset=utf-8"),
         "wfadmin.wasm": ("\0asm\1\0\0\0", "application/wasm"),
         "fonts/NotoSansTC.otf": ("OTTO", "font/otf"),
         "fonts/Roboto.ttf": ("\0\1\0\0", "font/ttf"),
         "fonts/Roboto.woff2": ("wOF2", "font/woff2"),
         "style.css": ("body{}", "text/css; charset=utf-8")}


class StaticTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=10, test_control=False)
        root = cls.srv.root
        for name, (content, _) in FILES.items():
            os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
            with open(os.path.join(root, name), "w", encoding="latin-1") as f:
                f.write(content)
        secret_dir = os.path.join(cls.srv.tmp, "outside")
        os.makedirs(secret_dir)
        with open(os.path.join(secret_dir, "secret.txt"), "w") as f:
            f.write("TOP-SECRET")
        os.symlink(secret_dir, os.path.join(root, "escape"))
        os.symlink(os.path.join(secret_dir, "secret.txt"), os.path.join(root, "escape.txt"))
        os.symlink(os.path.join(root, "style.css"), os.path.join(root, "inside.css"))

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def get(self, path, headers=None, method="GET"):
        return self.srv.request(method, path, headers=headers)

    def assert_security_headers(self, r):
        self.assertEqual(r.header("Content-Security-Policy"), CSP)
        self.assertEqual(r.header("X-Content-Type-Options"), "nosniff")
        self.assertEqual(r.header("Referrer-Policy"), "no-referrer")
        self.assertEqual(r.header("X-Frame-Options"), "DENY")
        self.assertEqual(r.header("Cross-Origin-Resource-Policy"), "same-origin")
        self.assertFalse([h for h in r.headers if h.startswith("access-control-")], r.headers)

    def test_mime_types(self):
        for name, (content, mime) in FILES.items():
            with self.subTest(name=name):
                r = self.get("/" + name)
                self.assertEqual(r.status, 200)
                self.assertEqual(r.header("Content-Type"), mime)
                self.assertEqual(r.body, content.encode("latin-1"))
                self.assert_security_headers(r)

    def test_root_is_index_without_cache(self):
        r = self.get("/")
        self.assertEqual(r.status, 200)
        self.assertIn(b"wfadmin", r.body)
        self.assertEqual(r.header("Cache-Control"), "no-cache")

    def test_etag_and_last_modified_revalidate(self):
        r = self.get("/wfadmin.wasm")
        etag, modified = r.header("ETag"), r.header("Last-Modified")
        self.assertEqual(r.header("Cache-Control"), "no-cache")
        self.assertTrue(etag and modified)
        again = self.get("/wfadmin.wasm", {"If-None-Match": etag})
        self.assertEqual(again.status, 304)
        self.assertEqual(again.body, b"")
        self.assert_security_headers(again)
        self.assertEqual(self.get("/wfadmin.wasm", {"If-Modified-Since": modified}).status, 304)
        old = email.utils.formatdate(0, usegmt=True)
        self.assertEqual(self.get("/wfadmin.wasm", {"If-Modified-Since": old}).status, 200)
        self.assertEqual(self.get("/wfadmin.wasm", {"If-None-Match": '"other"'}).status, 200)

    def test_head_has_no_body(self):
        r = self.get("/wfadmin.js", method="HEAD")
        self.assertEqual(r.status, 200)
        self.assertEqual(r.body, b"")
        self.assertEqual(r.header("Content-Length"), str(len(FILES["wfadmin.js"][0])))

    def test_traversal_is_impossible(self):
        attempts = ["/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/%2E%2E/outside/secret.txt",
                    "/..%2foutside%2fsecret.txt", "/fonts/../../outside/secret.txt", "/%2e%2e%2foutside/secret.txt",
                    "/..\\outside\\secret.txt", "/%5c..%5coutside%5csecret.txt", "//etc/passwd", "/etc/passwd",
                    "/escape/secret.txt", "/escape.txt", "/%252e%252e/outside/secret.txt", "/./index.html",
                    "/fonts/%00.otf", "/%ff%fe", "http://evil.example/../outside/secret.txt"]
        for path in attempts:
            with self.subTest(path=path):
                r = self.get(path)
                self.assertIn(r.status, (400, 404, 421), r.status)
                self.assertNotIn(b"TOP-SECRET", r.body)
                self.assert_security_headers(r)

    def test_dotfiles_are_never_served(self):
        root = self.srv.root
        for name in (".env", ".git/config", ".hidden/app.js", "fonts/.DS_Store", ".well-known/security.txt"):
            os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
            with open(os.path.join(root, name), "w") as f:
                f.write("DOTFILE-CONTENT")
        for path in ("/.env", "/.git/config", "/.git/", "/.hidden/app.js", "/fonts/.DS_Store", "/%2eenv",
                     "/%2Egit/config", "/.well-known/security.txt", "/fonts/%2eDS_Store"):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertEqual(r.status, 404)
                self.assertNotIn(b"DOTFILE-CONTENT", r.body)
                self.assert_security_headers(r)

    def test_symlink_inside_root_is_served(self):
        self.assertEqual(self.get("/inside.css").status, 200)

    def test_missing_file_is_404(self):
        r = self.get("/nope.js")
        self.assertEqual(r.status, 404)
        self.assert_security_headers(r)

    def test_only_get_and_head(self):
        r = self.get("/index.html", method="POST")
        self.assertEqual(r.status, 405)
        self.assert_security_headers(r)

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
