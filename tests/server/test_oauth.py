# test_oauth.py: the demo's OAuth2 authorization server (server/oauth.py) through serve.py over HTTP: authorize ->
# sign in -> consent -> code; deny; unknown client and unregistered redirect URI said on the server's own page;
# PKCE required; code reuse and expiry; wrong verifier, redirect URI and client; refresh rotation (and an old
# refresh token ending the sign-in); the access token as sessionID on every endpoint and a 401 once it expires;
# the authorize page's own CSP; config.json; the proxy forwarding only the token path; codes kept out of the log.
import base64
import hashlib
import html
import re
import secrets
import time
import unittest
from urllib.parse import parse_qs, urlencode, urlsplit

from server import errors

from .fake_workfront import FakeWorkfront, start_fake_workfront
from .support import ADMIN_EMAIL, ADMIN_ID, API, PASSWORD, SSO_EMAIL, SSO_ID, USER_EMAIL, Serve

CLIENT = "wfadmin-demo-spa"
AUTHORIZE = "/integrations/oauth2/authorize"
TOKEN = "/integrations/oauth2/api/v1/token"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def pkce():
    verifier = base64.urlsafe_b64encode(secrets.token_bytes(48)).rstrip(b"=").decode()
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    return verifier, challenge


def hidden_fields(page):
    return {html.unescape(k): html.unescape(v)
            for k, v in re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)">', page)}


class Flow:
    """One sign-in as the page does it, against one server."""

    def __init__(self, srv, redirect_uri=None, state=None):
        self.srv = srv
        self.redirect_uri = redirect_uri or "http://127.0.0.1:%d/" % srv.port
        self.verifier, self.challenge = pkce()
        self.state = state or secrets.token_urlsafe(16)

    def params(self, **over):
        p = {"client_id": CLIENT, "redirect_uri": self.redirect_uri, "response_type": "code",
             "code_challenge": self.challenge, "code_challenge_method": "S256", "state": self.state}
        p.update(over)
        return {k: v for k, v in p.items() if v is not None}

    def open(self, **over):
        return self.srv.request("GET", AUTHORIZE + "?" + urlencode(self.params(**over)))

    def post(self, fields):
        return self.srv.request("POST", AUTHORIZE, urlencode(fields), FORM)

    def sign_in(self, email=ADMIN_EMAIL, password=PASSWORD):
        page = self.open()
        assert page.status == 200, page.body
        return self.post(dict(hidden_fields(page.body.decode()), action="signin", username=email, password=password))

    def allow(self, email=ADMIN_EMAIL):
        consent = self.sign_in(email)
        assert consent.status == 200 and b"Allow" in consent.body, consent.body
        return self.post(dict(hidden_fields(consent.body.decode()), action="allow"))

    def code(self, email=ADMIN_EMAIL):
        r = self.allow(email)
        assert r.status == 303, (r.status, r.body)
        back = parse_qs(urlsplit(r.header("Location")).query)
        assert back["state"] == [self.state], back
        return back["code"][0]

    def exchange(self, the_code, **over):
        form = {"grant_type": "authorization_code", "code": the_code, "client_id": CLIENT,
                "redirect_uri": self.redirect_uri, "code_verifier": self.verifier}
        form.update(over)
        return token(self.srv, {k: v for k, v in form.items() if v is not None})

    def tokens(self, email=ADMIN_EMAIL):
        r = self.exchange(self.code(email))
        assert r.status == 200, r.body
        return r.json()


def token(srv, form, headers=None):
    return srv.request("POST", TOKEN, urlencode(form), dict(FORM, **(headers or {})))


