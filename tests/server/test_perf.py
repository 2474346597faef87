# test_perf.py: the demo at the size of the largest tenants: 50,010 users seeded in under 10 s, a 2000-user page
# answered well under 100 ms, complete ID_Sort paging through the whole tenant, the 50,000-object result cap,
# 1,000 users deactivated in ten bulk calls, and concurrent readers during writes.
import json
import re
import statistics
import threading
import time
import unittest

from .support import Serve

USERS = 50_010
FIELDS = ("ID,name,firstName,lastName,username,emailAddr,isActive,isAdmin,lastLoginDate,loginCount,title,"
          "accessLevelID,licenseType,homeGroupID,companyID,managerID,ssoAccessOnly,entryDate")


class PerfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Serve(users=USERS, quiet=False, timeout=60)
        cls.key = cls.srv.key_for()

    @classmethod
    def tearDownClass(cls):
        cls.srv.cleanup()

    cpu_times = []

    def page(self, first, limit=2000, sort=True):
        params = {"$$FIRST": str(first), "$$LIMIT": str(limit), "fields": FIELDS}
        if sort:
            params["ID_Sort"] = "asc"
        start = time.perf_counter()
        r = self.srv.api("GET", "/user/search", params=params, key=self.key)
        elapsed = time.perf_counter() - start
        self.assertEqual(r.status, 200, r.body[:300])
        cpu = float(re.search(r"cpu;dur=([\d.]+)", r.header("Server-Timing")).group(1)) / 1000
        self.cpu_times.append(cpu)
        return r.json()["data"], elapsed

    def test_seed_time(self):
        m = re.search(r"seeded (\d+) users \(seed \d+\) in ([\d.]+) s \(([\d.]+) s CPU\)", self.srv.output())
        self.assertIsNotNone(m, self.srv.output())
        self.assertEqual(int(m.group(1)), USERS)
        wall, cpu = float(m.group(2)), float(m.group(3))
        print("\n  seed %d users: %.2f s (%.2f s CPU)" % (USERS, wall, cpu), end=" ")
        # CPU time, because other builds may share the two cores; on an idle machine wall time is about the same.
        self.assertLess(cpu, 10)

    def test_2000_user_page_time(self):
        self.cpu_times = []
        sorted_times = [self.page(first)[1] for first in (0, 10_000, 24_000, 36_000, 48_000, 2_000, 30_000)]
        sorted_cpu, self.cpu_times = self.cpu_times, []
        unsorted_times = [self.page(first, sort=False)[1] for first in (0, 20_000, 40_000, 10_000, 30_000)]
        unsorted_cpu = self.cpu_times
        ms = lambda t: t * 1000
        print("\n  2000-user page, median: ID_Sort %.1f ms (server CPU %.1f ms), unsorted %.1f ms (CPU %.1f ms)"
              % (ms(statistics.median(sorted_times)), ms(statistics.median(sorted_cpu)),
                 ms(statistics.median(unsorted_times)), ms(statistics.median(unsorted_cpu))), end=" ")
        # Server CPU time, not wall time: other builds may share the two cores (on an idle machine the two agree,
        # ~40 ms). The wall-clock bound only catches something badly wrong.
        self.assertLess(statistics.median(sorted_cpu), 0.100)
        self.assertLess(statistics.median(unsorted_cpu), 0.150)
        self.assertLess(min(sorted_times), 1.0)

    def test_full_paging_and_result_cap(self):
        seen = []
        for first in range(0, 50_000, 2000):
            data, _ = self.page(first)
            seen += [u["ID"] for u in data]
        self.assertEqual(len(seen), 50_000)
        self.assertEqual(len(set(seen)), 50_000)
        self.assertEqual(seen, sorted(seen))
        tail, _ = self.page(49_990, limit=100)
        self.assertEqual(len(tail), 10, "a query result stops at 50,000 objects")
        self.assertEqual(self.page(50_000, limit=100)[0], [])
        count = self.srv.api("GET", "/user/count", key=self.key).json()["data"]["count"]
        self.assertEqual(count, USERS, "count is not capped")

    def test_bulk_deactivate_1000_with_concurrent_readers(self):
        targets = [u["ID"] for u in self.srv.users(limit=1000, offset=5000, special=False, isActive=True)]
        self.assertEqual(len(targets), 1000)
        errors, reads = [], []

        def reader():
            for first in (0, 12_000, 25_000):
                try:
                    data, elapsed = self.page(first)
                    reads.append(elapsed)
                except Exception as e:   # collected, asserted below
                    errors.append(e)

        threads = [threading.Thread(target=reader) for _ in range(4)]
        for t in threads:
            t.start()
        start = time.perf_counter()
        for i in range(0, 1000, 100):
            updates = json.dumps([{"ID": uid, "isActive": False} for uid in targets[i:i + 100]])
            r = self.srv.api("POST", "/user", form={"method": "PUT", "updates": updates, "fields": "isActive"},
                             key=self.key)
            self.assertEqual(r.status, 200, r.body[:300])
            self.assertTrue(all(u["isActive"] is False for u in r.json()["data"]))
        bulk = time.perf_counter() - start
        for t in threads:
            t.join()
        print("\n  deactivate 1000 users in 10 bulk calls: %.0f ms; %d concurrent 2000-user reads, max %.0f ms"
              % (bulk * 1000, len(reads), max(reads) * 1000), end=" ")
        self.assertEqual(errors, [])
        self.assertEqual(len(reads), 12)
        self.assertLess(bulk, 10)
        self.assertFalse(any(self.srv.user(uid)["isActive"] for uid in targets[::97]))


if __name__ == "__main__":
    unittest.main()
