# test_logs.py: one log line per request (method, path, status, ms), the start banner (demo credentials and
# "serving on http://HOST:PORT/"), --quiet, and above all that secrets never reach the log: passwords, API keys,
# session IDs and tokens in query strings are redacted, and headers and bodies are never logged.
import re
import socket
import time
import unittest

from .support import Serve, API, ADMIN_EMAIL, PASSWORD, wait_until

LINE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z 127\.0\.0\.1 (GET|PUT|POST) (\S+) (\d{3}|0) \d+\.\dms")


class LogTest(unittest.TestCase):
    def test_banner(self):
        with Serve(users=12, quiet=False) as srv:
            out = srv.output()
            self.assertIn("admin@demo.example.com / wfadmin-demo", out)
            self.assertIn("user@demo.example.com / wfadmin-demo", out)
            self.assertIn("sso@demo.example.com", out)
            self.assertIn("owner@demo.example.com", out)
            self.assertRegex(out, r"serving on http://127\.0\.0\.1:%d/\n" % srv.port)

    def test_one_line_per_request_and_quiet(self):
        with Serve(users=12, quiet=False) as srv:
            before = len(srv.lines)
            srv.request("GET", "/nothing-here")
            srv.api("GET", "/user/count")
            self.assertTrue(wait_until(lambda: len(srv.lines) >= before + 2))
            got = [LINE.match(l) for l in srv.lines[before:]]
            self.assertTrue(all(got), srv.lines[before:])
            self.assertEqual([(m.group(1), m.group(2), m.group(3)) for m in got],
                             [("GET", "/nothing-here", "404"), ("GET", API + "/user/count", "401")])
        with Serve(users=12, quiet=True) as srv:
            srv.api("GET", "/user/count")
            srv.stop()
            self.assertEqual([l for l in srv.lines if "/attask/" in l], [])
            self.assertTrue(all(l.startswith(("demo: seeded", "serving on")) for l in srv.lines), srv.lines)

    def test_secrets_never_logged(self):
        with Serve(users=12, quiet=False) as srv:
            key = srv.key_for()
            login = srv.api("POST", "/login", form={"username": ADMIN_EMAIL, "password": PASSWORD}).json()
            session = login["data"]["sessionID"]
            wrong = "hunter2-not-the-password"
            srv.api("GET", "/user/count", params={"apiKey": key})
            srv.api("GET", "/user/count", params={"sessionID": session})
            srv.api("GET", "/user/count", key=key, session=session)
            srv.api("PUT", "/user", params={"action": "getApiKey", "username": ADMIN_EMAIL, "password": wrong})
            srv.api("GET", "/login", params={"username": ADMIN_EMAIL, "password": wrong})
            srv.request("GET", API + "/user/count?api%4Bey=" + key + "&PassWord=" + wrong)
            srv.request("GET", API + "/user/count?access_token=" + wrong + "&oauth_token=" + wrong)
            srv.request("GET", "/static?password=" + wrong)
            srv.api("POST", "/user", form={"method": "PUT", "action": "generateApiKey", "username": ADMIN_EMAIL,
                                           "password": wrong})
            with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as s:
                s.sendall(("GET /x?password=%s HTTP/1.1 junk\r\n\r\n" % wrong).encode())
                while s.recv(65536):
                    pass
            # Quotes and spaces do not end a secret value: the whole of it is redacted.
            srv.request("GET", API + '/user/count?apiKey="' + key + '&x=1')
            srv.request("GET", API + "/user/count?apiKey='" + key)
            srv.request("GET", API + '/user/count?password=a"' + wrong)
            with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as s:
                s.sendall(("GET /x?password=a %s HTTP/1.1\r\n\r\n" % wrong).encode())
                while s.recv(65536):
                    pass
            srv.stop()
            out = srv.output()
            self.assertGreaterEqual(len([l for l in srv.lines if LINE.match(l)]), 15, "the requests were logged")
            for secret in (key, session, wrong):
                self.assertNotIn(secret, out)
            self.assertIn("apiKey=***", out)
            self.assertIn("sessionID=***", out)
            self.assertIn("password=***", out)
            self.assertIn("username=admin%40demo.example.com", out, "usernames are kept")

    def test_long_targets_are_logged_at_once(self):
        # Redaction looks at each parameter once: a long target without "=" used to be scanned from every one of
        # its characters (quadratic: a 60 KB target took half a minute of CPU in the logger, holding its lock).
        with Serve(users=12, quiet=False) as srv:
            target = API + "/user/count?" + "%5B" * 20_000
            start = time.monotonic()
            r = srv.request("GET", target, timeout=60)
            self.assertEqual(r.status, 401)
            self.assertTrue(wait_until(lambda: any(target in l for l in srv.lines), timeout=2))
            self.assertLess(time.monotonic() - start, 2)


if __name__ == "__main__":
    unittest.main()
