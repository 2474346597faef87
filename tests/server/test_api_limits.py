# test_api_limits.py: demo API inputs past what Python or SQLite can take (deep JSON, integers beyond 64 bits,
# dates beyond year 9999, huge LIKE patterns, thousands of OR groups or sort terms) are 422
# IllegalArgumentExceptions, never a 500 with a traceback; no answer carries NaN or Infinity; a batch cannot
# hide another batch behind percent-encoding.
import unittest
from urllib.parse import quote, urlencode

from server import errors

from .support import Serve, API, strict_json

DEEP = "[" * 5000 + "]" * 5000


class ApiLimitsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=30, quiet=False)
        cls.key = cls.srv.key_for()
        cls.someone = cls.srv.users(limit=1, special=False)[0]["ID"]

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def search(self, pairs, path="/user/search"):
        """A search with its parameters in a form body (method=GET), as long lists are sent to Workfront."""
        return self.srv.request("POST", API + path, urlencode([("method", "GET")] + pairs),
                                {"apiKey": self.key, "Content-Type": "application/x-www-form-urlencoded"})

    def assert_illegal(self, r, pattern="."):
        self.assertEqual(r.status, 422, r.body[:300])
        error = strict_json(r.body)["error"]
        self.assertEqual(error["class"], errors.ILLEGAL_ARG)
        self.assertRegex(error["message"], pattern)
        self.assertLess(len(r.body), 2000, "a message shows at most a bounded part of the input")

    def test_deeply_nested_json(self):
        self.assert_illegal(self.srv.api("PUT", "/user/" + self.someone, params={"updates": DEEP}, key=self.key),
                            "updates")
        self.assert_illegal(self.srv.api("PUT", "/user", params={"updates": DEEP}, key=self.key), "updates")
        self.assert_illegal(self.search([("filters", '{"name":' + DEEP + "}")]), "filters")
        r = self.srv.request("PUT", API + "/user/" + self.someone, DEEP,
                             {"apiKey": self.key, "Content-Type": "application/json"})
        self.assert_illegal(r, "body")
        self.assert_illegal(self.search([("filters", '{"name":[[["x"]]]}')]), "filters")

    def test_integers_beyond_64_bits(self):
        for value in ("99999999999999999999", "-9223372036854775809", "9" * 5000, "1_000", "١٢"):
            with self.subTest(value=value[:20]):
                self.assert_illegal(self.search([("loginCount", value)]), "loginCount")
        self.assertEqual(self.search([("loginCount", "9223372036854775807")]).status, 200)
        self.assert_illegal(self.search([("$$FIRST", "99999999999999999999")]), "FIRST")

    def test_huge_date_offsets(self):
        for value in ("$$NOW+99999999999999999y", "$$TODAY-99999999999999999999d", "$$NOW+999999999y",
                      "$$NOW+" + "9" * 5000 + "d", "9999-12-31T23:59:59-23:59", "0000-01-01"):
            with self.subTest(value=value[:30]):
                self.assert_illegal(self.search([("lastLoginDate", value), ("lastLoginDate_Mod", "gt")]),
                                    "lastLoginDate")
        self.assertEqual(self.search([("lastLoginDate", "$$NOW-10y"), ("lastLoginDate_Mod", "gt")]).status, 200)

    def test_sqlite_limits(self):
        self.assert_illegal(self.search([("name", "%" * 60_000), ("name_Mod", "like")]), "at most")
        self.assert_illegal(self.search([("OR:%d:name" % i, "x") for i in range(1, 1202)]), "OR groups")
        self.assert_illegal(self.search([("name_%d_Sort" % i, "asc") for i in range(1, 2102)]), "sort")
        self.assert_illegal(self.search([("ID", "x")] * 40_000 + [("ID_Mod", "in")]), "filter values")
        self.assert_illegal(self.search([("OR:%d:name" % i, "x") for i in range(1, 1202)], "/user/count"),
                            "OR groups")
        self.assertEqual(self.search([("OR:%d:name" % i, "x") for i in range(1, 51)]).status, 200)

    def test_no_nan_or_infinity_in_answers(self):
        for updates in ('[{"ID":NaN,"isActive":false}]', '[{"ID":1e400,"isActive":false}]',
                        '{"title":1e400}', '{"title":-Infinity}', '[{"ID":"%s","title":1e999}]' % self.someone):
            with self.subTest(updates=updates):
                path = "/user/" + self.someone if updates.startswith("{") else "/user"
                r = self.srv.api("PUT", path, params={"updates": updates}, key=self.key)
                self.assert_illegal(r)
        r = self.search([("filters", '{"loginCount":1e400}')])
        self.assert_illegal(r, "loginCount")

    def test_a_batch_cannot_hide_another_batch(self):
        inner = "method=POST&uri=" + quote("user/count") + "&uri=" + quote("user/count")
        self.srv.control("POST", "stats/reset")
        for uri in ("%62atch?" + inner, "/%62atch?" + inner, "BATCH?" + inner, "batch/?" + inner,
                    "%2562atch?" + inner):
            with self.subTest(uri=uri):
                r = self.srv.api("POST", "/batch", form={"uri": [uri]}, key=self.key)
                if uri.startswith("%25"):   # decoded once only: it names no object at all
                    self.assert_illegal(r)
                else:
                    self.assert_illegal(r, "batch")
        counted = self.srv.control("GET", "stats")[1]["by_path"]
        self.assertNotIn("GET user/count", counted, "no call inside a refused nested batch ran")
        r = self.srv.api("POST", "/batch", form={"uri": ["user/count"] * 101}, key=self.key)
        self.assert_illegal(r, "1 to 100")

    def test_zz_log_has_no_tracebacks(self):   # last: unittest runs tests in name order
        self.assertNotIn("Traceback", self.srv.output())


if __name__ == "__main__":
    unittest.main()
