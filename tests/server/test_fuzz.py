# test_fuzz.py: a few thousand generated malformed requests (seeded, bounded in count and time, loopback only) to
# the demo API, to the proxy (--upstream pointed at a local stand-in that misbehaves on request) and as raw bytes
# that break HTTP itself. Every answer must be JSON (an error in Workfront's shape, {"error":{"class","message",
# ...,"code"}}, whenever the status is not 2xx), the log must hold no traceback, and the server must still answer.
# WFADMIN_FUZZ_SEED and WFADMIN_FUZZ_COUNT change the run; a failure names the seed and the request.
import http.client
import json
import os
import random
import socket
import threading
import time
import unittest
import zlib
from functools import lru_cache
from urllib.parse import quote_plus

from server import errors

from .support import Serve, parse_answer, strict_json

SEED = int(os.environ.get("WFADMIN_FUZZ_SEED", "20261201"))
COUNT = int(os.environ.get("WFADMIN_FUZZ_COUNT", "3000"))
TIME_BUDGET = 30.0   # seconds of requests at most, whatever COUNT says
PROXIED_HOST = "acme.my.workfront.com"
MODES = ("ok", "error", "redirect", "cut", "cutchunked", "badchunk", "badstatus", "close", "longheader")
ID = "0123456789abcdef0123456789abcdef"


@lru_cache(maxsize=1024)
def _encode(text):
    """One form-encoded key or value; cached, because the big generated values come again and again and
    urllib's quoting costs a dict look-up per byte."""
    return quote_plus(text, safe="", encoding="utf-8", errors="surrogatepass")


def urlencode(pairs):
    return "&".join(_encode(k) + "=" + _encode(v) for k, v in pairs)


