# test_deploy.py: serve.py as deployed: HTTPS with a certificate (HSTS only then), locked to --tenant values (the
# shared tenant table), the deployment config (config.json in the root or --config, checked at start), the shared
# log table, and the build step that hashes and precompresses the site (scripts/lib/site_assets.py).
import gzip
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import unittest

from .fake_workfront import start_fake_workfront
from .shared_cases import LogCases, TenantCases
from .support import REPO, API, Serve, self_signed_certificate
from .targets import ServeTarget


class TlsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="wfadmin-tls-")
        cert, key = self_signed_certificate(cls.tmp)
        context = ssl.create_default_context(cafile=cert)
        cls.srv = Serve(users=10, args=["--tls-cert", cert, "--tls-key", key], tls_context=context, quiet=False)
        with open(os.path.join(cls.srv.root, "index.html"), "w") as f:
            f.write("<!doctype html><title>wfadmin</title>")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_https_with_hsts(self):
        self.assertIn("serving on https://127.0.0.1:%d/" % self.srv.port, self.srv.output())
        for path in ("/", API + "/user/count", "/config.json", "/nothing"):
            with self.subTest(path=path):
                r = self.srv.request("GET", path)
                self.assertEqual(r.header("Strict-Transport-Security"), "max-age=31536000")
                self.assertEqual(r.header("X-Frame-Options"), "DENY")
        key = self.srv.key_for()
        self.assertEqual(self.srv.api("GET", "/user/count", key=key).status, 200)

    def test_plain_http_and_silent_clients_do_not_stop_it(self):
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            try:
                answer = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                answer = b""
            self.assertNotIn(b"<title>wfadmin", answer)
        silent = socket.create_connection(("127.0.0.1", self.srv.port), timeout=10)   # never says hello
        try:
            self.assertEqual(self.srv.request("GET", "/").status, 200)
        finally:
            silent.close()
        self.assertNotIn("Traceback", self.srv.output())

    def test_plain_http_has_no_hsts(self):
        with Serve(users=8) as plain:
            self.assertIsNone(plain.request("GET", "/").header("Strict-Transport-Security"))

    def test_bad_certificates_are_refused_at_start(self):
        bad = os.path.join(self.tmp, "bad.pem")
        with open(bad, "w") as f:
            f.write("not a certificate")
        for args in (["--tls-cert", bad, "--tls-key", bad], ["--tls-cert", bad]):
            with self.subTest(args=args):
                p = subprocess.run([sys.executable, os.path.join(REPO, "serve.py"), "--port", "0", "--no-demo"] + args,
                                   capture_output=True, text=True, timeout=30)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertRegex(p.stderr, "certificate|go together")


class ServeTenantTest(TenantCases, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = start_fake_workfront()
        cls.target = ServeTarget("http://127.0.0.1:%d" % cls.upstream.server_address[1], tenants=["acme", "Beta"])

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def test_the_demo_stays_local(self):
        self.assertEqual(self.target.request("GET", API + "/user/count").status, 401)


class ServeLogTest(LogCases, unittest.TestCase):
    def setUp(self):
        self.upstream = start_fake_workfront()
        self.target = ServeTarget("http://127.0.0.1:%d" % self.upstream.server_address[1])

    def tearDown(self):
        self.target.stop()
        self.upstream.shutdown()
        self.upstream.server_close()


class ConfigTest(unittest.TestCase):
    def start(self, config, *args):
        path = os.path.join(self.tmp, "config.json")
        with open(path, "w") as f:
            f.write(config if isinstance(config, str) else json.dumps(config))
        return subprocess.run([sys.executable, os.path.join(REPO, "serve.py"), "--port", "0", "--no-demo",
                               "--root", self.tmp, "--config", path] + list(args),
                              capture_output=True, text=True, timeout=5)

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="wfadmin-config-")
        self.addCleanup(shutil.rmtree, self.tmp, True)

    def test_a_wrong_config_stops_serve_py_with_the_reason(self):
        for config, reason in (("{", "not JSON"), ([], "JSON object"), ({"tenant": ["acme"]}, "unknown field tenant"),
                               ({"tenants": "acme"}, "list"), ({"tenants": ["evil.example"]}, "not a Workfront"),
                               ({"defaultDomain": "beta", "tenants": ["acme"]}, "not one of the tenants"),
                               ({"apiVersion": "latest"}, "apiVersion"), ({"oauth2ClientId": "a b"}, "oauth2ClientId")):
            with self.subTest(config=config):
                p = self.start(config)
                self.assertEqual(p.returncode, 2, p.stdout + p.stderr)
                self.assertIn(reason, p.stderr)

    def test_the_config_file_and_flags_are_served(self):
        path = os.path.join(self.tmp, "config.json")
        with open(path, "w") as f:
            json.dump({"defaultDomain": "ACME", "apiVersion": "20.0", "oauth2ClientId": "abc-123"}, f)
        with Serve(users=None, args=["--no-demo", "--config", path, "--tenant", "acme.my.workfront.com",
                                     "--tenant", "beta"], test_control=False) as srv:
            r = srv.request("GET", "/config.json")
            self.assertEqual(r.header("Cache-Control"), "no-cache")
            data = r.json()
            self.assertEqual((data["tenants"], data["defaultDomain"], data["apiVersion"], data["oauth2ClientId"],
                              data["demo"]), (["acme", "beta"], "acme", "20.0", "abc-123", False))
            self.assertNotIn("demoDomain", data)
        with Serve(users=8) as srv:   # no file in the root, no flags: today's defaults
            data = srv.request("GET", "/config.json").json()
            self.assertEqual(set(data), {"demo", "demoDomain", "version", "demoOAuth2ClientId", "demoAuthorizeOrigin"})


