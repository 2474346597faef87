# httpbody.py: reading requests off the wire, strictly. The connection's reader puts a deadline on each request
# (request line, headers and body must arrive within it once the first byte is in: a drip of a byte a second
# cannot hold a server thread), and a body is read in exactly one framing, never more than the limit in all:
# Content-Length of digits only, or Transfer-Encoding: chunked with hex chunk sizes (no sign, no "0x").
import re
import socket
import time

MAX_LINE = 8192          # a chunk-size line or a trailer line
MAX_TRAILER = 32 * 1024  # all trailer lines together
_LENGTH = re.compile(r"^[0-9]{1,18}$")
_CHUNK_SIZE = re.compile(rb"^([0-9A-Fa-f]{1,8})[ \t]*(?:;[^\r\n]*)?\r?\n$")


class BodyTooLarge(Exception):
    pass


class BadBody(Exception):
    """The body's framing is wrong (bad Content-Length or chunk size, two framings, cut short); the connection
    cannot be trusted to be in step any more."""

    def __init__(self, message, status=400, cut_short=False):
        super().__init__(message)
        self.message, self.status, self.cut_short = message, status, cut_short


class RequestTimeout(TimeoutError):
    """The request did not arrive within its deadline."""


class DeadlineReader:
    """The connection's buffered reader, with a deadline armed by a request's first byte and cleared by disarm()
    once the request has been answered. Every read from the socket waits at most until the deadline (and at most
    `idle` seconds: the keep-alive wait for a next request stays as it was)."""

    def __init__(self, rfile, sock, idle, request_seconds):
        self._rfile, self._sock, self._idle, self._seconds = rfile, sock, idle, request_seconds
        self._deadline = None

    def disarm(self):
        self._deadline = None

    def _fill(self):
        """Buffered bytes (at most one socket read to get some); b"" at the end of the stream."""
        if self._deadline is None:
            self._sock.settimeout(self._idle)
            data = self._rfile.peek(1)
            if data:
                self._deadline = time.monotonic() + self._seconds
            return data
        remaining = self._deadline - time.monotonic()
        if remaining <= 0:
            raise RequestTimeout("the request did not arrive within %g seconds" % self._seconds)
        self._sock.settimeout(min(self._idle, remaining))
        try:
            return self._rfile.peek(1)
        except socket.timeout:
            if self._deadline - time.monotonic() <= 0:
                raise RequestTimeout("the request did not arrive within %g seconds" % self._seconds) from None
            raise

    def readline(self, limit=-1):
        line = b""
        while limit < 0 or len(line) < limit:
            data = self._fill()
            if not data:
                break
            want = len(data) if limit < 0 else min(len(data), limit - len(line))
            end = data.find(b"\n", 0, want)
            line += self._rfile.read(end + 1 if end >= 0 else want)
            if end >= 0:
                break
        return line

    def read(self, n=-1):
        """Up to n bytes (fewer only at the end of the stream)."""
        parts, got = [], 0
        while n < 0 or got < n:
            data = self._fill()
            if not data:
                break
            part = self._rfile.read(len(data) if n < 0 else min(len(data), n - got))
            parts.append(part)
            got += len(part)
        return b"".join(parts)

    def close(self):
        self._rfile.close()

    @property
    def closed(self):
        return self._rfile.closed


def _one_header(headers, name):
    """The header's value when it came at most once (or always with the same value); None when absent."""
    values = [v.strip() for v in headers.get_all(name) or []]
    if len(set(values)) > 1:
        raise BadBody("The request has %d different %s headers." % (len(values), name))
    return values[0] if values else None


def read_body(reader, headers, max_body):
    """The request body as bytes. Raises BadBody or BodyTooLarge; RequestTimeout from the reader."""
    encoding = _one_header(headers, "Transfer-Encoding")
    length = _one_header(headers, "Content-Length")
    if encoding is not None:
        if length is not None:   # two framings: the way requests are smuggled past a front server
            raise BadBody("A request cannot have both Content-Length and Transfer-Encoding.")
        if encoding.lower() != "chunked":
            raise BadBody("Transfer-Encoding %s is not supported (only chunked)." % encoding[:40], 501)
        return read_chunked(reader, max_body)
    if length is None:
        return b""
    if not _LENGTH.match(length):
        raise BadBody("Content-Length must be a number of bytes.")
    size = int(length)
    if size > max_body:
        raise BodyTooLarge()
    body = reader.read(size)
    if len(body) < size:
        raise BadBody("The request body ended after %d of %d bytes." % (len(body), size), cut_short=True)
    return body


def _line(reader, what):
    line = reader.readline(MAX_LINE + 1)
    if not line.endswith(b"\n"):
        if len(line) > MAX_LINE:
            raise BadBody("The %s is too long." % what)
        raise BadBody("The %s was cut short." % what, cut_short=True)
    return line


def read_chunked(reader, max_body):
    """A chunked body from `reader` (readline(limit) and read(n), a DeadlineReader or a buffered socket file)."""
    chunks, total = [], 0
    while True:
        m = _CHUNK_SIZE.match(_line(reader, "chunk size line"))
        if not m:
            raise BadBody("A chunk size must be hexadecimal digits.")
        size = int(m.group(1), 16)
        if size == 0:
            break
        total += size
        if total > max_body:
            raise BodyTooLarge()
        chunk = reader.read(size)
        if len(chunk) < size:
            raise BadBody("A chunk was cut short.", cut_short=True)
        if _line(reader, "chunk") not in (b"\r\n", b"\n"):
            raise BadBody("A chunk is longer than its size.")
        chunks.append(chunk)
    trailer = 0
    while True:   # trailer fields are read and dropped
        line = _line(reader, "trailer")
        trailer += len(line)
        if trailer > MAX_TRAILER:
            raise BadBody("The trailer is too long.")
        if line in (b"\r\n", b"\n"):
            return b"".join(chunks)
