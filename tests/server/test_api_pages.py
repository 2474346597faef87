# test_api_pages.py: search pages as the page reads them (up to 2000 users, ID_Sort). Their bytes are what
# json.dumps writes (pages of more than 200 objects with \uXXXX escapes, smaller ones in raw UTF-8; keys in
# Workfront's order; booleans, nulls, quotes, control characters and emoji included), a search inside /batch gives
# the same objects, and a page read after any kind of write (one user, bulk, batch, reset) shows the new values,
# on a kept-alive connection too.
import http.client
import json
import unittest
from urllib.parse import urlencode

from .support import API, OWNER_ID, Serve, ServedUsersCase

USERS = 600
PAGE_FIELDS = "ID,name,username,emailAddr,isActive,isAdmin,lastLoginDate,licenseType"
LONG_FIELDS = ("ID,name,firstName,lastName,username,emailAddr,isActive,isAdmin,lastLoginDate,loginCount,title,"
               "accessLevelID,licenseType,ssoAccessOnly,entryDate")
AWKWARD_TITLE = 'Q "quoted" back\\slash tab\t nl\n nul\x00 del\x7f é 陳 \u2028 😀 </script>'


def dumps(data, ascii_only):
    return json.dumps(data, ensure_ascii=ascii_only, separators=(",", ":")).encode()


