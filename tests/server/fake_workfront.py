# fake_workfront.py: a stand-in Workfront upstream on 127.0.0.1 for the proxy tests of serve.py and nginx: it
# records what reached it and answers by route (the last path segment): redirects of every kind, a dripping, cut
# short or slow answer, an upstream error, and by default a user page with cookies and CORS headers that must
# not come back to the browser.
import gzip
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from server import errors


class FakeWorkfront(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen = []

    def log_message(self, *args):
        pass

    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        FakeWorkfront.seen.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                   "body": body})
        route = self.path.split("?")[0].rsplit("/", 1)[1]
        port = self.server.server_address[1]
        if route == "away":
            return self.reply(302, b"", {"Location": "https://evil.example/steal?x=1"})
        if route == "same":
            return self.reply(302, b"", {"Location": "/attask/api/v21.0/user/search?moved=1"})
        if route == "absolute":
            return self.reply(301, b"", {"Location": "http://127.0.0.1:%d/attask/api/v21.0/user/count" % port})
        if route == "to":   # a redirect to ?location=..., with {port} filled in
            location = parse_qs(urlsplit(self.path).query)["location"][0].replace("{port}", str(port))
            return self.reply(302, b"", {"Location": location.encode("utf-8").decode("latin-1")})
        if route == "drip":   # a whole answer, one byte every 0.25 s: each read is quick, the answer is not
            return self.drip(b'{"data":[' + b" " * 40 + b"]}", 0.25)
        if route == "cut":   # closes after 10 of 100 promised bytes
            return self.cut_off(("Content-Length", "100"), b'{"data":[]')
        if route == "cutchunked":   # one chunk, then the connection closes without the last chunk
            return self.cut_off(("Transfer-Encoding", "chunked"), b"b\r\n{\"data\":[]}\r\n")
        if route == "negchunk":   # a chunk size of -1, then data that does not end (for 1.5 s)
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                self.wfile.write(b"-1\r\n" + b"x" * 100_000)
                time.sleep(1.5)
            except OSError:
                pass
            self.close_connection = True
            return
        if route == "invalid":
            err = {"error": {"class": errors.ILLEGAL_ARG, "message": "bad", "title": "",
                             "msgKey": "", "attributes": [], "code": 422}}
            return self.reply(422, json.dumps(err).encode())
        if route == "slow":
            time.sleep(3)
        data = {"data": [{"ID": "1" * 32, "name": "Upstream User", "objCode": "USER"}], "echo": body.decode()}
        extra = {"Set-Cookie": "session=abc; Path=/", "Access-Control-Allow-Origin": "*", "X-Internal": "yes",
                 "Connection": "keep-alive", "Keep-Alive": "timeout=5"}
        payload = json.dumps(data).encode()
        if "gzip" in (self.headers.get("Accept-Encoding") or ""):
            payload = gzip.compress(payload)
            extra["Content-Encoding"] = "gzip"
        self.reply(200, payload, extra)

    def cut_off(self, framing, sent):
        """A 200 whose body ends early: the connection closes after `sent`."""
        self.send_response(200)
        self.send_header(*framing)
        self.end_headers()
        self.wfile.write(sent)
        self.close_connection = True

    def drip(self, body, pause):
        self.send_response(200)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            for i in range(len(body)):
                self.wfile.write(body[i:i + 1])
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass   # the proxy gave up: expected
        self.close_connection = True

    def reply(self, status, body, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json;charset=UTF-8")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = do_DELETE = answer


def closed_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def start_fake_workfront():
    """A running fake upstream (call .shutdown() and .server_close() when done)."""
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), FakeWorkfront)
    upstream.daemon_threads = True
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    return upstream
