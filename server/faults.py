# faults.py: injected trouble for tests and demos: latency, a rate of 429/5xx answers (Workfront-shaped JSON
# or a gateway's HTML page), dropped connections (closed without an answer, before or after the request is
# processed) and a bound on concurrent API calls (429 above it). Off by default; set with CLI flags or
# POST /__test__/faults. Never applied to static files.
import json
import random
import threading
from dataclasses import dataclass

from . import errors
from .errors import WFError

ERROR_STATUSES = (429, 500, 502, 503, 504)


@dataclass
class Decision:
    latency_ms: int = 0
    action: str = ""          # "", "error", "drop" (before processing) or "drop_after" (write done, reply lost)
    status: int = 0
    body: str = "json"        # "json" or "html"


def _rate(cfg, name):
    value = float(cfg.get(name, 0) or 0)
    if not 0 <= value <= 1:
        raise ValueError("%s must be between 0 and 1" % name)
    return value


class Faults:
    def __init__(self):
        self._lock = threading.Lock()
        self.configure({})

    def configure(self, cfg):
        """Replaces the whole configuration ({} clears it). Raises ValueError on a bad value."""
        if not isinstance(cfg, dict):
            raise ValueError("faults must be a JSON object")
        known = {"latency_ms", "error_rate", "error_status", "drop_rate", "drop_after_rate", "seed", "match",
                 "error_body", "max_concurrent"}
        unknown = set(cfg) - known
        if unknown:
            raise ValueError("unknown fault settings: %s" % ", ".join(sorted(unknown)))
        status = int(cfg.get("error_status") or 500)
        if status not in ERROR_STATUSES:
            raise ValueError("error_status must be one of %s" % (ERROR_STATUSES,))
        body = cfg.get("error_body") or "auto"
        if body not in ("auto", "json", "html"):
            raise ValueError('error_body must be "auto", "json" or "html"')
        latency = int(cfg.get("latency_ms") or 0)
        if not 0 <= latency <= 120_000:
            raise ValueError("latency_ms must be between 0 and 120000")
        max_concurrent = int(cfg.get("max_concurrent") or 0)
        if max_concurrent < 0:
            raise ValueError("max_concurrent must be 0 (no limit) or more")
        clean = {"max_concurrent": max_concurrent, "latency_ms": latency, "error_rate": _rate(cfg, "error_rate"), "error_status": status,
                 "drop_rate": _rate(cfg, "drop_rate"), "drop_after_rate": _rate(cfg, "drop_after_rate"),
                 "seed": int(cfg.get("seed") or 0), "match": str(cfg.get("match") or ""), "error_body": body}
        with self._lock:
            self.config = clean
            self._rng = random.Random(clean["seed"])
        return clean

    def decide(self, target):
        """The fault for one API request (path and query), drawn from the seeded generator."""
        with self._lock:
            cfg = self.config
            if cfg["match"] and cfg["match"] not in target:
                return None
            roll = self._rng.random()
        d = Decision(latency_ms=cfg["latency_ms"])
        if roll < cfg["drop_rate"]:
            d.action = "drop"
        elif roll < cfg["drop_rate"] + cfg["error_rate"]:
            d.action, d.status = "error", cfg["error_status"]
            d.body = cfg["error_body"] if cfg["error_body"] != "auto" else ("json" if d.status == 500 else "html")
        elif roll < cfg["drop_rate"] + cfg["error_rate"] + cfg["drop_after_rate"]:
            d.action = "drop_after"
        return d if (d.action or d.latency_ms) else None


def too_many_error():
    return WFError(429, errors.RATE_LIMIT,
                   "Too many concurrent API requests for this customer. Try again later.", "exception.ratelimit",
                   "Too many requests")


def error_response(decision):
    """(status, content type, body bytes, extra headers) for an injected error."""
    status = decision.status
    extra = {"Retry-After": "1"} if status in (429, 503) else {}
    if decision.body == "json":
        messages = {429: "Too many concurrent API requests. Try again later.",
                    500: "An unexpected error occurred (injected by the wfadmin demo)."}
        err = WFError(status, errors.SERVER if status != 429 else errors.RATE_LIMIT,
                      messages.get(status, "The service is temporarily unavailable."), "exception.server",
                      "Server error")
        return status, "application/json;charset=UTF-8", json.dumps(err.body()).encode(), extra
    titles = {429: "429 Too Many Requests", 500: "500 Internal Server Error", 502: "502 Bad Gateway",
              503: "503 Service Unavailable", 504: "504 Gateway Time-out"}
    html = "<html><head><title>%s</title></head><body><center><h1>%s</h1></center><hr><center>gateway</center>" \
           "</body></html>\n" % (titles[status], titles[status])
    return status, "text/html; charset=utf-8", html.encode(), extra
