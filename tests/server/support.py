# support.py: starts serve.py as a subprocess (port 0, temporary database, --test-control) and talks to it with
# raw http.client requests, so tests see exactly the bytes a browser or the official client would.
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from urllib.parse import urlencode

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ADMIN_EMAIL, USER_EMAIL, SSO_EMAIL, OWNER_EMAIL = ("admin@demo.example.com", "user@demo.example.com",
                                                   "sso@demo.example.com", "owner@demo.example.com")
PASSWORD = "wfadmin-demo"
OWNER_ID, ADMIN_ID, USER_ID, SSO_ID = ("00000000000000000000000000000a0%d" % i for i in range(4))
API = "/attask/api/v21.0"


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def header(self, name):
        return self.headers.get(name.lower())

    def json(self):
        return json.loads(self.body)


class Serve:
    """One serve.py process. Use as a context manager or call stop()."""

    def __init__(self, users=60, args=(), root=None, db=None, test_control=True, quiet=True, timeout=60):
        self.tmp = tempfile.mkdtemp(prefix="wfadmin-test-")
        self.db = db or os.path.join(self.tmp, "demo.sqlite3")
        self.root = root or os.path.join(self.tmp, "site")
        os.makedirs(self.root, exist_ok=True)
        cmd = [sys.executable, os.path.join(REPO, "serve.py"), "--port", "0", "--db", self.db, "--root", self.root]
        if users is not None:
            cmd += ["--demo-users", str(users)]
        if test_control:
            cmd.append("--test-control")
        if quiet:
            cmd.append("--quiet")
        cmd += list(args)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     encoding="utf-8")
        self.lines = []
        self._ready = threading.Event()
        self.port = None
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._ready.wait(timeout) or self.port is None:
            self.stop()
            raise RuntimeError("serve.py did not start:\n" + self.output())

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)
            if line.startswith("serving on http://"):
                self.port = int(line.strip().rstrip("/").rsplit(":", 1)[1])
                self._ready.set()
        self._ready.set()

    def output(self):
        return "".join(self.lines)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._reader.join(10)   # every line serve.py wrote is in self.lines after stop()
        if not self._reader.is_alive():
            self.proc.stdout.close()

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.cleanup()

    # ---- requests ----
    def request(self, method, target, body=None, headers=None, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            skip_host = any(k.lower() == "host" for k in (headers or {}))
            conn.putrequest(method, target, skip_host=skip_host, skip_accept_encoding=True)
            body_bytes = body.encode() if isinstance(body, str) else body
            for k, v in (headers or {}).items():
                conn.putheader(k, v)
            if body_bytes is not None:
                conn.putheader("Content-Length", str(len(body_bytes)))
            conn.endheaders(body_bytes)
            resp = conn.getresponse()
            return Response(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
        finally:
            conn.close()

    def api(self, method, path, params=None, form=None, key=None, session=None, headers=None, json_body=None,
            version=API):
        """An API call: params go in the query string, form in a form-encoded body, json_body as JSON."""
        target = version + path + ("?" + urlencode(params, doseq=True) if params else "")
        h = dict(headers or {})
        body = None
        if key:
            h["apiKey"] = key
        if session:
            h["sessionID"] = session
        if form is not None:
            body = urlencode(form, doseq=True)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        elif json_body is not None:
            body = json.dumps(json_body)
            h["Content-Type"] = "application/json"
        return self.request(method, target, body, h)

    def key_for(self, email=ADMIN_EMAIL, password=PASSWORD):
        """The user's API key (getApiKey, then generateApiKey when there is none), like the official client."""
        for action in ("getApiKey", "generateApiKey"):
            r = self.api("POST", "/user", form={"method": "PUT", "action": action, "username": email,
                                                "password": password})
            assert r.status == 200, r.body
            key = r.json()["data"]["result"]
            if key:
                return key
        raise AssertionError("no key")

    def control(self, method, path, data=None):
        body = json.dumps(data) if data is not None else None
        r = self.request(method, "/__test__/" + path, body, {"Content-Type": "application/json"} if body else {})
        return r.status, json.loads(r.body)

    def user(self, user_id):
        return self.control("GET", "user/" + user_id)[1]

    def users(self, **q):
        return self.control("GET", "users?" + urlencode({k: str(v).lower() if isinstance(v, bool) else v
                                                          for k, v in q.items()}))[1]


class ServedUsersCase(unittest.TestCase):
    """One demo server per test class, with an API key and a pool of active non-admin users that each test takes
    its own from (take), so tests that change users never meet."""
    USERS = 400

    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=cls.USERS)
        cls.key = cls.srv.key_for()
        cls.pool = [u["ID"] for u in cls.srv.users(limit=cls.USERS, special=False, isActive=True, isAdmin=False)]

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def take(self, n):
        """The IDs of n active non-admin users no other test uses."""
        taken, self.pool[:n] = self.pool[:n], []
        self.assertEqual(len(taken), n)
        return taken


def raw_exchange(port, data, timeout=10, keep_open=False):
    """Sends raw bytes and reads the answer until the server closes (or, with keep_open, until one whole answer
    has come while this side keeps its half open: a server that waits for the end of the request never answers).
    Returns (status or None, headers dict with lower-case names, body bytes)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        if not keep_open:
            s.shutdown(socket.SHUT_WR)
        answer = b""
        while True:
            head, sep, rest = answer.partition(b"\r\n\r\n")
            if keep_open and sep:
                m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                if m and len(rest) >= int(m.group(1)):
                    break
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
    return parse_answer(answer)


def parse_answer(answer):
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    m = re.match(r"^HTTP/1\.[01] (\d{3}) ", lines[0])
    headers = dict((k.strip().lower(), v.strip()) for k, _, v in (l.partition(":") for l in lines[1:]))
    return (int(m.group(1)) if m else None), headers, body


def strict_json(body):
    """JSON as a strict parser reads it: NaN and Infinity are not JSON."""
    def refuse(name):
        raise ValueError("%s in JSON" % name)
    return json.loads(body, parse_constant=refuse)


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        return int(next(l for l in f if l.startswith("VmRSS")).split()[1]) / 1024


def wait_until(predicate, timeout=5.0):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()
