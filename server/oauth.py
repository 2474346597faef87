# oauth.py: the demo tenant's OAuth2 authorization server, in the way Workfront's works for a "Single-page web
# application": the authorization code flow with PKCE (S256 only), no client secret.
#   GET  /integrations/oauth2/authorize   sign in with a demo account, then Allow or Deny (a page of its own,
#                                         with a Content-Security-Policy that allows only its style and its form)
#   POST /integrations/oauth2/authorize   the two forms of that page
#   POST /integrations/oauth2/api/v1/token  grant_type=authorization_code | refresh_token
# One registered client (its ID printed at start), whose redirect URIs are this server's page on 127.0.0.1 and
# localhost. Codes are single-use and live 10 minutes; using one twice revokes what it gave. Refresh tokens rotate:
# each use gives a new one, and an old one used again ends the whole sign-in. Access tokens are demo sessions
# (the sessions table) with a lifetime of --oauth-token-ttl seconds, so they work as the sessionID header on every
# API endpoint and end with a 401 AuthenticationException. Errors at the token endpoint are RFC 6749 §5.2 JSON.
import base64
import hashlib
import hmac
import html
import re
import secrets
import threading
import time
from urllib.parse import parse_qsl, urlencode, urlsplit

from . import auth, errors, seed
from .wfdate import now_ms

AUTHORIZE_PATH = "/integrations/oauth2/authorize"
TOKEN_PATH = "/integrations/oauth2/api/v1/token"
CLIENT_ID = "wfadmin-demo-spa"   # the demo's registered Single-page web application
CLIENT_NAME = "wfadmin (demo)"
CODE_LIFETIME = 600.0             # seconds, as Workfront's codes (about ten minutes)
TICKET_LIFETIME = 600.0           # between signing in and answering Allow / Deny
REFRESH_LIFETIME = 14 * 86400.0
DEFAULT_TOKEN_TTL = 3600
MAX_PENDING = 10000               # codes, tickets and refresh tokens kept at once (oldest go first)
_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")
_VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")
_FIELD_LIMIT = 2048

STYLE = ("body{font:15px/1.45 system-ui,sans-serif;background:#eef1f5;color:#1d2430;margin:0}"
         "main{max-width:420px;margin:8vh auto;background:#fff;border:1px solid #d5dbe3;border-radius:8px;"
         "padding:28px 32px}h1{font-size:20px;margin:0 0 4px}p{margin:8px 0}.muted{color:#5b6675}"
         ".error{color:#a4262c;font-weight:600}label{display:block;margin:12px 0 4px}"
         "input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:7px 9px;font:inherit;"
         "border:1px solid #aab4c0;border-radius:4px}.row{display:flex;gap:10px;margin-top:18px}"
         "button{font:inherit;padding:7px 18px;border-radius:4px;border:1px solid #aab4c0;background:#f6f8fa;"
         "cursor:pointer}button.primary{background:#2b63d9;color:#fff;border-color:#2b63d9}"
         "ul{padding-left:20px}code{background:#f1f3f6;padding:1px 4px;border-radius:3px}")
STYLE_HASH = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()


class OAuthError(Exception):
    """An RFC 6749 §5.2 error answer from the token endpoint."""

    def __init__(self, code, description, status=400):
        super().__init__(description)
        self.code, self.description, self.status = code, description, status

    def body(self):
        return {"error": self.code, "error_description": self.description}


def _challenge_of(verifier):
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode("ascii")).digest()).rstrip(b"=").decode()


def _with_query(uri, params):
    return uri + ("&" if "?" in uri else "?") + urlencode(params)


def _origin(uri):
    parts = urlsplit(uri)
    return "%s://%s" % (parts.scheme, parts.netloc)


class _Expiring:
    """A dict of values that each end at a time; the oldest go first when it is full."""

    def __init__(self, limit=MAX_PENDING):
        self.items, self.limit = {}, limit

    def put(self, key, value, lifetime, now):
        if len(self.items) >= self.limit:
            self.drop_expired(now)
            while len(self.items) >= self.limit:
                del self.items[next(iter(self.items))]
        self.items[key] = (now + lifetime, value)

    def get(self, key, now):
        entry = self.items.get(key)
        if entry is None:
            return None
        if entry[0] <= now:
            del self.items[key]
            return None
        return entry[1]

    def pop(self, key):
        entry = self.items.pop(key, None)
        return entry

    def drop_expired(self, now):
        for key in [k for k, (end, _) in self.items.items() if end <= now]:
            del self.items[key]


