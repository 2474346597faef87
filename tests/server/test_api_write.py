# test_api_write.py: changing users: one (PUT /user/<ID>?updates=...) and in bulk (PUT /user?updates=[...], at
# most 100, atomic or not), boolean and "true"/"false" values, permissions (only admins change other people), the
# Admin Email rule (alone and in bulk: the whole call fails, nothing changes), and that changes persist across a
# restart until --reset-demo.
import json
import unittest

from server import errors

from .support import Serve, ADMIN_ID, OWNER_ID, USER_ID, USER_EMAIL, ServedUsersCase

ADMIN_EMAIL_MESSAGE = ("The Admin Email user cannot be deactivated. "
                       "Choose another Admin Email user in Setup first.")


class WriteTest(ServedUsersCase):
    USERS = 400

    def put(self, path, updates, key=None, **params):
        return self.srv.api("PUT", path, params=dict(params, updates=json.dumps(updates)), key=key or self.key)

    def active(self, user_id):
        return self.srv.user(user_id)["isActive"]

    def test_deactivate_and_reactivate_one_user(self):
        (uid,) = self.take(1)
        r = self.put("/user/" + uid, {"isActive": False}, fields="isActive,emailAddr")
        self.assertEqual(r.status, 200, r.body)
        data = r.json()["data"]
        self.assertEqual(set(data), {"ID", "name", "objCode", "isActive", "emailAddr"})
        self.assertEqual((data["ID"], data["objCode"], data["isActive"]), (uid, "USER", False))
        self.assertFalse(self.active(uid))
        r = self.put("/user/" + uid, {"isActive": "true"}, fields="isActive")   # the how-to's string form
        self.assertEqual(r.json()["data"]["isActive"], True)
        self.assertTrue(self.active(uid))
        self.assertEqual(self.put("/user/" + uid, {"isActive": "FALSE"}).status, 200)
        self.assertFalse(self.active(uid))

    def test_method_override_and_json_body(self):
        a, b = self.take(2)
        r = self.srv.api("GET", "/user/" + a, params={"method": "PUT", "updates": '{"isActive":false}'}, key=self.key)
        self.assertEqual(r.status, 200, r.body)
        self.assertFalse(self.active(a))
        r = self.srv.api("PUT", "/user/" + b, params={"fields": "isActive"}, json_body={"isActive": False}, key=self.key)
        self.assertEqual(r.json()["data"]["isActive"], False)
        self.assertFalse(self.active(b))

    def test_invalid_updates(self):
        (uid,) = self.take(1)
        for updates in ('{"isActive": maybe}', '{"isActive":"perhaps"}', '{"isActive":1}', '{"loginCount":5}',
                        '{"nosuch":1}', '[{"isActive":false}]'):
            with self.subTest(updates=updates):
                r = self.srv.api("PUT", "/user/" + uid, params={"updates": updates}, key=self.key)
                self.assertEqual(r.status, 422, r.body)
                self.assertEqual(r.json()["error"]["class"], errors.ILLEGAL_ARG)
        self.assertTrue(self.active(uid))
        r = self.put("/user/" + uid, {"isActive": False}, fields="nosuch")
        self.assertEqual(r.status, 422)
        self.assertTrue(self.active(uid), "an answer that cannot be given must not leave a change behind")

    def test_unknown_user_is_404(self):
        r = self.put("/user/" + "e" * 32, {"isActive": False})
        self.assertEqual(r.status, 404)
        self.assertIn('"%s" not found' % ("e" * 32), r.json()["error"]["message"])

    def test_admin_email_user_cannot_be_deactivated(self):
        r = self.put("/user/" + OWNER_ID, {"isActive": False})
        self.assertEqual(r.status, 422)
        err = r.json()["error"]
        self.assertEqual(err["class"], errors.VALIDATION)
        self.assertEqual(err["message"], ADMIN_EMAIL_MESSAGE)
        self.assertTrue(self.active(OWNER_ID))
        self.assertEqual(self.put("/user/" + OWNER_ID, {"title": "Owner"}).status, 200, "other edits are fine")

    def test_bulk_with_admin_email_user_fails_whole(self):
        ids = self.take(3)
        for atomic in ("true", "false"):
            with self.subTest(atomic=atomic):
                updates = [{"ID": i, "isActive": False} for i in ids[:2]] + [{"ID": OWNER_ID, "isActive": False}]
                r = self.put("/user", updates, atomic=atomic)
                self.assertEqual(r.status, 422, r.body)
                self.assertEqual(r.json()["error"]["message"], ADMIN_EMAIL_MESSAGE)
                self.assertTrue(all(self.active(i) for i in ids[:2] + [OWNER_ID]))

    def test_bulk_non_atomic_answers_objects(self):
        ids = self.take(5)
        r = self.srv.api("POST", "/user", form={"method": "PUT", "fields": "isActive",
                                                "updates": json.dumps([{"ID": i, "isActive": False} for i in ids])},
                         key=self.key)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([(u["ID"], u["isActive"]) for u in r.json()["data"]], [(i, False) for i in ids])
        self.assertFalse(any(self.active(i) for i in ids))

    def test_bulk_atomic_answers_success(self):
        ids = self.take(100)
        r = self.put("/user", [{"ID": i, "isActive": False} for i in ids], atomic="true")
        self.assertEqual(r.json(), {"data": {"success": True}})
        self.assertFalse(any(self.active(i) for i in ids[::10]))

    def test_bulk_over_100_is_refused(self):
        ids = self.take(101)
        r = self.put("/user", [{"ID": i, "isActive": False} for i in ids])
        self.assertEqual(r.status, 422)
        self.assertEqual(r.json()["error"]["class"], errors.ILLEGAL_ARG)
        self.assertTrue(all(self.active(i) for i in ids[::10]))

    def test_bulk_with_unknown_id_changes_nobody(self):
        ids = self.take(2)
        r = self.put("/user", [{"ID": ids[0], "isActive": False}, {"ID": "d" * 32, "isActive": False}])
        self.assertEqual(r.status, 404)
        self.assertTrue(self.active(ids[0]))
        r = self.put("/user", [{"isActive": False}])
        self.assertEqual(r.status, 422)

    def test_non_admin_permissions(self):
        a, b = self.take(2)
        user_key = self.srv.key_for(USER_EMAIL)
        r = self.put("/user/" + a, {"isActive": False}, key=user_key)
        self.assertEqual(r.status, 403, r.body)
        self.assertEqual(r.json()["error"]["class"], errors.SECURITY)
        self.assertTrue(self.active(a))
        r = self.put("/user", [{"ID": b, "isActive": False}], key=user_key)
        self.assertEqual(r.status, 403)
        self.assertTrue(self.active(b))
        self.assertEqual(self.put("/user/" + USER_ID, {"isActive": False}, key=user_key).status, 403)
        r = self.put("/user/" + USER_ID, {"title": "Senior Designer"}, key=user_key, fields="title")
        self.assertEqual(r.json()["data"]["title"], "Senior Designer", "people may edit harmless fields of their own")
        self.assertEqual(self.put("/user/" + ADMIN_ID, {"title": "x"}, key=user_key).status, 403)

    def test_batch(self):
        a, b = self.take(2)
        edit = lambda uid: "/user/%s?method=PUT&updates=%%7B%%22isActive%%22%%3Afalse%%7D&fields=isActive" % uid
        r = self.srv.api("POST", "/batch", form={"uri": ["/user/count?isActive=true", edit(a)]}, key=self.key)
        self.assertEqual(r.status, 200, r.body)
        data = r.json()["data"]
        self.assertIsInstance(data[0]["data"]["count"], int)
        self.assertEqual(data[1]["data"]["isActive"], False)
        self.assertFalse(self.active(a))
        owner_edit = edit(OWNER_ID)
        r = self.srv.api("POST", "/batch", form={"uri": [edit(b), owner_edit], "atomic": "true"}, key=self.key)
        self.assertEqual(r.status, 422)
        self.assertTrue(self.active(b), "an atomic batch that fails keeps nothing")
        r = self.srv.api("POST", "/batch", form={"uri": [edit(b)], "atomic": "true"}, key=self.key)
        self.assertEqual(r.json(), {"data": {"success": True}})
        self.assertFalse(self.active(b))
        r = self.srv.api("POST", "/batch", form={"uri": ["/user/count"]})
        self.assertEqual(r.status, 401)
        r = self.srv.api("POST", "/batch", form={"uri": ["/user/count"] * 101}, key=self.key)
        self.assertEqual(r.status, 422)

    def test_writes_are_counted(self):
        (uid,) = self.take(1)
        before = self.srv.control("GET", "stats")[1]
        self.srv.api("GET", "/user/count", key=self.key)
        self.put("/user/" + uid, {"isActive": False})
        after = self.srv.control("GET", "stats")[1]
        self.assertGreaterEqual(after["requests"] - before["requests"], 2)
        self.assertGreaterEqual(after["writes"] - before["writes"], 1)
        self.assertIn("PUT user/{ID}", after["by_path"])