class AuthorizationServerCase(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=30)

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def assertOAuthError(self, r, code, status=400):
        self.assertEqual(r.status, status, r.body)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        data = r.json()
        self.assertEqual(data["error"], code, data)
        self.assertIsInstance(data["error_description"], str)
        self.assertEqual(set(data), {"error", "error_description"})

    # ---- the authorize page ----
    def test_the_authorize_page_gets_only_what_its_form_needs(self):
        flow = Flow(self.srv)
        r = flow.open()
        self.assertEqual(r.status, 200)
        self.assertTrue(r.header("Content-Type").startswith("text/html"))
        csp = r.header("Content-Security-Policy")
        self.assertIn("default-src 'none'", csp)
        self.assertIn("form-action 'self' http://127.0.0.1:%d;" % self.srv.port, csp)
        self.assertRegex(csp, r"style-src 'sha256-[A-Za-z0-9+/=]{44}';")
        self.assertIn("frame-ancestors 'none'", csp)
        self.assertNotIn("script-src", csp)
        self.assertNotIn(b"<script", r.body)
        self.assertEqual(r.header("X-Frame-Options"), "DENY")
        style = re.search(rb"<style>(.*?)</style>", r.body, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
        self.assertIn("'sha256-%s'" % digest, csp)   # the one inline style it has is the one allowed
        self.assertEqual(hidden_fields(r.body.decode()), flow.params())
        # The page itself (not the authorize page) keeps its own locked policy.
        self.assertIn("form-action 'none'", self.srv.request("GET", "/config.json").header("Content-Security-Policy"))

    def test_sign_in_consent_and_code(self):
        flow = Flow(self.srv)
        consent = flow.sign_in()
        self.assertEqual(consent.status, 200)
        self.assertIn(b"Allow", consent.body)
        self.assertIn(b"Deny", consent.body)
        self.assertIn(ADMIN_EMAIL.encode(), consent.body)
        self.assertIn("ticket", hidden_fields(consent.body.decode()))
        r = flow.post(dict(hidden_fields(consent.body.decode()), action="allow"))
        self.assertEqual(r.status, 303)
        location = urlsplit(r.header("Location"))
        self.assertEqual("%s://%s%s" % (location.scheme, location.netloc, location.path), flow.redirect_uri)
        back = parse_qs(location.query)
        self.assertEqual(set(back), {"code", "state"})
        self.assertEqual(back["state"], [flow.state])
        self.assertGreaterEqual(len(back["code"][0]), 40)
        # The consent ticket is single-use.
        again = flow.post(dict(hidden_fields(consent.body.decode()), action="allow"))
        self.assertEqual(again.status, 200)
        self.assertIn(b"Sign in again", again.body)

    def test_the_localhost_page_is_registered_too(self):
        flow = Flow(self.srv, redirect_uri="http://localhost:%d/" % self.srv.port)
        self.assertEqual(flow.exchange(flow.code()).status, 200)

    def test_deny_goes_back_with_access_denied(self):
        flow = Flow(self.srv)
        consent = flow.sign_in()
        r = flow.post(dict(hidden_fields(consent.body.decode()), action="deny"))
        self.assertEqual(r.status, 303)
        back = parse_qs(urlsplit(r.header("Location")).query)
        self.assertEqual(back["error"], ["access_denied"])
        self.assertEqual(back["state"], [flow.state])
        self.assertNotIn("code", back)
        # Cancel on the sign-in form is a denial too.
        page = flow.open()
        r = flow.post(dict(hidden_fields(page.body.decode()), action="deny"))
        self.assertEqual(parse_qs(urlsplit(r.header("Location")).query)["error"], ["access_denied"])

    def test_a_wrong_password_stays_on_the_sign_in_page(self):
        flow = Flow(self.srv)
        r = flow.sign_in(password="not-it")
        self.assertEqual(r.status, 200)
        self.assertIn(b"quite right", r.body)
        self.assertNotIn("ticket", hidden_fields(r.body.decode()))
        self.assertIsNone(r.header("Location"))

    def test_the_sso_only_admin_signs_in_here(self):
        # The authorize page stands in for the tenant's identity provider: SSO-only accounts get tokens.
        flow = Flow(self.srv)
        tokens = flow.tokens(SSO_EMAIL)
        me = self.srv.api("GET", "/user/$$USER", session=tokens["access_token"])
        self.assertEqual(me.json()["data"]["ID"], SSO_ID)

    def test_an_unknown_client_or_unregistered_redirect_is_said_here_not_sent_on(self):
        flow = Flow(self.srv)
        for over, words in (({"client_id": "someone-else"}, b"Unknown client ID"), ({"client_id": None}, b"Unknown"),
                            ({"redirect_uri": "https://evil.example/"}, b"Redirect URI not registered"),
                            ({"redirect_uri": "http://127.0.0.1:%d/index.html" % self.srv.port}, b"not registered"),
                            ({"redirect_uri": None}, b"not registered")):
            with self.subTest(over=over):
                r = flow.open(**over)
                self.assertEqual(r.status, 400)
                self.assertIsNone(r.header("Location"))
                self.assertIn(words, r.body)
                self.assertNotIn(b"evil.example", r.body.split(b"registered redirect URIs")[-1])
        # The form cannot be posted past the checks either.
        r = flow.post(dict(flow.params(redirect_uri="https://evil.example/"), action="deny"))
        self.assertEqual((r.status, r.header("Location")), (400, None))

    def test_pkce_s256_is_required(self):
        flow = Flow(self.srv)
        for over in ({"code_challenge_method": "plain"}, {"code_challenge_method": None}, {"code_challenge": None},
                     {"code_challenge": "short"}):
            with self.subTest(over=over):
                r = flow.open(**over)
                self.assertEqual(r.status, 303)
                back = parse_qs(urlsplit(r.header("Location")).query)
                self.assertEqual(back["error"], ["invalid_request"])
                self.assertEqual(back["state"], [flow.state])
        r = flow.open(response_type="token")
        self.assertEqual(parse_qs(urlsplit(r.header("Location")).query)["error"], ["unsupported_response_type"])

    # ---- the token endpoint ----
    def test_the_code_gives_tokens_that_work_as_session_id_everywhere(self):
        flow = Flow(self.srv)
        r = flow.exchange(flow.code())
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual(r.header("Cache-Control"), "no-store")
        self.assertEqual(r.header("Pragma"), "no-cache")
        data = r.json()
        self.assertEqual(set(data), {"access_token", "refresh_token", "token_type", "expires_in"})
        self.assertEqual(data["expires_in"], 3600)
        access = data["access_token"]
        me = self.srv.api("GET", "/user/$$USER", session=access)
        self.assertEqual((me.status, me.json()["data"]["ID"]), (200, ADMIN_ID))
        self.assertEqual(self.srv.api("GET", "/user/search", {"$$LIMIT": 5}, session=access).status, 200)
        self.assertEqual(self.srv.api("GET", "/user/count", session=access).json()["data"]["count"], 30)
        self.assertEqual(self.srv.api("GET", "/user/metadata", session=access).status, 200)
        batch = self.srv.api("POST", "/batch", form={"uri": ["/user/count", "/user/$$USER"]}, session=access)
        self.assertEqual(batch.status, 200, batch.body)
        target = self.srv.users(limit=1, special=False, isActive=True)[0]["ID"]
        put = self.srv.api("PUT", "/user/" + target, {"updates": '{"isActive":false}'}, session=access)
        self.assertEqual((put.status, put.json()["data"]["isActive"]), (200, False))
        self.assertEqual(self.srv.api("GET", "/user/count", version="/attask/api", session=access).status, 200)

    def test_a_code_is_single_use_and_reuse_revokes_what_it_gave(self):
        flow = Flow(self.srv)
        code = flow.code()
        first = flow.exchange(code).json()
        self.assertOAuthError(flow.exchange(code), "invalid_grant")
        self.assertEqual(self.srv.api("GET", "/user/count", session=first["access_token"]).status, 401)
        self.assertOAuthError(token(self.srv, {"grant_type": "refresh_token", "refresh_token": first["refresh_token"],
                                               "client_id": CLIENT}), "invalid_grant")

    def test_a_code_expires_after_ten_minutes(self):
        flow = Flow(self.srv)
        code = flow.code()
        self.srv.control("POST", "oauth/advance", {"seconds": 601})
        self.assertOAuthError(flow.exchange(code), "invalid_grant")
        flow = Flow(self.srv)
        code = flow.code()
        self.srv.control("POST", "oauth/advance", {"seconds": 590})
        self.assertEqual(flow.exchange(code).status, 200)

    def test_wrong_verifier_redirect_uri_or_client(self):
        # (change to the right request, error, status, whether the attempt used the code up)
        for over, error, status, used_up in (
                ({"code_verifier": pkce()[0]}, "invalid_grant", 400, True),
                ({"code_verifier": "short"}, "invalid_grant", 400, True),
                ({"code_verifier": None}, "invalid_request", 400, False),
                ({"redirect_uri": "http://localhost:%d/" % self.srv.port}, "invalid_grant", 400, True),
                ({"redirect_uri": None}, "invalid_grant", 400, True),
                ({"client_id": "someone-else"}, "invalid_client", 401, False),
                ({"client_id": None}, "invalid_client", 401, False),
                ({"code": None}, "invalid_request", 400, False),
                ({"code": "made-up"}, "invalid_grant", 400, False),
                ({"grant_type": "password"}, "unsupported_grant_type", 400, False),
                ({"grant_type": None}, "unsupported_grant_type", 400, False)):
            with self.subTest(over=over):
                flow = Flow(self.srv)
                code = flow.code()
                self.assertOAuthError(flow.exchange(code, **over), error, status)
                if used_up:   # single use: the right request cannot follow a failed one
                    self.assertOAuthError(flow.exchange(code), "invalid_grant")
                else:
                    self.assertEqual(flow.exchange(code).status, 200)

    def test_the_token_endpoint_wants_a_form_post(self):
        self.assertOAuthError(self.srv.request("GET", TOKEN), "invalid_request", 405)
        r = self.srv.request("POST", TOKEN, '{"grant_type":"refresh_token"}', {"Content-Type": "application/json"})
        self.assertOAuthError(r, "invalid_request")
        r = self.srv.request("POST", TOKEN, "grant_type=refresh_token&grant_type=authorization_code&client_id=" + CLIENT,
                             FORM)
        self.assertOAuthError(r, "invalid_request")
        # Through the same-origin path the page uses: the demo host named in X-Workfront-Host.
        r = token(self.srv, {"grant_type": "refresh_token", "refresh_token": "x", "client_id": CLIENT},
                  {"X-Workfront-Host": "demo.my.workfront.com"})
        self.assertOAuthError(r, "invalid_grant")

    def test_refresh_tokens_rotate_and_an_old_one_ends_the_sign_in(self):
        first = Flow(self.srv).tokens()
        refresh = lambda t: token(self.srv, {"grant_type": "refresh_token", "refresh_token": t, "client_id": CLIENT})
        r = refresh(first["refresh_token"])
        self.assertEqual(r.status, 200, r.body)
        second = r.json()
        self.assertNotEqual(second["refresh_token"], first["refresh_token"])
        self.assertNotEqual(second["access_token"], first["access_token"])
        self.assertEqual(self.srv.api("GET", "/user/$$USER", session=second["access_token"]).json()["data"]["ID"],
                         ADMIN_ID)
        third = refresh(second["refresh_token"]).json()
        self.assertEqual(self.srv.api("GET", "/user/count", session=third["access_token"]).status, 200)
        # The first refresh token again: someone else may hold it, so the whole sign-in ends.
        self.assertOAuthError(refresh(first["refresh_token"]), "invalid_grant")
        self.assertEqual(self.srv.api("GET", "/user/count", session=third["access_token"]).status, 401)
        self.assertOAuthError(refresh(third["refresh_token"]), "invalid_grant")
        # Another client cannot use a refresh token.
        fourth = Flow(self.srv).tokens()
        r = token(self.srv, {"grant_type": "refresh_token", "refresh_token": fourth["refresh_token"],
                             "client_id": "someone-else"})
        self.assertOAuthError(r, "invalid_client", 401)

    def test_the_page_learns_the_demo_client_and_where_to_sign_in(self):
        data = self.srv.request("GET", "/config.json").json()
        self.assertEqual(data["demoOAuth2ClientId"], CLIENT)
        self.assertEqual(data["demoAuthorizeOrigin"], "http://127.0.0.1:%d" % self.srv.port)
        self.assertNotIn("authorizeOrigin", data)   # real tenants: their own https://<host>
        data = self.srv.request("GET", "/config.json", headers={"Host": "localhost:%d" % self.srv.port}).json()
        self.assertEqual(data["demoAuthorizeOrigin"], "http://localhost:%d" % self.srv.port)


class ExpiringTokenCase(unittest.TestCase):
    def test_an_expired_access_token_is_a_401_authentication_exception(self):
        with Serve(users=10, args=["--oauth-token-ttl", "1"]) as srv:
            tokens = Flow(srv).tokens()
            self.assertEqual(tokens["expires_in"], 1)
            self.assertEqual(srv.api("GET", "/user/count", session=tokens["access_token"]).status, 200)
            time.sleep(1.2)
            r = srv.api("GET", "/user/count", session=tokens["access_token"])
            self.assertEqual(r.status, 401)
            self.assertEqual(r.json()["error"]["class"], errors.AUTH)
            # The refresh token still gives a new one.
            r = token(srv, {"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"],
                            "client_id": CLIENT})
            self.assertEqual(srv.api("GET", "/user/count", session=r.json()["access_token"]).status, 200)

    def test_the_ttl_must_be_positive(self):
        for value in ("0", "-5"):
            with self.assertRaises(RuntimeError):
                Serve(users=10, args=["--oauth-token-ttl", value], timeout=20)


