# auth.py: who is calling. Passwords (PBKDF2 hashes), API keys (getApiKey / generateApiKey / clearApiKey; keys
# expire after 30 days) and sessions from /login, looked up from the apiKey/sessionID header or parameter.
import hmac
import secrets

from . import errors, seed
from .wfdate import now_ms

KEY_LIFETIME_MS = 30 * 86_400_000
SESSION_LIFETIME_MS = 12 * 3_600_000

WRONG_PASSWORD = "That username/password combination wasn't quite right. Please try again."
SSO_ONLY = ("This user signs in with single sign-on (SSO) only: a password cannot be used. "
            "Use an API key or an OAuth2 token instead.")
INACTIVE = "This user is deactivated and cannot sign in."


def _user(conn, user_id):
    return conn.execute("SELECT ID, isActive, isAdmin, ssoAccessOnly FROM users WHERE ID = ?",
                        (user_id,)).fetchone()


def check_password(conn, username, password):
    """The user ID for a username/password pair, or an AuthenticationException."""
    if not username or not password:
        raise errors.auth_error("A username and a password are required.", "exception.login.missing")
    row = conn.execute("SELECT ID, isActive, ssoAccessOnly FROM users WHERE username = ? COLLATE NOCASE",
                       (username,)).fetchone()
    if row is None:
        raise errors.auth_error(WRONG_PASSWORD, "exception.login.invalid")
    user_id, active, sso = row
    if sso:
        raise errors.auth_error(SSO_ONLY, "exception.login.ssoonly")
    cred = conn.execute("SELECT salt, hash FROM passwords WHERE userID = ?", (user_id,)).fetchone()
    if cred is None or not hmac.compare_digest(seed.hash_password(password, cred[0]), cred[1]):
        raise errors.auth_error(WRONG_PASSWORD, "exception.login.invalid")
    if not active:
        raise errors.auth_error(INACTIVE, "exception.login.inactive")
    return user_id


def current_key(conn, user_id):
    """The user's unexpired key, or "" (an expired key is forgotten, as if cleared)."""
    row = conn.execute("SELECT apiKey, created FROM api_keys WHERE userID = ?", (user_id,)).fetchone()
    if row is None or row[1] + KEY_LIFETIME_MS <= now_ms():
        return ""
    return row[0]


def generate_key(conn, user_id):
    """A new key that replaces the old one (integrations using the old key stop working)."""
    key = secrets.token_hex(16)
    conn.execute("INSERT OR REPLACE INTO api_keys VALUES (?,?,?)", (user_id, key, now_ms()))
    return key


def new_session(conn, user_id):
    session_id = secrets.token_hex(16)
    now = now_ms()
    conn.execute("DELETE FROM sessions WHERE expires <= ?", (now,))
    conn.execute("INSERT INTO sessions VALUES (?,?,?)", (session_id, user_id, now + SESSION_LIFETIME_MS))
    return session_id


def credential(req):
    """("session"|"key", secret) from the request, headers first; (None, None) when there is none."""
    for kind, name in (("session", "sessionID"), ("key", "apiKey")):
        value = req.header(name) or req.param(name)
        if value:
            return kind, value
    return None, None


def authenticate(conn, req):
    """The calling user as (ID, isActive, isAdmin, ssoAccessOnly), or an AuthenticationException (401)."""
    kind, secret = credential(req)
    if kind is None:
        raise errors.auth_error("You are not currently logged in: send an apiKey or a sessionID.",
                                "exception.nosession")
    now = now_ms()
    if kind == "session":
        row = conn.execute("SELECT userID, expires FROM sessions WHERE sessionID = ?", (secret,)).fetchone()
        if row is None:
            raise errors.auth_error("This session is not valid. Sign in again.", "exception.session.invalid")
        if row[1] <= now:
            raise errors.auth_error("This session has expired. Sign in again.", "exception.session.expired")
    else:
        row = conn.execute("SELECT userID, created FROM api_keys WHERE apiKey = ?", (secret,)).fetchone()
        if row is None:
            raise errors.auth_error("This API key is not valid.", "exception.apikey.invalid")
        if row[1] + KEY_LIFETIME_MS <= now:
            raise errors.auth_error("This API key has expired. Create a new one.", "exception.apikey.expired")
    user = _user(conn, row[0])
    if user is None or not user[1]:
        raise errors.auth_error(INACTIVE, "exception.login.inactive")
    return user
