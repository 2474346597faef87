# test_api_auth.py: who may call the demo: getApiKey/generateApiKey/clearApiKey, /login and /logout, the apiKey and
# sessionID headers and parameters, and every way in which authentication fails (always a 401 with Workfront's
# AuthenticationException), including keys that expired after 30 days and deactivated users.
import sqlite3
import time
import unittest

from server import errors

from .support import (Serve, ADMIN_EMAIL, ADMIN_ID, USER_EMAIL, USER_ID, SSO_EMAIL, SSO_ID, OWNER_EMAIL, OWNER_ID,
                      PASSWORD)

AUTH = errors.AUTH


class AuthTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=40)

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def action(self, action, email, password):
        return self.srv.api("POST", "/user", form={"method": "PUT", "action": action, "username": email,
                                                   "password": password})

    def assert_auth_error(self, r, pattern="."):
        self.assertEqual(r.status, 401, r.body)
        self.assertEqual(r.json()["error"]["class"], AUTH)
        self.assertRegex(r.json()["error"]["message"], pattern)

    def count(self, **kw):
        return self.srv.api("GET", "/user/count", **kw)

    def test_get_api_key_is_empty_until_generated_and_generate_replaces(self):
        srv = self.srv
        self.assertEqual(self.action("getApiKey", OWNER_EMAIL, PASSWORD).json(), {"data": {"result": ""}})
        first = self.action("generateApiKey", OWNER_EMAIL, PASSWORD).json()["data"]["result"]
        self.assertRegex(first, r"^[0-9a-f]{32}$")
        self.assertEqual(self.action("getApiKey", OWNER_EMAIL, PASSWORD).json()["data"]["result"], first)
        self.assertEqual(self.count(key=first).status, 200)
        second = self.action("generateApiKey", OWNER_EMAIL, PASSWORD).json()["data"]["result"]
        self.assertNotEqual(first, second)
        self.assert_auth_error(self.count(key=first), "not valid")
        self.assertEqual(self.count(key=second).status, 200)
        self.assertTrue(srv.user(OWNER_ID)["hasApiKey"])

    def test_wrong_password_unknown_user_and_missing_fields(self):
        for email, password in ((ADMIN_EMAIL, "wrong"), ("nobody@demo.example.com", PASSWORD), (ADMIN_EMAIL, "")):
            with self.subTest(email=email, password=password):
                self.assert_auth_error(self.action("getApiKey", email, password))
                r = self.srv.api("POST", "/login", form={"username": email, "password": password})
                self.assert_auth_error(r)
        self.assert_auth_error(self.action("getApiKey", ADMIN_EMAIL, "wrong"), "username/password")

    def test_usernames_are_case_insensitive(self):
        self.assertEqual(self.action("getApiKey", ADMIN_EMAIL.upper(), PASSWORD).status, 200)

    def test_sso_only_user_cannot_use_a_password(self):
        self.assert_auth_error(self.action("getApiKey", SSO_EMAIL, PASSWORD), "SSO")
        self.assert_auth_error(self.srv.api("POST", "/login", form={"username": SSO_EMAIL, "password": PASSWORD}),
                               "SSO")

    def test_sso_admin_key_printed_at_start_works(self):
        srv = Serve(users=8, quiet=False)
        try:
            line = next(l for l in srv.lines if "SSO admin" in l)
            key = line.split("paste API key ")[1].split(")")[0]
            r = srv.api("GET", "/user/$$USER", key=key)
            self.assertEqual(r.json()["data"]["ID"], SSO_ID)
        finally:
            srv.cleanup()

    def test_no_credentials_and_invalid_ones(self):
        self.assert_auth_error(self.count(), "not currently logged in")
        self.assert_auth_error(self.count(key="0" * 32), "not valid")
        self.assert_auth_error(self.count(session="0" * 32), "not valid")
        self.assert_auth_error(self.count(params={"apiKey": "nope"}))

    def test_login_session_and_logout(self):
        r = self.srv.api("POST", "/login", form={"username": USER_EMAIL, "password": PASSWORD})
        self.assertEqual(r.status, 200, r.body)
        data = r.json()["data"]
        self.assertEqual(data["userID"], USER_ID)
        session = data["sessionID"]
        me = self.srv.api("GET", "/user/$$USER", session=session, params={"fields": "lastLoginDate"}).json()["data"]
        self.assertEqual(me["ID"], USER_ID)
        self.assertTrue(me["lastLoginDate"].startswith(time.strftime("%Y-%m-%d", time.gmtime())), "a login is a login")
        self.assertEqual(self.count(params={"sessionID": session}).status, 200)
        self.assertEqual(self.srv.api("GET", "/logout", session=session).json(), {"data": {"success": True}})
        self.assert_auth_error(self.count(session=session))

    def test_clear_api_key(self):
        key = self.srv.key_for(USER_EMAIL)
        self.assert_auth_error(self.srv.api("PUT", "/user", params={"action": "clearApiKey"}))
        r = self.srv.api("PUT", "/user", params={"action": "clearApiKey"}, key=key)
        self.assertEqual(r.status, 200, r.body)
        self.assert_auth_error(self.count(key=key))
        self.assertEqual(self.action("getApiKey", USER_EMAIL, PASSWORD).json()["data"]["result"], "")

    def test_expired_key_is_refused_and_forgotten(self):
        key = self.srv.key_for(ADMIN_EMAIL)
        self.assertEqual(self.count(key=key).status, 200)
        with sqlite3.connect(self.srv.db) as db:   # 31 days pass for this key
            db.execute("UPDATE api_keys SET created = created - 31 * 86400000 WHERE userID = ?", (ADMIN_ID,))
        self.assert_auth_error(self.count(key=key), "expired")
        self.assertEqual(self.action("getApiKey", ADMIN_EMAIL, PASSWORD).json()["data"]["result"], "")
        fresh = self.srv.key_for(ADMIN_EMAIL)
        self.assertNotEqual(fresh, key)
        self.assertEqual(self.count(key=fresh).status, 200)

    def test_expire_keys_control_ends_keys_and_sessions(self):
        srv = Serve(users=8)
        try:
            key = srv.key_for()
            session = srv.api("POST", "/login", form={"username": ADMIN_EMAIL, "password": PASSWORD}).json()
            session = session["data"]["sessionID"]
            self.assertEqual(srv.control("POST", "expire-keys", {})[0], 200)
            self.assert_auth_error(srv.api("GET", "/user/count", key=key), "expired")
            self.assert_auth_error(srv.api("GET", "/user/count", session=session), "expired")
        finally:
            srv.cleanup()

    def test_deactivated_user_cannot_call(self):
        srv = Serve(users=8)
        try:
            admin = srv.key_for()
            user_key = srv.key_for(USER_EMAIL)
            r = srv.api("PUT", "/user/" + USER_ID, params={"updates": '{"isActive":false}'}, key=admin)
            self.assertEqual(r.status, 200, r.body)
            self.assert_auth_error(srv.api("GET", "/user/count", key=user_key), "deactivated")
            self.assert_auth_error(self.action_on(srv, "getApiKey", USER_EMAIL), "deactivated")
        finally:
            srv.cleanup()

    def action_on(self, srv, action, email):
        return srv.api("POST", "/user", form={"method": "PUT", "action": action, "username": email,
                                              "password": PASSWORD})


if __name__ == "__main__":
    unittest.main()
