# test_api_read.py: the demo's read side as Workfront behaves: paths and versions, response shapes, paging limits,
# unstable order without a sort, complete paging with ID_Sort, fields, filters, sorts, counts, method override.
import http.client
import json
import re
import unittest

from server import errors

from .support import Serve, ADMIN_ID, OWNER_ID, ADMIN_EMAIL, USER_EMAIL, API

USERS = 320
WF_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}:\d{3}[+-]\d{4}$")


class ReadTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=USERS)
        cls.key = cls.srv.key_for()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def get(self, path, expect=200, **params):
        r = self.srv.api("GET", path, params=params, key=self.key)
        self.assertEqual(r.status, expect, r.body)
        return r.json()

    def ids(self, **params):
        return [u["ID"] for u in self.get("/user/search", **params)["data"]]

    def assert_error(self, r, status, wf_class, pattern="."):
        self.assertEqual(r.status, status, r.body)
        err = r.json()["error"]
        self.assertEqual(set(err), {"class", "message", "title", "msgKey", "attributes", "code"})
        self.assertEqual(err["class"], wf_class)
        self.assertRegex(err["message"], pattern)

    # ---- shapes ----
    def test_search_shape_and_default_limit(self):
        data = self.get("/user/search")["data"]
        self.assertEqual(len(data), 100)
        for u in data:
            self.assertEqual(u["objCode"], "USER")
            self.assertRegex(u["ID"], r"^[0-9a-f]{32}$")
            self.assertIsInstance(u["name"], str)
            self.assertIsInstance(u["isActive"], bool)

    def test_requested_fields_only_and_workfront_dates(self):
        u = self.get("/user/search", fields="lastLoginDate,isActive,licenseType", ID_Sort="asc")["data"][1]
        self.assertEqual(set(u), {"ID", "name", "objCode", "lastLoginDate", "isActive", "licenseType"})
        self.assertRegex(u["lastLoginDate"], WF_DATE)

    def test_all_fields_and_references(self):
        u = self.get("/user/" + ADMIN_ID, fields="*,accessLevel:name,manager:emailAddr")["data"]
        self.assertEqual(u["emailAddr"], ADMIN_EMAIL)
        self.assertTrue(u["isAdmin"])
        self.assertEqual(u["accessLevel"]["name"], "System Administrator")
        self.assertEqual(u["accessLevel"]["objCode"], "ACSLVL")
        self.assertIsNone(u["manager"])

    def test_unknown_field_is_an_error(self):
        r = self.srv.api("GET", "/user/search", params={"fields": "ID,passwordHash"}, key=self.key)
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "passwordHash")
        r = self.srv.api("GET", "/user/search", params={"noSuchField": "1"}, key=self.key)
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "noSuchField")

    def test_count(self):
        self.assertEqual(self.get("/user/count")["data"], {"count": USERS})
        active = self.get("/user/count", isActive="true")["data"]["count"]
        inactive = self.get("/user/count", isActive="false")["data"]["count"]
        self.assertEqual(active + inactive, USERS)
        self.assertTrue(0 < inactive < active)

    def test_current_user_both_forms(self):
        self.assertEqual(self.get("/user/$$USER")["data"]["ID"], ADMIN_ID)
        self.assertEqual(self.get("/user", id="$$USER")["data"]["ID"], ADMIN_ID)
        both = self.get("/user", id=[ADMIN_ID, OWNER_ID])["data"]
        self.assertEqual([u["ID"] for u in both], [ADMIN_ID, OWNER_ID])

    def test_not_found(self):
        missing = "f" * 32
        r = self.srv.api("GET", "/user/" + missing, key=self.key)
        self.assert_error(r, 404, errors.NOT_FOUND,
                          'with primary key value\\(s\\) "%s" not found' % missing)

    # ---- paging ----
    def test_limit_bounds(self):
        r = self.srv.api("GET", "/user/search", params={"$$LIMIT": "2001"}, key=self.key)
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "2000")
        self.assertEqual(len(self.ids(**{"$$LIMIT": "2000"})), USERS)
        for bad in ("0", "-5", "ten"):
            r = self.srv.api("GET", "/user/search", params={"$$LIMIT": bad}, key=self.key)
            self.assertEqual(r.status, 422, bad)

    def test_order_without_sort_is_unstable(self):
        orders = {tuple(self.ids(**{"$$LIMIT": "50"})) for _ in range(4)}
        self.assertGreater(len(orders), 1, "unsorted pages must not come back in one fixed order")

    def test_paging_with_id_sort_is_complete_and_stable(self):
        seen = []
        for first in range(0, USERS, 70):
            seen += self.ids(**{"$$FIRST": str(first), "$$LIMIT": "70", "ID_Sort": "asc"})
        self.assertEqual(len(seen), USERS)
        self.assertEqual(seen, sorted(set(seen)))
        self.assertEqual(self.ids(ID_Sort="asc", **{"$$LIMIT": "5"}), seen[:5])

    def test_paging_without_sort_loses_users(self):
        # The failure the client must avoid: unsorted pages overlap, so some users never show up.
        seen = set()
        for first in range(0, USERS, 40):
            seen.update(self.ids(**{"$$FIRST": str(first), "$$LIMIT": "40"}))
        self.assertLess(len(seen), USERS)

    # ---- sorts and filters ----
    def test_sorts(self):
        names = [u["name"] for u in self.get("/user/search", name_Sort="desc", **{"$$LIMIT": "2000"})["data"]]
        self.assertEqual(names, sorted(names, reverse=True))
        ci = [u["emailAddr"] for u in self.get("/user/search", fields="emailAddr", emailAddr_Sort="ciasc",
                                               **{"$$LIMIT": "2000"})["data"]]
        self.assertEqual(ci, sorted(ci, key=str.casefold))
        r = self.srv.api("GET", "/user/search", params={"name_Sort": "sideways"}, key=self.key)
        self.assertEqual(r.status, 422)

    def test_filters(self):
        everyone = self.get("/user/search", fields="*", **{"$$LIMIT": "2000"})["data"]

        def expect(pred, **params):
            got = sorted(u["ID"] for u in self.get("/user/search", **params, **{"$$LIMIT": "2000"})["data"])
            self.assertEqual(got, sorted(u["ID"] for u in everyone if pred(u)), params)
            self.assertEqual(self.get("/user/count", **params)["data"]["count"], len(got))

        expect(lambda u: not u["isActive"], isActive="false")
        expect(lambda u: u["isActive"], isActive="false", isActive_Mod="ne")
        expect(lambda u: "chen" in u["emailAddr"].lower(), emailAddr="CHEN", emailAddr_Mod="cicontains")
        expect(lambda u: "chen" in u["emailAddr"], emailAddr="chen", emailAddr_Mod="contains")
        expect(lambda u: u["lastLoginDate"] is None, lastLoginDate_Mod="isnull")
        expect(lambda u: u["lastLoginDate"] is not None, lastLoginDate_Mod="notnull")
        expect(lambda u: u["licenseType"] in ("F", "L"), licenseType=["F", "L"], licenseType_Mod="in")
        expect(lambda u: u["licenseType"] not in ("F", "L"), licenseType=["F", "L"], licenseType_Mod="notin")
        expect(lambda u: u["loginCount"] > 1000, loginCount="1000", loginCount_Mod="gt")
        expect(lambda u: 10 <= u["loginCount"] <= 500, loginCount="10", loginCount_Mod="between",
               loginCount_Range="500")
        cutoff = "2025-01-01T00:00:00:000+0000"
        expect(lambda u: u["lastLoginDate"] is not None and u["lastLoginDate"] < cutoff,
               lastLoginDate=cutoff, lastLoginDate_Mod="lt")
        expect(lambda u: u["emailAddr"] == USER_EMAIL, filters='{"username":"%s"}' % USER_EMAIL)
        expect(lambda u: u["isAdmin"] or u["licenseType"] == "L",
               isAdmin="true", **{"OR:1:licenseType": "L"})

    def test_bad_filter_values(self):
        for params in ({"isActive": "maybe"}, {"lastLoginDate": "yesterday-ish", "lastLoginDate_Mod": "lt"},
                       {"name": "x", "name_Mod": "resembles"}, {"loginCount_Mod": "between", "loginCount": "1"},
                       {"filters": "{not json"}):
            with self.subTest(params=params):
                r = self.srv.api("GET", "/user/search", params=params, key=self.key)
                self.assert_error(r, 422, errors.ILLEGAL_ARG)

    def test_bare_username_is_not_a_filter(self):
        # Workfront reads a bare `username` as a credential: it must not narrow the search.
        self.assertEqual(self.get("/user/count", username=USER_EMAIL)["data"]["count"], USERS)

    # ---- paths, versions, verbs ----
    def test_versions(self):
        for version in ("/attask/api/v16.0", "/attask/api/v19.0", "/attask/api/v22.0", "/attask/api",
                        "/attask/api-internal", "/attask/api/v21"):
            with self.subTest(version=version):
                r = self.srv.api("GET", "/user/count", key=self.key, version=version)
                self.assertEqual(r.json(), {"data": {"count": USERS}})
        for version in ("/attask/api/v15.0", "/attask/api/v9.0", "/attask/api/v23.0"):
            with self.subTest(version=version):
                r = self.srv.api("GET", "/user/count", key=self.key, version=version)
                self.assert_error(r, 410, errors.VERSION, "v16.0 to v22.0")

    def test_object_codes_are_case_insensitive(self):
        for code in ("USER", "User", "uSeR"):
            self.assertEqual(self.get("/%s/count" % code)["data"]["count"], USERS)
        r = self.srv.api("GET", "/nosuchobj/search", key=self.key)
        self.assert_error(r, 422, errors.ILLEGAL_ARG, "nosuchobj")

    def test_method_override_and_params_from_body_and_query(self):
        # A long search goes in a POST body with method=GET; query and body parameters both count.
        r = self.srv.api("POST", "/user/search", params={"fields": "isActive"},
                         form={"method": "GET", "isActive": "false", "$$LIMIT": "2000"}, key=self.key)
        self.assertEqual(r.status, 200, r.body)
        data = r.json()["data"]
        self.assertTrue(data and all(u["isActive"] is False for u in data))
        self.assertEqual(len(data), self.get("/user/count", isActive="false")["data"]["count"])
        r = self.srv.api("POST", "/user/search", key=self.key)
        self.assertEqual(r.status, 422, "a search is a GET")

    def test_chunked_form_body(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=10)
        try:
            body = iter([b"method=GET&isActive=", b"false&$$LIMIT=2000"])
            conn.request("POST", API + "/user/count", body=body, encode_chunked=True,
                         headers={"apiKey": self.key, "Content-Type": "application/x-www-form-urlencoded"})
            resp = conn.getresponse()
            self.assertEqual(resp.status, 200)
            inactive = json.loads(resp.read())["data"]["count"]
        finally:
            conn.close()
        self.assertEqual(inactive, self.get("/user/count", isActive="false")["data"]["count"])
        r = self.srv.request("POST", API + "/user/count", b"x", {"Content-Length": "ten"})
        self.assertEqual(r.status, 400)

    def test_api_key_as_parameter(self):
        r = self.srv.api("GET", "/user/count", params={"apiKey": self.key})
        self.assertEqual(r.json(), {"data": {"count": USERS}})

    def test_work_objects(self):
        for code, field in (("task", "assignedToID"), ("optask", "assignedToID"), ("proj", "ownerID")):
            with self.subTest(code=code):
                total = self.get("/%s/count" % code)["data"]["count"]
                self.assertGreater(total, 0)
                rows = self.get("/%s/search" % code, fields="status,%s" % field, **{"$$LIMIT": "2000"})["data"]
                self.assertEqual(len(rows), min(total, 2000))
                owner = rows[0][field]
                mine = [r for r in rows if r[field] == owner]
                if total <= 2000:
                    self.assertEqual(self.get("/%s/count" % code, **{field: owner})["data"]["count"], len(mine))
                open_count = self.get("/%s/count" % code, **{field: owner, "status": "CPL",
                                                             "status_Mod": "notin"})["data"]["count"]
                self.assertLessEqual(open_count, len(mine) if total <= 2000 else open_count)
        task = self.get("/task/search", fields="assignedTo:name,project:name", **{"$$LIMIT": "1"})["data"][0]
        self.assertEqual(task["assignedTo"]["objCode"], "USER")
        self.assertEqual(task["project"]["objCode"], "PROJ")

    def test_metadata(self):
        fields = self.get("/user/metadata")["data"]["fields"]
        self.assertEqual(fields["isActive"]["fieldType"], "boolean")


if __name__ == "__main__":
    unittest.main()
