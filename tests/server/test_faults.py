# test_faults.py: injected trouble: errors (Workfront JSON for 500, a gateway's HTML page for 502/503, 429 with
# Retry-After), dropped connections (before and after the work is done), latency, the match filter, CLI flags,
# and that static files are never affected. Faults are off unless asked for.
import http.client
import json
import threading
import time
import unittest

from .support import Serve


class FaultTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=30)
        cls.key = cls.srv.key_for()
        with open(cls.srv.root + "/index.html", "w") as f:
            f.write("<title>page</title>")

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def tearDown(self):
        self.srv.control("POST", "faults", {})

    def faults(self, **cfg):
        status, data = self.srv.control("POST", "faults", cfg)
        self.assertEqual(status, 200, data)
        return data

    def count(self):
        return self.srv.api("GET", "/user/count", key=self.key)

    def test_off_by_default(self):
        self.assertEqual(self.srv.control("GET", "faults")[1]["error_rate"], 0)
        for _ in range(20):
            self.assertEqual(self.count().status, 200)

    def test_workfront_shaped_500(self):
        self.faults(error_rate=1, error_status=500)
        r = self.count()
        self.assertEqual(r.status, 500)
        self.assertEqual(set(r.json()["error"]), {"class", "message", "title", "msgKey", "attributes", "code"})

    def test_gateway_html_and_retry_after(self):
        for status in (502, 503, 429):
            with self.subTest(status=status):
                self.faults(error_rate=1, error_status=status)
                r = self.count()
                self.assertEqual(r.status, status)
                self.assertTrue(r.header("Content-Type").startswith("text/html"))
                self.assertIn(b"<html>", r.body)
                if status in (429, 503):
                    self.assertEqual(r.header("Retry-After"), "1")
        self.faults(error_rate=1, error_status=503, error_body="json")
        self.assertEqual(self.count().json()["error"]["code"], 503)

    def test_rate_is_seeded_and_partial(self):
        def run():
            self.faults(error_rate=0.5, error_status=503, seed=42)
            return [self.count().status for _ in range(40)]
        first, second = run(), run()
        self.assertEqual(first, second, "the same seed gives the same sequence")
        self.assertTrue(10 < first.count(503) < 30, first)

    def test_drop_closes_without_answer(self):
        self.faults(drop_rate=1)
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
            self.count()
        stats = self.srv.control("GET", "stats")[1]
        self.assertGreaterEqual(stats["faults"]["drops"], 1)

    def test_faulted_writes_still_count_as_received(self):
        self.srv.control("POST", "stats/reset", {})
        self.faults(error_rate=1, error_status=503)
        self.srv.api("PUT", "/user/" + "a" * 32, params={"updates": '{"isActive":false}'}, key=self.key)
        self.srv.api("POST", "/user/search", form={"method": "GET"}, key=self.key)
        stats = self.srv.control("GET", "stats")[1]
        self.assertEqual((stats["requests"], stats["writes"], stats["faults"]["errors"]), (2, 1, 2))
        self.assertEqual(stats["by_path"], {"PUT (fault)": 1, "GET (fault)": 1})

    def test_drop_after_write_applies_the_change(self):
        uid = self.srv.users(limit=1, special=False, isActive=True)[0]["ID"]
        self.faults(drop_after_rate=1, match="/user/" + uid)
        with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
            self.srv.api("PUT", "/user/" + uid, params={"updates": '{"isActive":false}'}, key=self.key)
        self.assertFalse(self.srv.user(uid)["isActive"], "the reply was lost, the write was not")

    def test_latency(self):
        self.faults(latency_ms=300)
        start = time.perf_counter()
        self.assertEqual(self.count().status, 200)
        self.assertGreaterEqual(time.perf_counter() - start, 0.29)

    def test_match_limits_faults(self):
        self.faults(error_rate=1, error_status=503, match="/user/search")
        self.assertEqual(self.count().status, 200)
        self.assertEqual(self.srv.api("GET", "/user/search", key=self.key).status, 503)

    def test_concurrency_bound_and_max_in_flight(self):
        self.srv.control("POST", "stats/reset", {})
        self.faults(max_concurrent=2, latency_ms=1000)
        results = []
        threads = [threading.Thread(target=lambda: results.append(self.count().status)) for _ in range(5)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(sorted(results), [200, 200, 429, 429, 429])
        stats = self.srv.control("GET", "stats")[1]
        self.assertEqual(stats["faults"]["concurrency"], 3)
        self.assertGreaterEqual(stats["max_in_flight"], 3, "the refused ones were in flight too, briefly")
        self.assertEqual(stats["in_flight"], 0)
        self.faults(latency_ms=1000)
        self.srv.control("POST", "stats/reset", {})
        threads = [threading.Thread(target=self.count) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(self.srv.control("GET", "stats")[1]["max_in_flight"], 3)

    def test_static_files_are_never_faulted(self):
        self.faults(error_rate=1, error_status=500, drop_rate=0)
        self.assertEqual(self.srv.request("GET", "/index.html").status, 200)
        self.faults(drop_rate=1)
        self.assertEqual(self.srv.request("GET", "/").status, 200)
        self.assertEqual(self.srv.request("GET", "/wfadmin/config.json").status, 200)

    def test_invalid_settings_are_refused(self):
        for cfg in ({"error_rate": 2}, {"error_status": 404}, {"latency": 5}, {"drop_rate": -1},
                    {"error_body": "xml"}):
            with self.subTest(cfg=cfg):
                self.assertEqual(self.srv.control("POST", "faults", cfg)[0], 400)
        r = self.srv.request("POST", "/__test__/faults", "not json", {"Content-Type": "application/json"})
        self.assertEqual(r.status, 400)

    def test_cli_flags(self):
        with Serve(users=8, args=["--error-rate", "1", "--error-status", "502"]) as srv:
            self.assertEqual(srv.api("GET", "/user/count").status, 502)
            self.assertEqual(srv.request("GET", "/wfadmin/config.json").status, 200)
        with Serve(users=8, args=["--drop-rate", "1"]) as srv:
            with self.assertRaises((http.client.RemoteDisconnected, ConnectionError)):
                srv.api("GET", "/user/count")
        with Serve(users=8, args=["--latency-ms", "250"]) as srv:
            start = time.perf_counter()
            srv.api("GET", "/user/count")
            self.assertGreaterEqual(time.perf_counter() - start, 0.24)


class ControlTest(unittest.TestCase):
    def test_control_endpoints(self):
        with Serve(users=25) as srv:
            rows = srv.users(limit=100)
            self.assertEqual(len(rows), 25)
            self.assertEqual({r["ID"] for r in rows[:4]}, {"00000000000000000000000000000a0%d" % i for i in range(4)})
            plain = srv.users(limit=100, special=False, isAdmin=False)
            self.assertTrue(plain and all(not r["isAdmin"] for r in plain))
            self.assertNotIn("00000000000000000000000000000a02", [r["ID"] for r in plain])
            user = srv.user(rows[5]["ID"])
            self.assertEqual(user["ID"], rows[5]["ID"])
            self.assertIn("isActive", user)
            self.assertEqual(srv.control("GET", "user/" + "0" * 32)[0], 404)
            srv.api("GET", "/user/count")
            stats = srv.control("GET", "stats")[1]
            self.assertEqual(stats["by_path"].get("GET user/count"), 1)
            self.assertEqual(stats["writes"], 0)
            self.assertEqual(srv.control("POST", "stats/reset", {})[1]["requests"], 0)
            key = srv.key_for()
            uid = rows[10]["ID"]
            srv.api("PUT", "/user/" + uid, params={"updates": json.dumps({"title": "changed"})}, key=key)
            self.assertEqual(srv.user(uid)["title"], "changed")
            status, data = srv.control("POST", "reset", {})
            self.assertEqual(status, 200)
            self.assertNotEqual(srv.user(uid)["title"], "changed")
            self.assertEqual(srv.api("GET", "/user/count", key=data["ssoApiKey"]).json()["data"]["count"], 25)


if __name__ == "__main__":
    unittest.main()