class PersistenceTest(unittest.TestCase):
    def test_changes_survive_a_restart_until_reset(self):
        first = Serve(users=30)
        db, keep = first.db, first.tmp
        try:
            key = first.key_for()
            uid = first.users(limit=1, special=False, isActive=True)[0]["ID"]
            r = first.api("PUT", "/user/" + uid, params={"updates": '{"isActive":false}'}, key=key)
            self.assertEqual(r.status, 200)
            first.stop()
            again = Serve(users=None, db=db)
            try:
                self.assertFalse(again.user(uid)["isActive"])
                self.assertEqual(again.api("GET", "/user/count", key=key).json()["data"]["count"], 30,
                                 "keys survive too")
            finally:
                again.cleanup()
            fresh = Serve(users=None, db=db, args=["--reset-demo"])
            try:
                self.assertTrue(fresh.user(uid)["isActive"], "the same seed gives the same users back")
                self.assertEqual(fresh.api("GET", "/user/count", key=key).status, 401)
            finally:
                fresh.cleanup()
        finally:
            first.cleanup()
            import shutil
            shutil.rmtree(keep, ignore_errors=True)

    def test_seeding_is_deterministic(self):
        a, b = Serve(users=50, args=["--seed", "7"]), Serve(users=50, args=["--seed", "7"])
        try:
            rows_a = [(u["ID"], u["name"], u["isActive"]) for u in a.users(limit=50)]
            rows_b = [(u["ID"], u["name"], u["isActive"]) for u in b.users(limit=50)]
            self.assertEqual(rows_a, rows_b)
            self.assertEqual(len({r[0] for r in rows_a}), 50)
        finally:
            a.cleanup()
            b.cleanup()


if __name__ == "__main__":
    unittest.main()
