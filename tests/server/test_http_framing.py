# test_http_framing.py: requests that break HTTP itself. Bodies come in exactly one framing and never past the
# 10 MiB limit (a chunk size of -1 used to read to the end of the stream, unbounded, unauthenticated); a request
# must arrive within its deadline; HTTP/0.9 is refused with a real status line; and every such answer is JSON in
# Workfront's error shape.
import socket
import threading
import time
import unittest

from server import errors

from .support import Serve, API, raw_exchange, rss_mb, strict_json

HEAD = ("POST %s/user/count HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n" % API).encode()


def _rest(sock, timeout=3.0):
    """What the server still sends on this connection until it closes it (or goes quiet for timeout)."""
    sock.settimeout(timeout)
    data = b""
    while True:
        try:
            part = sock.recv(65536)
        except (socket.timeout, OSError):
            return data
        if not part:
            return data
        data += part


class FramingTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=8, quiet=False, args=["--request-deadline", "1.5"])

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    def assert_error(self, answer, status, wf_class):
        got_status, headers, body = answer
        self.assertEqual(got_status, status, body[:300])
        self.assertEqual(headers.get("content-type"), "application/json;charset=UTF-8")
        self.assertEqual(headers.get("x-content-type-options"), "nosniff")
        error = strict_json(body)["error"]
        self.assertEqual(error["class"], wf_class)
        self.assertEqual(error["code"], status)
        return error

    def test_negative_chunk_size_is_refused_without_reading_on(self):
        # The client keeps its side open: a server that reads to the end of the stream never answers.
        answer = raw_exchange(self.srv.port, HEAD + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n" + b"x" * 5000,
                              timeout=5, keep_open=True)
        self.assert_error(answer, 400, errors.BAD_REQUEST)

    def test_streaming_past_the_limit_costs_no_memory(self):
        before = rss_mb(self.srv.proc.pid)
        got = []
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
            s.sendall(HEAD + b"Transfer-Encoding: chunked\r\n\r\n-1\r\n")
            reader = threading.Thread(target=lambda: got.append(s.recv(65536)), daemon=True)
            reader.start()
            block = b"x" * (1 << 20)
            try:
                for _ in range(40):
                    s.sendall(block)
            except OSError:
                pass   # the server stopped reading: that is the point
            reader.join(10)
        self.assertTrue(got and got[0].startswith(b"HTTP/1.1 400"), got)
        self.assertLess(rss_mb(self.srv.proc.pid) - before, 15, "40 MiB streamed must not be kept")

    def test_bad_chunk_sizes_and_framings(self):
        for framing in (b"Transfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n 5\r\nhello\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n0_5\r\nhello\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello!!\r\n0\r\n\r\n",
                        b"Transfer-Encoding: chunked\r\n\r\n5\r\nhel",
                        b"Transfer-Encoding: chunked\r\n\r\n" + b"1" * 9000 + b"\r\n",
                        b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                        b"Content-Length: -5\r\n\r\nhello",
                        b"Content-Length: +5\r\n\r\nhello",
                        b"Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
                        b"Content-Length: 1_0\r\n\r\nhellohello",
                        b"Content-Length: 10\r\n\r\nhello"):
            with self.subTest(framing=framing[:60]):
                self.assert_error(raw_exchange(self.srv.port, HEAD + framing), 400, errors.BAD_REQUEST)
        answer = raw_exchange(self.srv.port, HEAD + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n")
        self.assert_error(answer, 501, errors.BAD_REQUEST)

    def test_good_chunked_bodies_still_work(self):
        body = b"5;ext=1\r\nmetho\r\n3\r\nd=G\r\n2\r\nET\r\n0\r\nX-Trailer: 1\r\n\r\n"
        answer = raw_exchange(self.srv.port, HEAD + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + body)
        self.assert_error(answer, 401, errors.AUTH)   # it reached the demo, which wants a credential

    def test_chunked_bodies_are_capped_in_all(self):
        chunk = b"100000\r\n" + b"x" * 0x100000 + b"\r\n"
        answer = raw_exchange(self.srv.port, HEAD + b"Transfer-Encoding: chunked\r\n\r\n" + chunk * 11, timeout=20)
        self.assert_error(answer, 413, errors.REQUEST_TOO_LARGE)

    def test_a_dripping_body_meets_the_deadline(self):
        start = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
            s.sendall(HEAD + b"Content-Length: 100\r\n\r\n")
            answer = b""
            s.settimeout(0.2)
            for _ in range(100):   # a byte every 0.2 s: 20 s in all, were it let
                try:
                    s.sendall(b"x")
                    answer += s.recv(65536)
                except socket.timeout:
                    continue
                except OSError:
                    break
                if answer:
                    break
            answer += _rest(s)   # headers and body may come in separate segments
        self.assertTrue(answer.startswith(b"HTTP/1.1 408"), answer[:100])
        self.assertIn(errors.REQUEST_TIMEOUT.encode(), answer)
        self.assertLess(time.monotonic() - start, 5)

    def test_dripping_headers_meet_the_deadline(self):
        start = time.monotonic()
        with socket.create_connection(("127.0.0.1", self.srv.port), timeout=10) as s:
            closed = False
            for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"y" * 60:
                try:
                    s.sendall(bytes([byte]))
                    time.sleep(0.2)
                except OSError:
                    closed = True
                    break
            if not closed:
                s.settimeout(1)
                try:
                    closed = s.recv(100) == b""
                except ConnectionResetError:
                    closed = True
        self.assertTrue(closed, "the connection must be closed once the deadline has passed")
        self.assertLess(time.monotonic() - start, 8)

    def test_http_09_is_refused_with_a_status_line(self):
        status, headers, body = raw_exchange(self.srv.port, b"GET /\r\n")
        self.assertEqual(status, 505, body[:200])
        self.assertEqual(headers.get("x-content-type-options"), "nosniff")
        self.assertEqual(strict_json(body)["error"]["class"], errors.BAD_REQUEST)
        status, headers, body = raw_exchange(self.srv.port, b"GET %s/user/count HTTP/0.9\r\n\r\n" % API.encode())
        self.assertEqual(status, 505, body[:200])

    def test_broken_requests_get_json_errors(self):
        for request in (b"GET / HTTP/1.1 junk\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                        b"GET / HTTP/1.1\r\n" + b"X: y\r\n" * 120 + b"\r\n",
                        b"GET http://evil.example/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                        b"GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"):
            with self.subTest(request=request[:40]):
                status, headers, body = raw_exchange(self.srv.port, request)
                self.assertIn(status, (400, 421, 431, 505), body[:200])
                self.assertEqual(strict_json(body)["error"]["code"], status)
                self.assertEqual(headers.get("x-frame-options"), "DENY")

    def test_zz_log_has_no_tracebacks(self):   # last: unittest runs tests in name order
        self.assertNotIn("Traceback", self.srv.output())


if __name__ == "__main__":
    unittest.main()
