# store.py: the demo's SQLite database. One connection per server thread (reads run concurrently in WAL mode), handed
# on to a later thread when its thread is done; one lock for writers (so a writer never meets SQLITE_BUSY), and the
# table layout derived from schema.py.
import contextlib
import os
import sqlite3
import threading

from . import schema

SCHEMA_VERSION = "4"
MMAP_BYTES = 1 << 30   # address space, not memory: 50,000 users with their work are about 60 MB
MAX_IDLE = 16   # connections kept for future threads

_COLUMN_TYPE = {schema.ID: "TEXT", schema.STR: "TEXT", schema.BOOL: "INTEGER", schema.INT: "INTEGER",
                schema.DATE: "TEXT"}
# Dates are stored as Workfront writes them, always in UTC ("2017-03-23T09:00:00:000+0000"): that text sorts and
# compares in time order, and a 2000-user page needs no conversion on the way out.

_AUTH_TABLES = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    # Passwords are kept only as salted PBKDF2 hashes.
    "CREATE TABLE passwords (userID TEXT PRIMARY KEY, salt BLOB NOT NULL, hash BLOB NOT NULL)",
    # The key itself is stored because getApiKey must return it (as Workfront does).
    "CREATE TABLE api_keys (userID TEXT PRIMARY KEY, apiKey TEXT UNIQUE NOT NULL, created INTEGER NOT NULL)",
    "CREATE TABLE sessions (sessionID TEXT PRIMARY KEY, userID TEXT NOT NULL, expires INTEGER NOT NULL)",
]
_INDEXES = [
    "CREATE INDEX users_active ON users(isActive)",
    "CREATE INDEX users_email ON users(emailAddr)",
    "CREATE INDEX users_username ON users(username COLLATE NOCASE)",
    "CREATE INDEX tasks_assigned ON tasks(assignedToID, status)",
    "CREATE INDEX issues_assigned ON issues(assignedToID, status)",
    "CREATE INDEX projects_owner ON projects(ownerID, status)",
]


def _casefold(value):
    return value.casefold() if isinstance(value, str) else value


def create_tables(conn):
    for obj in schema.OBJECTS.values():
        cols = ["%s %s" % (name, _COLUMN_TYPE[kind]) for name, kind in obj.fields.items() if name != "ID"]
        conn.execute("CREATE TABLE %s (ID TEXT UNIQUE NOT NULL, %s)" % (obj.table, ", ".join(cols)))
    for sql in _AUTH_TABLES:
        conn.execute(sql)


def create_indexes(conn):
    """Separate from create_tables so that seeding can fill the tables first (much faster)."""
    for sql in _INDEXES:
        conn.execute(sql)


class Store:
    def __init__(self, path):
        self.path = path
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._idle = []   # connections of finished server threads, for the next thread
        self._idle_lock = threading.Lock()
        if os.path.dirname(path):
            os.makedirs(os.path.dirname(path), exist_ok=True)
        # WAL is a property of the file: set it once, outside any transaction, before readers come.
        self.conn().execute("PRAGMA journal_mode=WAL")

    def conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            with self._idle_lock:
                conn = self._idle.pop() if self._idle else None
            self._local.conn = conn or self._connect()
        return self._local.conn

    def release(self):
        """The calling thread is done (its HTTP connection closed): its connection goes to the next thread, whose
        reads then start warm. A new connection maps the file afresh and faults in every page it reads again:
        2000-user pages asked on a new HTTP connection each cost ~25 ms of CPU here without this, ~10 ms with it."""
        conn = getattr(self._local, "conn", None)
        if conn is None:
            return
        self._local.conn = None
        if conn.in_transaction or getattr(self._local, "depth", 0):   # never hand over an open transaction
            conn.close()
            return
        with self._idle_lock:
            if len(self._idle) < MAX_IDLE:
                self._idle.append(conn)
                return
        conn.close()

    def _connect(self):
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA synchronous=NORMAL")
        # Reads straight from the file's pages in memory: a 2000-user page touches rows all over the table (IDs are
        # random), which through the default 2 MB cache meant a read() and a copy for each of those pages.
        conn.execute("PRAGMA mmap_size=%d" % MMAP_BYTES)
        # SQLite's lower() folds ASCII only; Workfront's ci* modifiers also fold "É" and friends.
        conn.create_function("ci", 1, _casefold, deterministic=True)
        return conn

    @contextlib.contextmanager
    def write(self):
        """One write transaction at a time; rolled back when the block raises. A write inside another write of
        the same thread joins the outer transaction (an atomic /batch is one transaction for all its calls)."""
        if getattr(self._local, "depth", 0):
            self._local.depth += 1
            try:
                yield self.conn()
            finally:
                self._local.depth -= 1
            return
        with self._write_lock:
            conn = self.conn()
            conn.execute("BEGIN IMMEDIATE")
            self._local.depth = 1
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            else:
                conn.commit()
            finally:
                self._local.depth = 0

    def meta(self):
        try:
            return dict(self.conn().execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.OperationalError:   # a new, empty file
            return {}
