# shared_cases.py: the proxy, static-file, caching and log cases that serve.py and nginx (deploy/nginx/wfadmin.conf)
# must both pass: one table, two servers (targets.py). A concrete test class mixes one of these with
# unittest.TestCase and sets cls.target (and cls.upstream, a fake_workfront server, for the proxy cases).
# What only one of them does (serve.py reads odd redirects as a browser would and resolves relative ones, bounds
# a whole call in time; nginx refuses those outright) is tested beside that server.
import email.utils
import gzip
import os
import re
import unittest
from urllib.parse import quote

from server import errors

from .fake_workfront import FakeWorkfront
from .support import API, strict_json

REFUSED = errors.PROXY_REFUSED
UNREACHABLE = errors.PROXY_UNREACHABLE
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
HASHED_WASM = "wfadmin.0123456789ab.wasm"
WASM_BODY = b"\0asm" + bytes(range(256)) * 64


def populate_site(root, outside):
    """The files of FILES in `root`, a secret in `outside` with symlinks to it from the root, a symlink inside
    the root, and a content-hashed wasm with gzip and brotli siblings."""
    for name, (content, _) in FILES.items():
        os.makedirs(os.path.dirname(os.path.join(root, name)), exist_ok=True)
        with open(os.path.join(root, name), "w", encoding="latin-1") as f:
            f.write(content)
    os.makedirs(outside, exist_ok=True)
    with open(os.path.join(outside, "secret.txt"), "w") as f:
        f.write("TOP-SECRET")
    os.symlink(outside, os.path.join(root, "escape"))
    os.symlink(os.path.join(outside, "secret.txt"), os.path.join(root, "escape.txt"))
    os.symlink(os.path.join(root, "style.css"), os.path.join(root, "inside.css"))
    with open(os.path.join(root, HASHED_WASM), "wb") as f:
        f.write(WASM_BODY)
    with open(os.path.join(root, HASHED_WASM + ".gz"), "wb") as f:
        f.write(gzip.compress(WASM_BODY, mtime=0))
    with open(os.path.join(root, HASHED_WASM + ".br"), "wb") as f:
        f.write(b"BROTLI-STAND-IN")   # only its bytes are compared: whoever sends it must say br
    with open(os.path.join(root, "index.html.gz"), "wb") as f:
        f.write(gzip.compress(FILES["index.html"][0].encode(), mtime=0))


class ProxyCases:
    target = upstream = None

    def setUp(self):
        FakeWorkfront.seen.clear()

    def call(self, host, path="/user/search?fields=ID&$$LIMIT=5", method="GET", body=None, headers=None):
        h = {"X-Workfront-Host": host} if host is not None else {}
        h.update(headers or {})
        return self.target.request(method, API + path, body, h)

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
                r = self.target.request("GET", API + "/user/search",
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

    def test_response_loses_cookies_and_cors(self):
        r = self.call("acme.my.workfront.com")
        self.assertEqual(r.status, 200)
        for name in ("set-cookie", "access-control-allow-origin", "keep-alive"):
            self.assertIsNone(r.header(name))
        self.assertEqual(r.header("Content-Type"), "application/json;charset=UTF-8")
        self.assertEqual(r.header("X-Frame-Options"), "DENY")

    def test_upstream_errors_pass_through(self):
        r = self.call("acme.my.workfront.com", "/user/invalid")
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "bad")

    def test_redirects(self):
        r = self.call("acme.my.workfront.com", "/user/away")
        self.assert_error(r, 502, REFUSED, "redirect")
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

    def test_request_body_limit(self):
        r = self.call("acme.my.workfront.com", "/user", "POST", b"x" * (10 * 1024 * 1024 + 1),
                      {"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(r.status, 413)
        self.assertEqual(FakeWorkfront.seen, [])


class StaticCases:
    target = None

    def get(self, path, headers=None, method="GET"):
        return self.target.request(method, path, headers=headers)

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
                    "/escape/secret.txt", "/escape.txt", "/%252e%252e/outside/secret.txt",
                    "/fonts/%00.otf", "/%ff%fe", "http://evil.example/../outside/secret.txt"]
        for path in attempts:
            with self.subTest(path=path):
                r = self.get(path)
                self.assertIn(r.status, (400, 403, 404, 421), r.status)   # nginx: 403 for any symlink
                self.assertNotIn(b"TOP-SECRET", r.body)
                self.assert_security_headers(r)

    def test_dotfiles_are_never_served(self):
        root = self.target.root
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

    def test_missing_file_is_404(self):
        r = self.get("/nope.js")
        self.assertEqual(r.status, 404)
        self.assert_security_headers(r)

    def test_only_get_and_head(self):
        r = self.get("/index.html", method="POST")
        self.assertEqual(r.status, 405)
        self.assert_security_headers(r)


    def test_hashed_names_are_immutable_and_the_rest_revalidates(self):
        r = self.get("/" + HASHED_WASM)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.header("Cache-Control"), "public, max-age=31536000, immutable")
        self.assertEqual(r.body, WASM_BODY)
        self.assertEqual(r.header("Content-Type"), "application/wasm")
        for path in ("/", "/index.html", "/wfadmin.wasm", "/fonts/Roboto.ttf"):
            with self.subTest(path=path):
                self.assertEqual(self.get(path).header("Cache-Control"), "no-cache")

    def test_precompressed_files_go_to_browsers_that_take_them(self):
        r = self.get("/" + HASHED_WASM, {"Accept-Encoding": "gzip, deflate"})
        self.assertEqual(r.header("Content-Encoding"), "gzip")
        self.assertEqual(gzip.decompress(r.body), WASM_BODY)
        self.assertEqual(r.header("Content-Type"), "application/wasm")
        self.assertIn("accept-encoding", (r.header("Vary") or "").lower())
        self.assert_security_headers(r)
        plain = self.get("/" + HASHED_WASM, {"Accept-Encoding": "identity"})
        self.assertIsNone(plain.header("Content-Encoding"))
        self.assertEqual(plain.body, WASM_BODY)
        self.assertIn("accept-encoding", (plain.header("Vary") or "").lower())
        self.assertNotEqual(plain.header("ETag"), r.header("ETag"))
        refused = self.get("/" + HASHED_WASM, {"Accept-Encoding": "gzip;q=0"})
        self.assertIsNone(refused.header("Content-Encoding"))
        page = self.get("/", {"Accept-Encoding": "gzip"})
        self.assertEqual(gzip.decompress(page.body).decode(), FILES["index.html"][0])
        self.assertEqual(page.header("Cache-Control"), "no-cache")

    def test_config_json_is_revalidated(self):
        for path in ("/config.json", "/wfadmin/config.json"):
            with self.subTest(path=path):
                r = self.get(path)
                self.assertEqual(r.status, 200, r.body)
                self.assertEqual(r.header("Cache-Control"), "no-cache")
                self.assertTrue(r.header("Content-Type").startswith("application/json"))
                self.assertIsInstance(r.json(), dict)
                self.assert_security_headers(r)