class StandIn:
    """A misbehaving Workfront on 127.0.0.1: raw bytes, chosen by the request's mode=... parameter."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def close(self):
        self._stop = True
        self.sock.close()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn):
        with conn:
            conn.settimeout(5)
            request = b""
            try:
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    request += chunk
                target = request.split(b" ", 2)[1].decode("latin-1")
                mode = next((p[5:] for p in target.partition("?")[2].split("&") if p.startswith("mode=")), "ok")
                conn.sendall(self._reply(mode, zlib.crc32(target.encode("latin-1"))))
            except OSError:
                pass

    def _reply(self, mode, pick):
        ok = b'{"data":[{"ID":"%s","name":"Stand-in","objCode":"USER"}]}' % ID.encode()
        err = json.dumps(errors.bad_param("stand-in refuses", "x").body()).encode()

        def answer(status, body, extra=b""):
            return (b"HTTP/1.1 %d X\r\nContent-Type: application/json\r\nContent-Length: %d\r\n%s"
                    b"Connection: close\r\n\r\n%s" % (status, len(body), extra, body))
        if mode == "error":
            return answer(422, err)
        if mode == "redirect":
            locations = ["/\\evil.example/x", "\\\\evil.example", "http:\\\\evil.example", "//evil.example",
                         "http:x", "http://127.0.0.1:%d:1/" % self.port, "http://127.0.0.1:99999/", "javascript:1",
                         "/\t/evil.example", "http://[::1", "http://evil.example@127.0.0.1:%d/" % self.port]
            location = locations[pick % len(locations)]
            return answer(302, err, b"Location: " + location.encode() + b"\r\n")
        if mode == "cut":
            return b"HTTP/1.1 200 OK\r\nContent-Length: 500\r\n\r\n" + ok
        if mode == "cutchunked":
            return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"dat\r\n"
        if mode == "badchunk":
            return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
        if mode == "badstatus":
            return b"HTTP/1.1 two hundred\r\n\r\n" + ok
        if mode == "close":
            return b""
        if mode == "longheader":
            return b"HTTP/1.1 200 OK\r\nX-Long: " + b"y" * 70000 + b"\r\nContent-Length: 2\r\n\r\n{}"
        return answer(200, ok)


class Generator:
    """Malformed, half-formed and odd requests; every choice comes from one seeded random.Random."""

    OBJECTS = ["user", "USER", "User", "task", "optask", "proj", "project", "acslvl", "group", "cmpy", "batch",
               "login", "logout", "metadata", "%62atch", "%75ser", "nosuch", "", "%ff", "%00", "..", "%2e%2e",
               "user%2fsearch", "u" * 300]
    SUBPATHS = ["", "/search", "/count", "/metadata", "/" + ID, "/$$USER", "/" + ID + "/extra", "/a/b/c",
                "/search/", "//search", "/%00", "/" + "9" * 60, "/" + ID + "/%2e%2e"]
    PREFIXES = ["/attask/api/v21.0", "/attask/api/v22.0", "/attask/api", "/attask/api-internal", "/attask/api/v15.0",
                "/attask/api/v21.5", "/attask/api/v" + "9" * 30, "/attask/api/v" + "9" * 5000, "/attask/api/v",
                "/ATTASK/API/V21.0", "/attask/", "/attask/api/v0021.0"]
    KEYS = ["fields", "$$FIRST", "$$LIMIT", "method", "updates", "filters", "id", "action", "atomic", "username",
            "password", "apiKey", "sessionID", "uri", "name", "name_Mod", "name_Range", "loginCount",
            "loginCount_Mod", "lastLoginDate", "lastLoginDate_Mod", "lastLoginDate_Range", "isActive", "ID",
            "ID_Mod", "OR:1:name", "OR:2:isActive", "OR:99999999:name", "ID_Sort", "name_1_Sort", "name_Sort",
            "title_Mod", "emailAddr", "accessLevel:name", "nosuchfield", "", "=", "%", "$$", "OR:", "_Sort",
            "x_" + "9" * 5000 + "_Sort", "OR:" + "1" * 5000 + ":name"]

    def __init__(self, seed):
        self.r = random.Random(seed)

    def pick(self, seq):
        return self.r.choice(seq)

    def json_value(self, depth=0):
        r = self.r
        kind = r.randrange(10 if depth < 4 else 6)
        if kind == 0:
            return r.choice([True, False, None])
        if kind == 1:
            return r.choice([0, -1, 2 ** 63, -(2 ** 63) - 1, 10 ** 30, 1.5, 1e300])
        if kind in (2, 3, 4, 5):
            return self.text()
        if kind in (6, 7):
            return [self.json_value(depth + 1) for _ in range(r.randrange(4))]
        return {self.pick(["ID", "isActive", "title", "name", "managerID", "accessLevelID", "licenseType",
                           "objCode", "name_Mod", "x", ""]): self.json_value(depth + 1) for _ in range(r.randrange(4))}

    def json_text(self):
        r = self.r
        kind = r.randrange(12)
        if kind == 0:
            return "[" * r.choice([40, 1000, 3000]) + "]" * r.randrange(3)
        if kind == 1:
            return '{"a":' * 3000 + "1" + "}" * 3000
        if kind == 2:
            return r.choice(["NaN", "[NaN]", '{"title":Infinity}', '[{"ID":-Infinity}]', "1e400", '{"x":1e999}',
                             '{"isActive":' + "9" * 5000 + "}", "{", "", "nul", '"\\ud800"', "[1,]"])
        if kind == 3:
            return json.dumps([{"ID": self.pick([ID, "$$USER", "", "x" * 40]), "isActive": self.json_value()}
                               for _ in range(r.choice([1, 2, 101, 150]))])
        return json.dumps(self.json_value())

    def text(self):
        r = self.r
        kind = r.randrange(16)
        choices = ["", "x", "true", "false", "null", "$$USER", "$$NOW", "$$TODAY-1d", ID, "asc", "desc", "cicontains",
                   "in", "between", "like", "isnull", "notin", "GET", "PUT", "POST", "DELETE", "PATCH", "getApiKey",
                   "generateApiKey", "clearApiKey", "user/count", "batch", "%62atch", "*", "ID,name", "accessLevel:*"]
        if kind < 6:
            return self.pick(choices)
        if kind == 6:
            return self.pick(["99999999999999999999", "-1", "0", "1_000", "+5", " 7", "١٢", "1e5", "0x10",
                              "9" * r.choice([19, 20, 400, 5000]), "-9223372036854775809", "2000", "2001"])
        if kind == 7:
            return self.pick(["$$NOW+99999999999999999y", "$$TODAY-999999999q", "$$NOW+" + "9" * 5000 + "d",
                              "9999-12-31T23:59:59-23:59", "0000-01-01", "2020-02-30", "2020-01-01T25:00:00",
                              "2017-03-23T09:00:00:000+0400", "$$NOW-1h", "1999-01-01Z"])
        if kind == 8:
            return self.pick(["%", "_", "\\"]) * r.choice([10, 12_000])
        if kind == 9:
            return "".join(chr(r.randrange(0x20)) for _ in range(r.randrange(1, 8)))
        if kind == 10:
            return self.pick(["É", "名字", "\ud800", "\U0001f600", "\u202e", "\ufeff", "ﬀ"]) * r.randrange(1, 4)
        if kind == 11:
            return self.json_text()
        if kind == 12:
            return "x" * r.choice([300, 9000, 30_000])
        if kind == 13:
            return self.pick(["NaN", "Infinity", "-Infinity", "1e400", "nan", "inf"])
        return "".join(r.choice("abcdefghij%&=?#;:,.\"'<>/\\+ ") for _ in range(r.randrange(1, 30)))

    def params(self):
        r = self.r
        pairs = [(self.pick(self.KEYS), self.text()) for _ in range(r.randrange(6))]
        burst = r.randrange(30)
        if burst == 0:
            pairs += [("OR:%d:name" % i, "x") for i in range(r.choice([5, 1200]))]
        elif burst == 1:
            pairs += [("name_%d_Sort" % i, "asc") for i in range(r.choice([5, 2100]))]
        elif burst == 2:
            pairs += [("ID", ID)] * r.choice([10, 12_000]) + [("ID_Mod", "in")]
        elif burst == 3:
            pairs += [("uri", self.pick(["user/count", "%62atch?method=POST&uri=user/count", "batch", "user/search",
                                         "/user/" + ID, "user?method=PUT&updates=" + _encode(self.json_text())]))
                      for _ in range(r.choice([1, 3, 101]))]
        return pairs

    def request(self, key, proxied):
        """(method, target, headers, body bytes or None)."""
        r = self.r
        method = self.pick(["GET"] * 6 + ["PUT"] * 3 + ["POST"] * 3 + ["DELETE", "PATCH", "OPTIONS"])
        # Mostly the real API and the user object, so that most requests get past routing into the demo's code.
        prefix = "/attask/api/v21.0" if r.random() < 0.7 else self.pick(self.PREFIXES)
        obj = "user" if r.random() < 0.5 else self.pick(self.OBJECTS)
        path = prefix + "/" + obj + self.pick(self.SUBPATHS)
        pairs = self.params()
        headers = {}
        if r.random() < 0.85:
            headers["apiKey"] = key
        elif r.random() < 0.5:
            value = self.text()[:200].encode("utf-8", "surrogatepass").decode("latin-1")
            headers[self.pick(["apiKey", "sessionID", "APIKEY"])] = "".join(c for c in value if c >= " ")
        if proxied:
            headers["X-Workfront-Host"] = PROXIED_HOST
            pairs.append(("mode", self.pick(MODES)))
        body = None
        where = r.randrange(4)
        if where == 0:
            body = urlencode(pairs).encode()
            headers["Content-Type"] = self.pick(["application/x-www-form-urlencoded",
                                                 "application/x-www-form-urlencoded; charset=latin-1"])
            pairs = [p for p in pairs if p[0] == "mode"]
        elif where == 1:
            body = self.json_text().encode("utf-8", "surrogatepass")
            headers["Content-Type"] = self.pick(["application/json", "application/json;charset=UTF-8", "text/plain"])
        elif where == 2 and r.random() < 0.3:
            body = bytes(r.randrange(256) for _ in range(r.randrange(1, 300)))
            headers["Content-Type"] = self.pick(["application/x-www-form-urlencoded", "application/json", ""])
        query = urlencode(pairs)
        target = path + ("?" + query if query else "")
        if len(target) > 60_000:   # request lines past 64 KiB are refused by http.server alone: not the point
            target = target[:60_000]
        return method, target, headers, body

    def raw(self):
        """Bytes that break HTTP: request lines, versions, headers, framing."""
        r = self.r
        target = self.pick(["/attask/api/v21.0/user/count", "/attask/api/v21.0/batch", "/attask/%zz",
                            "/attask/api/v21.0/user/search?name=" + "x" * 70_000])
        line = self.pick([b"GET %s HTTP/1.1", b"GET %s", b"GET %s HTTP/0.9", b"GET %s HTTP/2.0", b"GET %s HTTP/1.1 x",
                          b"G\x00T %s HTTP/1.1", b"POST %s HTTP/1.1", b"GET %s HTTP/1.10", b"GET %s HTTP/x.y",
                          b"BREW %s HTTP/1.1"]) % target.encode()
        head = [b"Host: 127.0.0.1"]
        body = b""
        framing = r.randrange(8)
        if framing == 0:
            head.append(b"Transfer-Encoding: chunked")
            body = self.pick([b"-1\r\n" + b"x" * 100, b"zz\r\n", b"5\r\nab", b"0x5\r\nhello\r\n0\r\n\r\n",
                              b"ffffffff\r\n", b"5;" + b"e" * 9000 + b"\r\nhello\r\n0\r\n\r\n",
                              b"5\r\nhello\r\n0\r\n" + b"T: x\r\n" * 3000 + b"\r\n", b"1\r\nx\r\n0\r\n\r\n"])
        elif framing == 1:
            head.append(b"Content-Length: " + self.pick([b"-1", b"+3", b"3, 3", b"9" * 30, b"abc", b"", b"1_0"]))
            body = b"abc"
        elif framing == 2:
            head += [b"Content-Length: 3", b"Transfer-Encoding: chunked"]
            body = b"abc"
        elif framing == 3:
            head += [b"Content-Length: 3", b"Content-Length: 4"]
            body = b"abcd"
        elif framing == 4:
            head.append(b"Transfer-Encoding: " + self.pick([b"gzip", b"chunked, gzip", b"identity", b"x" * 200]))
        elif framing == 5:
            head += [b"X-" + str(i).encode() + b": y" for i in range(r.choice([10, 150]))]
        elif framing == 6:
            head.append(self.pick([b"Bad Header", b": empty", b"X: \xff\xfe", b"X-Long: " + b"y" * 70_000]))
        return line + b"\r\n" + b"\r\n".join(head) + b"\r\n\r\n" + body


class FuzzTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.stand_in = StandIn()
        cls.srv = Serve(users=40, quiet=False, args=["--upstream", "http://127.0.0.1:%d" % cls.stand_in.port,
                                                     "--proxy-timeout", "2", "--proxy-deadline", "3"])

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()
        cls.stand_in.close()

    def send(self, method, target, headers, body):
        conn = http.client.HTTPConnection("127.0.0.1", self.srv.port, timeout=30)
        try:
            conn.putrequest(method, target, skip_accept_encoding=True)
            for k, v in headers.items():
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            return resp.status, resp.read()
        finally:
            conn.close()

    def send_raw(self, data):
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=30) as s:
            try:
                s.sendall(data)
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass   # the server may answer and close before all of it is sent
            answer = b""
            try:
                while chunk := s.recv(65536):
                    answer += chunk
            except ConnectionResetError:
                pass
        status, headers, body = parse_answer(answer)
        return status, body[:int(headers.get("content-length", len(body)))]   # the first answer only

    def check(self, status, body, what):
        self.assertIsNotNone(status, "no HTTP answer to %s" % what)
        try:
            data = strict_json(body)
        except ValueError:
            self.fail("%d answer to %s is not JSON: %r" % (status, what, body[:300]))
        if 200 <= status < 300:
            return
        self.assertIsInstance(data, dict, what)
        error = data.get("error")
        self.assertIsInstance(error, dict, "%d answer to %s: %r" % (status, what, body[:300]))
        self.assertIsInstance(error.get("class"), str, what)
        self.assertIsInstance(error.get("message"), str, what)
        self.assertEqual(error.get("code"), status, what)

    def test_generated_requests(self):
        gen = Generator(SEED)
        key = self.srv.key_for()
        start, sent, statuses = time.monotonic(), 0, {}
        for n in range(COUNT):
            if time.monotonic() - start > TIME_BUDGET:
                break
            if n and n % 400 == 0:   # the fuzz may deactivate the admin or clear its key: start the tenant over
                self.srv.control("POST", "reset")
                key = self.srv.key_for()
            roll = gen.r.random()
            if roll < 0.1:
                data = gen.raw()
                status, body = self.send_raw(data)
                what = "raw %r (seed %d, #%d)" % (data[:200], SEED, n)
            else:
                method, target, headers, body_out = gen.request(key, proxied=roll < 0.3)
                what = "%s %s %r body %r (seed %d, #%d)" % (method, target[:300], headers, (body_out or b"")[:200],
                                                             SEED, n)
                status, body = self.send(method, target, headers, body_out)
            self.check(status, body, what)
            statuses[status] = statuses.get(status, 0) + 1
            sent += 1
        self.assertGreater(sent, min(COUNT, 500), "the time budget let too few requests through")
        out = self.srv.output()
        at = out.find("Traceback")
        self.assertEqual(at, -1, "a traceback in the log (seed %d):\n%s" % (SEED, out[max(0, at - 600):at + 3000]))
        r = self.srv.api("GET", "/user/count", key=self.srv.key_for())
        self.assertEqual(r.status, 200, "the server still answers")
        print("\n  fuzz: %d requests in %.1f s, statuses %s " % (sent, time.monotonic() - start,
                                                                 dict(sorted(statuses.items()))), end="")


if __name__ == "__main__":
    unittest.main()
