# logs.py: one line per request (time, client, method, path, status, milliseconds) with every secret redacted.
# Only the request target is ever logged, never headers or bodies; the values of parameters that look like
# credentials (password, apiKey, sessionID, tokens, secrets) are replaced by "***", all of each value: up to the
# next "&" or the end of the line, quotes, spaces and all (http.server's own messages quote the request line).
import datetime
import re
import sys
import threading
from urllib.parse import unquote_plus

# An OAuth2 return (?code=...&state=...) is logged without its single-use code and its state.
_SECRET_NAME = re.compile(r"pass|api_?key|session|token|secret|auth|credential|code_verifier|^code$|^state$",
                          re.IGNORECASE)
# A name starts after a delimiter (the look-behind keeps the search linear: a 30 KB target without "=" must not
# be scanned from every one of its characters).
_NAME = re.compile(r"(?:^|(?<=[&?;\s'\"]))([^&=?;\s'\"]+)=")
_VALUE_END = re.compile(r"[&\r\n]|$")


def redact(text):
    """Redacts credential-like parameter values anywhere in `text` (a path with query, or a log message)."""
    out, pos = [], 0
    while (m := _NAME.search(text, pos)) is not None:
        out.append(text[pos:m.end()])
        pos = m.end()
        if _SECRET_NAME.search(unquote_plus(m.group(1))):
            out.append("***")
            pos = _VALUE_END.search(text, pos).start()
    out.append(text[pos:])
    return "".join(out)


class Log:
    def __init__(self, quiet=False, stream=None):
        self.quiet = quiet
        self.stream = stream or sys.stdout
        self._lock = threading.Lock()

    def say(self, text):
        """Start-up messages: shown even when quiet is on only if `force` callers use it."""
        with self._lock:
            print(text, file=self.stream, flush=True)

    def request(self, client, method, target, status, ms, note=""):
        if self.quiet:
            return
        stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        line = "%s %s %s %s %d %.1fms%s" % (stamp, client, method, redact(target), status, ms,
                                             " " + note if note else "")
        self.say(line)

    def error(self, text):
        if not self.quiet:
            self.say("error: " + redact(text))