class StartupAndLogCase(unittest.TestCase):
    def test_the_client_is_printed_at_start_and_codes_never_reach_the_log(self):
        srv = Serve(users=10, quiet=False)
        try:
            flow = Flow(srv)
            code = flow.code()
            srv.request("GET", "/?" + urlencode({"code": code, "state": flow.state}))
            exchanged = flow.exchange(code).json()
        finally:
            srv.stop()
            srv.cleanup()
        out = srv.output()
        self.assertIn("client ID %s" % CLIENT, out)
        self.assertIn("http://127.0.0.1:%d/, http://localhost:%d/" % (srv.port, srv.port), out)
        self.assertIn("GET /?code=***&state=*** ", out)
        for secret in (code, flow.state, flow.verifier, exchanged["access_token"], exchanged["refresh_token"]):
            self.assertNotIn(secret, out)


class ProxyCase(unittest.TestCase):
    """With --upstream: the token path goes to the stand-in, nothing else new does, and the page is told to visit
    the stand-in's authorize page directly."""

    @classmethod
    def setUpClass(cls):
        cls.upstream = start_fake_workfront()
        cls.origin = "http://127.0.0.1:%d" % cls.upstream.server_address[1]
        cls.srv = Serve(users=10, args=["--upstream", cls.origin, "--proxy-timeout", "2"])

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.upstream.shutdown()
        cls.upstream.server_close()

    def setUp(self):
        FakeWorkfront.seen.clear()

    def test_config_advertises_the_stand_in_for_the_authorize_step(self):
        data = self.srv.request("GET", "/config.json").json()
        self.assertEqual(data["authorizeOrigin"], self.origin)

    def test_only_the_token_path_is_forwarded(self):
        host = {"X-Workfront-Host": "acme.my.workfront.com"}
        r = token(self.srv, {"grant_type": "refresh_token", "refresh_token": "r", "client_id": "c"}, host)
        self.assertEqual(r.status, 200, r.body)
        self.assertEqual([s["path"] for s in FakeWorkfront.seen], [TOKEN])
        FakeWorkfront.seen.clear()
        for method, path in (("GET", AUTHORIZE + "?client_id=c"), ("POST", AUTHORIZE),
                             ("POST", "/integrations/oauth2/api/v1/revoke"), ("POST", "/integrations/oauth2/api/v1/token/x"),
                             ("POST", TOKEN.upper()), ("GET", "/integrations/")):
            with self.subTest(path=path):
                r = self.srv.request(method, path, "a=b", dict(FORM, **host))
                self.assertNotEqual(r.status, 200)
        self.assertEqual(FakeWorkfront.seen, [])
        # ... and only to Workfront hosts.
        r = token(self.srv, {"grant_type": "refresh_token"}, {"X-Workfront-Host": "evil.example"})
        self.assertEqual((r.status, r.json()["error"]["class"]), (400, errors.PROXY_REFUSED))
        self.assertEqual(FakeWorkfront.seen, [])


if __name__ == "__main__":
    unittest.main()
