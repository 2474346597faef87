# stats.py: what the server received, for tests: API requests and writes (so a test can assert "a dry run sends
# zero writes"), counts by route, injected faults, and the most API requests that were ever in flight at once
# (so a test can assert that the client kept to its concurrency bound).
import threading


class Stats:
    def __init__(self):
        self._lock = threading.Lock()
        self.in_flight = 0
        self.reset()

    def reset(self):
        with self._lock:
            self.requests, self.writes, self.by_path = 0, 0, {}
            self.faults = {"errors": 0, "drops": 0, "concurrency": 0}
            self.max_in_flight = self.in_flight

    def count(self, label, write):
        with self._lock:
            self.requests += 1
            self.writes += int(write)
            self.by_path[label] = self.by_path.get(label, 0) + 1

    def fault(self, kind):
        with self._lock:
            self.faults[kind] += 1

    def enter(self):
        """One more API request in flight; returns how many are in flight now."""
        with self._lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            return self.in_flight

    def leave(self):
        with self._lock:
            self.in_flight -= 1

    def snapshot(self):
        with self._lock:
            return {"requests": self.requests, "writes": self.writes, "by_path": dict(self.by_path),
                    "faults": dict(self.faults), "in_flight": self.in_flight, "max_in_flight": self.max_in_flight}