class AuthorizationServer:
    """The demo's OAuth2 server. `clock` gives seconds (tests move it); the store holds the access tokens."""

    def __init__(self, store, stats, token_ttl=DEFAULT_TOKEN_TTL, clock=time.time):
        if not token_ttl > 0:
            raise ValueError("--oauth-token-ttl must be more than 0 seconds")
        self.store, self.stats, self.token_ttl, self._clock = store, stats, token_ttl, clock
        self._offset = 0.0   # tests move time on (/__test__/oauth/advance)
        self.client_id = CLIENT_ID
        self.redirect_uris = []
        self._lock = threading.Lock()
        self._codes = _Expiring()      # code -> {client_id, redirect_uri, challenge, user_id}
        self._used_codes = _Expiring() # code -> the family it started (revoked if the code comes again)
        self._tickets = _Expiring()    # sign-in ticket -> (user_id, request fields)
        self._refresh = _Expiring()    # refresh token -> {client_id, user_id, family}
        self._rotated = _Expiring()    # refresh tokens already used once -> family
        self._families = {}            # family -> {"access": [tokens], "refresh": token}

    def clock(self):
        return self._clock() + self._offset

    def advance(self, seconds):
        self._offset += seconds

    def register_redirects(self, uris):
        self.redirect_uris = list(uris)

    # ---- the authorize page ----
    def authorize(self, method, query, body, content_type):
        """(status, headers, html bytes) for GET or POST /integrations/oauth2/authorize."""
        if method not in ("GET", "HEAD", "POST"):
            return 405, {"Allow": "GET, POST"}, b""
        fields = dict(parse_qsl(query, keep_blank_values=True)[:50])
        if method == "POST":
            if content_type != "application/x-www-form-urlencoded":
                return self._page(400, "Bad request", [("p", "The form was not sent as a form.")])
            fields = dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)[:50])
        fields = {k: v[:_FIELD_LIMIT] for k, v in fields.items()}
        client_id, redirect_uri = fields.get("client_id", ""), fields.get("redirect_uri", "")
        # A wrong client or redirect URI is said here, on the server's own page: sending the browser on to an
        # unregistered address is exactly what an attacker would want (RFC 6749 §4.1.2.1).
        if client_id != self.client_id:
            return self._page(400, "Unknown client ID", [
                ("p", "No OAuth2 application with the client ID %s is registered in this Workfront."
                 % (repr(errors.shown(client_id, 80)) if client_id else "(none given)")),
                ("p", "An administrator registers it under Setup > System > OAuth2 Applications; the demo's client "
                      "ID is %s." % self.client_id)])
        if redirect_uri not in self.redirect_uris:
            return self._page(400, "Redirect URI not registered", [
                ("p", "The application asked to come back to %s, which is not one of its registered redirect URIs."
                 % (errors.shown(redirect_uri, 200) or "(none given)")),
                ("ul", self.redirect_uris)])
        params = {k: fields.get(k, "") for k in ("client_id", "redirect_uri", "response_type", "code_challenge",
                                                 "code_challenge_method", "state")}
        state = params["state"]
        if params["response_type"] != "code":
            return self._back(redirect_uri, "unsupported_response_type", "Only response_type=code is supported.",
                              state)
        if params["code_challenge_method"] != "S256" or not _CHALLENGE.match(params["code_challenge"]):
            return self._back(redirect_uri, "invalid_request",
                              "PKCE is required: code_challenge with code_challenge_method=S256.", state)
        action = fields.get("action", "") if method == "POST" else ""
        now = self.clock()
        if action == "deny":
            with self._lock:
                self._tickets.pop(fields.get("ticket", ""))
            self.stats.count("POST oauth2/authorize (deny)", False)
            return self._back(redirect_uri, "access_denied", "The user denied access.", state)
        if action == "signin":
            user, message = self._sign_in(fields.get("username", ""), fields.get("password", ""))
            if user is None:
                return self._sign_in_page(params, message, fields.get("username", ""))
            ticket = secrets.token_urlsafe(24)
            with self._lock:
                self._tickets.put(ticket, (user[0], params), TICKET_LIFETIME, now)
            return self._consent_page(params, ticket, user)
        if action == "allow":
            with self._lock:
                entry = self._tickets.get(fields.get("ticket", ""), now)
                if entry is not None:
                    self._tickets.pop(fields.get("ticket", ""))
            if entry is None or entry[1] != params:
                return self._sign_in_page(params, "That sign-in ended. Sign in again.", "")
            code = secrets.token_urlsafe(32)
            with self._lock:
                self._codes.put(code, {"client_id": client_id, "redirect_uri": redirect_uri,
                                       "challenge": params["code_challenge"], "user_id": entry[0]}, CODE_LIFETIME, now)
            self.stats.count("POST oauth2/authorize (allow)", False)
            return self._redirect(_with_query(redirect_uri, [("code", code), ("state", state)]))
        self.stats.count("GET oauth2/authorize", False)
        return self._sign_in_page(params, "", "")

    def _sign_in(self, username, password):
        """((ID, name, email), None) for a demo account, or (None, message). The SSO-only demo admin signs in
        here with the demo password: this page stands in for the tenant's identity provider."""
        conn = self.store.conn()
        row = conn.execute("SELECT ID, name, emailAddr, isActive, ssoAccessOnly FROM users WHERE username = ? "
                           "COLLATE NOCASE", (username.strip(),)).fetchone() if username.strip() else None
        if row is None or not password:
            return None, auth.WRONG_PASSWORD
        if row[4]:
            ok = hmac.compare_digest(password.encode(), seed.DEMO_PASSWORD.encode())
        else:
            cred = conn.execute("SELECT salt, hash FROM passwords WHERE userID = ?", (row[0],)).fetchone()
            ok = cred is not None and hmac.compare_digest(seed.hash_password(password, cred[0]), cred[1])
        if not ok:
            return None, auth.WRONG_PASSWORD
        if not row[3]:
            return None, auth.INACTIVE
        return (row[0], row[1], row[2]), None

    # ---- the token endpoint ----
    def token(self, method, content_type, body):
        """(status, headers, JSON-able body) for the token endpoint."""
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        try:
            if method != "POST":
                raise OAuthError("invalid_request", "The token endpoint answers POST only.", 405)
            if content_type != "application/x-www-form-urlencoded":
                raise OAuthError("invalid_request", "Send the parameters form-encoded "
                                                    "(application/x-www-form-urlencoded).")
            pairs = parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
            form = {}
            for k, v in pairs:
                if k in form:
                    raise OAuthError("invalid_request", "The parameter %s is given more than once." % errors.shown(k, 40))
                form[k] = v
            grant = form.get("grant_type", "")
            if grant not in ("authorization_code", "refresh_token"):
                raise OAuthError("unsupported_grant_type", "grant_type must be authorization_code or refresh_token.")
            client_id = form.get("client_id", "")
            if client_id != self.client_id:
                raise OAuthError("invalid_client", "Unknown client ID %s." % repr(errors.shown(client_id, 80))
                                 if client_id else "The client_id is missing.", 401)
            self.stats.count("POST oauth2/token (%s)" % grant, False)
            data = self._exchange_code(form) if grant == "authorization_code" else self._use_refresh(form)
            return 200, headers, data
        except OAuthError as e:
            return e.status, headers, e.body()

    def _exchange_code(self, form):
        code, verifier = form.get("code", ""), form.get("code_verifier", "")
        if not code:
            raise OAuthError("invalid_request", "The code is missing.")
        if not verifier:
            raise OAuthError("invalid_request", "The code_verifier is missing (PKCE).")
        now = self.clock()
        with self._lock:
            grant = self._codes.get(code, now)
            if grant is None:
                family = self._used_codes.get(code, now)
                if family is not None:   # a code used twice: what it gave is revoked (RFC 6749 §4.1.2)
                    self._revoke(family)
                    raise OAuthError("invalid_grant", "This authorization code was already used.")
                raise OAuthError("invalid_grant", "This authorization code is not valid or has expired.")
            self._codes.pop(code)   # single use, whatever happens next
            family = secrets.token_hex(8)
            self._used_codes.put(code, family, CODE_LIFETIME, now)
        if grant["client_id"] != form.get("client_id"):
            raise OAuthError("invalid_grant", "This code was given to another client.")
        if form.get("redirect_uri", "") != grant["redirect_uri"]:
            raise OAuthError("invalid_grant", "redirect_uri does not match the one of the authorization request.")
        if not _VERIFIER.match(verifier) or not hmac.compare_digest(_challenge_of(verifier), grant["challenge"]):
            raise OAuthError("invalid_grant", "The code_verifier does not match the code_challenge (PKCE).")
        return self._issue(grant["user_id"], grant["client_id"], family)

    def _use_refresh(self, form):
        token = form.get("refresh_token", "")
        if not token:
            raise OAuthError("invalid_request", "The refresh_token is missing.")
        now = self.clock()
        with self._lock:
            entry = self._refresh.get(token, now)
            if entry is None:
                family = self._rotated.get(token, now)
                if family is not None:   # an old refresh token again: someone else may hold it; end the sign-in
                    self._revoke(family)
                    raise OAuthError("invalid_grant", "This refresh token was already used; sign in again.")
                raise OAuthError("invalid_grant", "This refresh token is not valid or has expired; sign in again.")
            if entry["client_id"] != form.get("client_id"):
                raise OAuthError("invalid_grant", "This refresh token was given to another client.")
            self._refresh.pop(token)
            self._rotated.put(token, entry["family"], REFRESH_LIFETIME, now)
        return self._issue(entry["user_id"], entry["client_id"], entry["family"])

    def _issue(self, user_id, client_id, family):
        now = self.clock()
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        with self.store.write() as conn:
            conn.execute("DELETE FROM sessions WHERE expires <= ?", (now_ms(),))
            conn.execute("INSERT INTO sessions VALUES (?,?,?)",
                         (access, user_id, now_ms() + int(self.token_ttl * 1000)))
        with self._lock:
            self._refresh.put(refresh, {"client_id": client_id, "user_id": user_id, "family": family},
                              REFRESH_LIFETIME, now)
            fam = self._families.setdefault(family, {"access": [], "refresh": None})
            fam["access"] = (fam["access"] + [access])[-20:]
            fam["refresh"] = refresh
            if len(self._families) > MAX_PENDING:
                del self._families[next(iter(self._families))]
        return {"access_token": access, "refresh_token": refresh, "token_type": "Bearer",
                "expires_in": int(self.token_ttl)}

    def _revoke(self, family):
        """Ends every token of one sign-in (called with the lock held)."""
        fam = self._families.pop(family, None)
        if not fam:
            return
        if fam["refresh"]:
            self._refresh.pop(fam["refresh"])
        with self.store.write() as conn:
            conn.executemany("DELETE FROM sessions WHERE sessionID = ?", [(a,) for a in fam["access"]])

    # ---- pages ----
    def _csp(self, redirect_uri=None):
        form_action = "'self'" + (" " + _origin(redirect_uri) if redirect_uri else "")
        return ("default-src 'none'; style-src 'sha256-%s'; form-action %s; frame-ancestors 'none'; "
                "base-uri 'none'" % (STYLE_HASH, form_action))

    def _page(self, status, title, parts, form=None, redirect_uri=None):
        out = ["<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">",
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
               "<title>%s - Workfront (demo)</title><style>%s</style></head><body><main>"
               % (html.escape(title), STYLE),
               "<p class=\"muted\">Workfront demo &middot; demo.my.workfront.com</p><h1>%s</h1>" % html.escape(title)]
        for kind, value in parts:
            if kind == "ul":
                out.append("<ul>%s</ul>" % "".join("<li><code>%s</code></li>" % html.escape(v) for v in value))
            else:
                out.append("<p class=\"%s\">%s</p>" % ("error" if kind == "error" else "muted" if kind == "muted"
                                                        else "", html.escape(value)))
        if form:
            out.append(form)
        out.append("</main></body></html>")
        headers = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store",
                   "Content-Security-Policy": self._csp(redirect_uri)}
        return status, headers, "".join(out).encode()

    @staticmethod
    def _hidden(params, ticket=None):
        fields = dict(params, **({"ticket": ticket} if ticket else {}))
        return "".join("<input type=\"hidden\" name=\"%s\" value=\"%s\">" % (html.escape(k), html.escape(v))
                       for k, v in fields.items())

    def _sign_in_page(self, params, error, username):
        form = ("<form method=\"post\" action=\"%s\">%s"
                "<label for=\"username\">Username</label>"
                "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" value=\"%s\">"
                "<label for=\"password\">Password</label>"
                "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\">"
                "<div class=\"row\"><button class=\"primary\" type=\"submit\" name=\"action\" value=\"signin\" "
                "id=\"signin\">Sign in</button><button type=\"submit\" name=\"action\" value=\"deny\" id=\"cancel\" "
                "formnovalidate>Cancel</button></div></form>"
                % (AUTHORIZE_PATH, self._hidden(params), html.escape(username)))
        parts = [("muted", "%s wants you to sign in to Workfront." % CLIENT_NAME)]
        if error:
            parts.append(("error", error))
        parts.append(("muted", "Demo accounts: %s, %s, %s (password %s)." % (seed.ADMIN_EMAIL, seed.USER_EMAIL,
                                                                          seed.SSO_EMAIL, seed.DEMO_PASSWORD)))
        return self._page(200, "Sign in", parts, form, params["redirect_uri"])

    def _consent_page(self, params, ticket, user):
        form = ("<form method=\"post\" action=\"%s\">%s<div class=\"row\">"
                "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"allow\" id=\"allow\">Allow</button>"
                "<button type=\"submit\" name=\"action\" value=\"deny\" id=\"deny\">Deny</button></div></form>"
                % (AUTHORIZE_PATH, self._hidden(params, ticket)))
        parts = [("", "%s would like to use Workfront as %s (%s): read users and change whether they are active."
                  % (CLIENT_NAME, user[1], user[2])),
                 ("muted", "It will come back to %s." % params["redirect_uri"])]
        return self._page(200, "Allow access?", parts, form, params["redirect_uri"])

    def _back(self, redirect_uri, error, description, state):
        fields = [("error", error), ("error_description", description)]
        if state:
            fields.append(("state", state))
        return self._redirect(_with_query(redirect_uri, fields))

    @staticmethod
    def _redirect(location):
        return 303, {"Location": location, "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8"}, b""