class TenantCases:
    """cls.target is locked to the tenants acme and beta; cls.upstream is a fake Workfront."""
    target = upstream = None

    def setUp(self):
        FakeWorkfront.seen.clear()

    def test_other_tenants_are_refused_naming_the_allowed_ones(self):
        for host in ("gamma.my.workfront.com", "acmex.my.workfront.com", "beta2.preview.workfront.com"):
            with self.subTest(host=host):
                r = self.target.request("GET", API + "/user/count", headers={"X-Workfront-Host": host})
                self.assertEqual(r.status, 403, r.body)
                error = strict_json(r.body)["error"]
                self.assertEqual(error["class"], REFUSED)
                self.assertEqual(error["attributes"], ["acme", "beta"])
                self.assertIn("acme, beta", error["message"])
                self.assertIn(host, error["message"])
        r = self.target.request("GET", API + "/user/count", headers={"X-Workfront-Host": "evil.example"})
        self.assertEqual((r.status, r.json()["error"]["class"]), (400, REFUSED))
        self.assertEqual(FakeWorkfront.seen, [])

    def test_every_host_of_an_allowed_tenant_goes_through(self):
        for host in ("acme.my.workfront.com", "ACME.preview.workfront.adobe.com", "beta.sb01.workfront.com"):
            with self.subTest(host=host):
                r = self.target.request("GET", API + "/user/search", headers={"X-Workfront-Host": host})
                self.assertEqual(r.status, 200, r.body)
        self.assertEqual(len(FakeWorkfront.seen), 3)

    def test_the_page_learns_the_tenants(self):
        r = self.target.request("GET", "/config.json")
        self.assertEqual(r.json()["tenants"], ["acme", "beta"])
        self.assertEqual(r.header("Cache-Control"), "no-cache")

    def test_the_oauth2_token_path_follows_the_same_rules(self):
        form = "grant_type=authorization_code&code=C0DE&client_id=x&redirect_uri=https%3A%2F%2Fp&code_verifier=V"
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        r = self.target.request("POST", "/integrations/oauth2/api/v1/token", form,
                                dict(headers, **{"X-Workfront-Host": "gamma.my.workfront.com"}))
        self.assertEqual(r.status, 403, r.body)
        r = self.target.request("POST", "/integrations/oauth2/api/v1/token", form,
                                dict(headers, **{"X-Workfront-Host": "acme.my.workfront.com"}))
        self.assertEqual(r.status, 200, r.body)
        (seen,) = FakeWorkfront.seen
        self.assertEqual((seen["path"], seen["body"]), ("/integrations/oauth2/api/v1/token", form.encode()))
        self.assertNotIn("x-workfront-host", {k.lower() for k in seen["headers"]})


class LogCases:
    """cls.target logs requests; log_text() stops it and returns what it logged (run this class's one test
    on a target of its own)."""
    target = None

    def test_credentials_never_reach_the_log(self):
        secrets = ["k3y-%d-not-for-logs" % i for i in range(6)]
        t = self.target
        t.request("GET", API + "/user/count?apiKey=" + secrets[0], headers={"X-Workfront-Host": "acme.my.workfront.com"})
        t.request("GET", API + "/user/count?sessionID=%s&password=%s" % (secrets[1], secrets[2]),
                  headers={"apiKey": secrets[3], "sessionID": secrets[4]})
        t.request("POST", API + "/user", "method=PUT&action=getApiKey&username=a%40b.c&password=" + secrets[5],
                  {"Content-Type": "application/x-www-form-urlencoded", "X-Workfront-Host": "evil.example"})
        t.request("GET", "/index.html?access_token=" + secrets[0])
        t.request("GET", "/nothing?code_verifier=" + secrets[1])
        text = t.log_text()
        self.assertRegex(text, r"GET /attask/api/v21\.0/user/count")
        for secret in secrets:
            self.assertNotIn(secret, text)