class SiteAssetsTest(unittest.TestCase):
    """scripts/lib/site_assets.py on a small site like the build's."""

    def setUp(self):
        self.site = tempfile.mkdtemp(prefix="wfadmin-site-")
        self.addCleanup(shutil.rmtree, self.site, True)
        self.write("wfadmin.wasm", b"\0asm" + bytes(4000))
        self.write("wfadmin.js", b"var x = 'wfadmin.wasm';" * 100)
        self.write("boot.js", b"'use strict';" * 100)
        self.write("text-input.js", b"'use strict';" * 100)
        self.write("wfadmin.css", b"body { margin: 0 }" * 50)
        self.write("fonts/cjk-tc.otf", b"OTTO" + bytes(3000))
        self.index = os.path.join(REPO, "web", "index.html")

    def write(self, rel, data):
        os.makedirs(os.path.dirname(os.path.join(self.site, rel)), exist_ok=True)
        with open(os.path.join(self.site, rel), "wb") as f:
            f.write(data)

    def run_step(self):
        subprocess.run([sys.executable, os.path.join(REPO, "scripts", "lib", "site_assets.py"), self.site, self.index],
                       check=True, timeout=60)

    def listing(self):
        return sorted(os.path.relpath(os.path.join(d, n), self.site) for d, _, files in os.walk(self.site) for n in files)

    def test_hashed_names_index_and_compressed_copies(self):
        self.run_step()
        with open(os.path.join(self.site, "index.html"), encoding="utf-8") as f:
            page = f.read()
        names = self.listing()
        hashed = {n for n in names if __import__("re").search(r"\.[0-9a-f]{12}\.[a-z0-9]+$", n)}
        self.assertEqual(len(hashed), 6, names)
        for rel in ("boot", "text-input", "wfadmin"):
            (js,) = [n for n in hashed if n.startswith(rel + ".") and n.endswith(".js")]
            self.assertIn('src="%s"' % js, page)
        (css,) = [n for n in hashed if n.endswith(".css")]
        self.assertIn('href="%s"' % css, page)
        self.assertNotIn('src="wfadmin.js"', page)
        assets = json.loads(__import__("html").unescape(
            __import__("re").search(r'<meta name="wfadmin-assets" content="([^"]*)">', page).group(1)))
        self.assertEqual(set(assets), {"wfadmin.wasm", "fonts/cjk-tc.otf"})
        self.assertIn(assets["wfadmin.wasm"], hashed)
        with gzip.open(os.path.join(self.site, assets["wfadmin.wasm"] + ".gz")) as f:
            self.assertEqual(f.read(), b"\0asm" + bytes(4000))
        self.assertIn("index.html.gz", names)
        if shutil.which("brotli"):
            self.assertIn(assets["wfadmin.wasm"] + ".br", names)
        with open(os.path.join(self.site, "config.json")) as f:
            self.assertEqual(json.load(f), {})

    def test_a_rebuild_replaces_old_hashed_copies(self):
        self.run_step()
        first = self.listing()
        self.run_step()
        self.assertEqual(self.listing(), first, "a second run with the same files changes nothing")
        self.write("wfadmin.wasm", b"\0asm" + bytes(5000))
        self.run_step()
        wasm = [n for n in self.listing() if n.startswith("wfadmin.") and ".wasm" in n and n != "wfadmin.wasm"]
        self.assertEqual(len([n for n in wasm if n.endswith(".wasm")]), 1, wasm)


if __name__ == "__main__":
    unittest.main()