class PagesTest(ServedUsersCase):
    USERS = USERS

    def page_target(self, fields=PAGE_FIELDS, limit=2000, first=0):
        query = urlencode({"fields": fields, "ID_Sort": "asc", "$$FIRST": first, "$$LIMIT": limit})
        return API + "/user/search?" + query

    def page(self, **kw):
        r = self.srv.request("GET", self.page_target(**kw), headers={"apiKey": self.key})
        self.assertEqual(r.status, 200, r.body[:300])
        return r

    def by_id(self, **kw):
        return {u["ID"]: u for u in self.page(**kw).json()["data"]}

    def put(self, path, updates, **params):
        r = self.srv.api("PUT", path, params=dict(params, updates=json.dumps(updates)), key=self.key)
        self.assertEqual(r.status, 200, r.body[:300])
        return r

    # ---- bytes ----
    def test_big_page_is_what_json_dumps_writes_with_escapes(self):
        (uid,) = self.take(1)
        self.put("/user/" + uid, {"title": AWKWARD_TITLE})
        for fields in (PAGE_FIELDS, LONG_FIELDS, "ID", "isActive,ID,title,isActive"):
            r = self.page(fields=fields)
            data = r.json()["data"]
            self.assertEqual(len(data), USERS)
            self.assertEqual(r.body, dumps({"data": data}, True), fields)
            self.assertTrue(r.body.isascii())
            self.assertEqual(r.header("Content-Type"), "application/json;charset=UTF-8")
            self.assertEqual(r.header("Cache-Control"), "no-store")
            self.assertRegex(r.header("Server-Timing"), r"^app;dur=[\d.]+, cpu;dur=[\d.]+$")
            expected_keys = ["ID", "name", "objCode"] + [f for f in dict.fromkeys(fields.split(","))
                                                         if f not in ("ID", "name")]
            self.assertEqual(list(data[0]), expected_keys)
        users = self.by_id(fields=LONG_FIELDS)
        self.assertEqual(users[uid]["title"], AWKWARD_TITLE)
        self.assertIn(b'\\ud83d\\ude00', self.page(fields=LONG_FIELDS).body, "emoji as a surrogate pair")
        self.assertTrue(any(u["lastLoginDate"] is None for u in users.values()), "never-logged-in users are null")
        self.assertTrue(any(u["title"] is None for u in users.values()))
        self.assertTrue(all(isinstance(u[f], bool) for u in users.values()
                            for f in ("isActive", "isAdmin", "ssoAccessOnly")))
        self.assertTrue(all(isinstance(u["loginCount"], int) for u in users.values()))

    def test_small_page_is_raw_utf8(self):
        (uid,) = self.take(1)
        self.put("/user/" + uid, {"title": AWKWARD_TITLE})
        r = self.page(fields=LONG_FIELDS, limit=200)
        data = r.json()["data"]
        self.assertEqual(len(data), 200)
        self.assertEqual(r.body, dumps({"data": data}, False))
        self.assertFalse(r.body.isascii(), "Traditional Chinese names arrive as UTF-8")
        one = self.srv.request("GET", API + "/user/search?" + urlencode({"ID": uid, "fields": LONG_FIELDS}),
                               headers={"apiKey": self.key})
        self.assertEqual(one.body, dumps({"data": [self.by_id(fields=LONG_FIELDS)[uid]]}, False))
        self.assertIn("😀".encode(), one.body)
        empty = self.page(first=USERS)
        self.assertEqual(empty.body, b'{"data":[]}')

    def test_search_in_a_batch_gives_the_same_objects(self):
        uri = "/user/search?" + urlencode({"fields": PAGE_FIELDS, "ID_Sort": "asc", "$$LIMIT": 300})
        r = self.srv.api("POST", "/batch", form={"uri": [uri, "/user/count"]}, key=self.key)
        self.assertEqual(r.status, 200, r.body[:300])
        batch = r.json()["data"]
        self.assertEqual(batch[0]["data"], self.page(limit=300).json()["data"])
        self.assertEqual(batch[1]["data"]["count"], USERS)

    # ---- a read after a write ----
    def test_page_after_writes_shows_new_values(self):
        one, bulk_a, bulk_b, batch_a = self.take(4)
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=30)   # one kept-alive connection
        try:
            def kept_alive_page():
                conn.request("GET", self.page_target(), headers={"apiKey": self.key})
                r = conn.getresponse()
                body = r.read()
                self.assertEqual(r.status, 200, body[:300])
                return {u["ID"]: u for u in json.loads(body)["data"]}

            def both_pages():   # the kept-alive connection's server thread and a new one
                pages = [kept_alive_page(), self.by_id()]
                self.assertEqual(pages[0], pages[1])
                return pages[0]

            before = both_pages()
            self.assertTrue(all(before[u]["isActive"] for u in (one, bulk_a, bulk_b, batch_a)))

            self.put("/user/" + one, {"isActive": False})
            self.assertFalse(both_pages()[one]["isActive"], "PUT /user/<ID>")

            self.put("/user", [{"ID": bulk_a, "isActive": False}, {"ID": bulk_b, "isActive": "false"}])
            after = both_pages()
            self.assertEqual((after[bulk_a]["isActive"], after[bulk_b]["isActive"]), (False, False), "bulk PUT")

            edit = "/user/%s?method=PUT&updates=%s" % (batch_a, json.dumps({"isActive": False}))
            failing = self.srv.api("POST", "/batch", form={"uri": [edit, "/user/%s?method=PUT&updates=%s" % (
                OWNER_ID, json.dumps({"isActive": False}))], "atomic": "true"}, key=self.key)
            self.assertEqual(failing.status, 422)
            self.assertTrue(both_pages()[batch_a]["isActive"], "a failed atomic batch changes nothing")
            self.srv.api("POST", "/batch", form={"uri": [edit], "atomic": "true"}, key=self.key)
            self.assertFalse(both_pages()[batch_a]["isActive"], "atomic batch")

            self.put("/user/" + one, {"isActive": True, "firstName": "Renamed"}, fields="name")
            after = both_pages()
            self.assertTrue(after[one]["isActive"], "reactivated")
            self.assertTrue(after[one]["name"].startswith("Renamed "), after[one]["name"])
        finally:
            conn.close()


class ResetTest(unittest.TestCase):
    def test_page_after_reset_shows_the_seeded_values(self):
        with Serve(users=250) as srv:
            key = srv.key_for()
            target = API + "/user/search?" + urlencode({"fields": PAGE_FIELDS, "ID_Sort": "asc", "$$LIMIT": 2000})
            seeded = srv.request("GET", target, headers={"apiKey": key})
            uid = srv.users(limit=1, special=False, isActive=True)[0]["ID"]
            r = srv.api("PUT", "/user/" + uid, params={"updates": '{"isActive":false}'}, key=key)
            self.assertEqual(r.status, 200, r.body[:300])
            changed = {u["ID"]: u for u in srv.request("GET", target, headers={"apiKey": key}).json()["data"]}
            self.assertFalse(changed[uid]["isActive"])
            self.assertEqual(srv.control("POST", "reset", {})[0], 200)
            key = srv.key_for()   # a reset forgets every key
            again = srv.request("GET", target, headers={"apiKey": key})
            self.assertEqual(again.body, seeded.body)
            self.assertTrue(again.json()["data"][[u["ID"] for u in again.json()["data"]].index(uid)]["isActive"])


if __name__ == "__main__":
    unittest.main()
