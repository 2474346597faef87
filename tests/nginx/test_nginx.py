# test_nginx.py: deploy/nginx/wfadmin.conf in Debian's nginx (non-daemon, free loopback port, temporary prefix)
# against the same tables as serve.py (tests/server/shared_cases.py): hosts and tenants refused, headers in both
# directions, redirects, body limits, static files (traversal, dotfiles, symlinks, MIME types, caching,
# precompressed files), HTTPS with HSTS, and no credential in its logs. Plus what nginx does its own way.
import os
import shutil
import ssl
import tempfile
import unittest

from tests.server.fake_workfront import FakeWorkfront, closed_port, start_fake_workfront
from tests.server.shared_cases import (LogCases, ProxyCases, StaticCases, TenantCases, UNREACHABLE, REFUSED,
                                       populate_site)
from tests.server.support import API, Serve, self_signed_certificate
from tests.server.targets import NginxTarget


class WithUpstream:
    tenants = ()

    @classmethod
    def setUpClass(cls):
        cls.upstream = start_fake_workfront()
        cls.target = NginxTarget("http://127.0.0.1:%d" % cls.upstream.server_address[1], tenants=cls.tenants)

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()
        cls.upstream.shutdown()
        cls.upstream.server_close()


class NginxProxyTest(WithUpstream, ProxyCases, unittest.TestCase):
    def test_relative_and_dotted_redirects_are_refused(self):   # serve.py resolves these; nginx does not try
        for location in ("count?x=1", "../project/search", "/attask/api/v21.0/a/%2e%2e/user/count"):
            with self.subTest(location=location):
                self.assert_error(self.redirect_to(location), 502, REFUSED, "redirect")


class NginxTenantTest(TenantCases, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.upstream = start_fake_workfront()
        cls.target = NginxTarget("http://127.0.0.1:%d" % cls.upstream.server_address[1], tenants=["acme", "Beta"])

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()
        cls.upstream.shutdown()
        cls.upstream.server_close()


class NginxStaticTest(StaticCases, unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.target = NginxTarget("http://127.0.0.1:%d" % closed_port())
        populate_site(cls.target.root, os.path.join(cls.target.tmp, "outside"))

    @classmethod
    def tearDownClass(cls):
        cls.target.stop()

    def test_unreachable_upstream_is_json(self):
        r = self.target.request("GET", API + "/user/count", headers={"X-Workfront-Host": "acme.my.workfront.com"})
        self.assertEqual((r.status, r.json()["error"]["class"]), (502, UNREACHABLE))


class NginxLogTest(LogCases, unittest.TestCase):
    def setUp(self):
        self.upstream = start_fake_workfront()
        self.target = NginxTarget("http://127.0.0.1:%d" % self.upstream.server_address[1])

    def tearDown(self):
        self.target.stop()
        self.upstream.shutdown()
        self.upstream.server_close()


class NginxTlsTest(unittest.TestCase):
    def test_https_with_hsts(self):
        tmp = tempfile.mkdtemp(prefix="wfadmin-nginx-tls-")
        self.addCleanup(shutil.rmtree, tmp, True)
        cert, key = self_signed_certificate(tmp)
        target = NginxTarget("http://127.0.0.1:%d" % closed_port(), tls=(cert, key))
        self.addCleanup(target.stop)
        with open(os.path.join(target.root, "index.html"), "w") as f:
            f.write("<!doctype html>")
        target.client.tls_context = ssl.create_default_context(cafile=cert)
        for path in ("/", "/config.json", API + "/user/count"):
            with self.subTest(path=path):
                r = target.request("GET", path)
                self.assertEqual(r.header("Strict-Transport-Security"), "max-age=31536000")


if __name__ == "__main__":
    unittest.main()
