#!/usr/bin/env python3
"""serve.py: serves the wfadmin page, runs the demo Workfront instance and proxies /attask/... to real tenants.

  python3 serve.py [--root build/web/site] [--host 127.0.0.1] [--port 8000 | --port 0]
                   [--db build/demo/demo.sqlite3] [--reset-demo] [--demo-users 250] [--seed 1] [--no-demo]
                   [--upstream URL] [--proxy-timeout 30] [--proxy-deadline 50] [--request-deadline 120]
                   [--tls-cert FILE --tls-key FILE] [--tenant NAME ...] [--config FILE] [--oauth-token-ttl 3600]
                   [--test-control] [--quiet]
                   [--latency-ms N] [--error-rate R] [--error-status S] [--drop-rate R] [--fault-seed N]
                   [--max-concurrent N]

Python 3.11 standard library only. The pieces live in server/: app (HTTP), httpbody (strict request framing and
the per-request deadline), static (the page), demo + query + edits + auth + seed + store + schema (the demo tenant
in SQLite), oauth (the demo's OAuth2 authorization server: authorize page, codes, tokens), proxy + location (other tenants; how a browser reads a redirect), deployment (the page's config.json:
tenants, default domain, API version), errors + wfjson (Workfront-shaped
errors, bounded JSON in, strict JSON out), faults, stats, control (/__test__/..., only with --test-control), logs
(one redacted line per request) and allocator (malloc tuning).
Workfront sends no CORS headers, so the page calls this server, which answers the demo tenant itself and forwards
other tenants' API calls to their Workfront host (never anywhere else).
"""
import argparse
import os
import re
import signal
import ssl
import sys
import time

from server import allocator, app, auth, deployment, faults, logs, oauth, proxy, seed, stats, store
from server.demo import DemoApi

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_USERS = 250
DEFAULT_SEED = 1


def parse_args(argv):
    p = argparse.ArgumentParser(description="Serve wfadmin with a demo Workfront instance and a Workfront proxy.")
    p.add_argument("--root", default=os.path.join(HERE, "build", "web", "site"), help="the built page")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    p.add_argument("--db", default=os.path.join(HERE, "build", "demo", "demo.sqlite3"), help="demo database")
    p.add_argument("--reset-demo", action="store_true", help="start the demo tenant over")
    p.add_argument("--demo-users", type=int, default=None, help="users in a new demo tenant (default %d)" % DEFAULT_USERS)
    p.add_argument("--seed", type=int, default=None, help="seed of a new demo tenant (default %d)" % DEFAULT_SEED)
    p.add_argument("--no-demo", action="store_true", help="no demo instance; proxy only")
    p.add_argument("--upstream", help="send every non-demo tenant's API calls to this URL (tests, private setups)")
    p.add_argument("--proxy-timeout", type=float, default=30.0, help="seconds to connect and to wait for data")
    p.add_argument("--proxy-deadline", type=float, default=proxy.DEADLINE,
                   help="seconds a proxied call may take in all (default %(default)g)")
    p.add_argument("--request-deadline", type=float, default=app.REQUEST_DEADLINE,
                   help="seconds for a request to arrive once it has started (default %(default)g)")
    p.add_argument("--tls-cert", help="serve HTTPS with this PEM certificate (chain) file; needs --tls-key")
    p.add_argument("--tls-key", help="the certificate's PEM private key file")
    p.add_argument("--tenant", action="append", default=[],
                   help="work only with this Workfront tenant (acme for acme.my.workfront.com); repeatable")
    p.add_argument("--config", help="the page's deployment config (default: config.json in --root, if there)")
    p.add_argument("--oauth-token-ttl", type=float, default=oauth.DEFAULT_TOKEN_TTL, metavar="SECONDS",
                   help="lifetime of the demo's OAuth2 access tokens (default %(default)g)")
    p.add_argument("--test-control", action="store_true", help="enable /__test__/... (tests only)")
    p.add_argument("--quiet", action="store_true", help="no per-request log lines")
    p.add_argument("--latency-ms", type=int, default=0, help="fault: delay every API answer")
    p.add_argument("--error-rate", type=float, default=0.0, help="fault: share of API calls answered with an error")
    p.add_argument("--error-status", type=int, default=500, help="fault: 429, 500, 502, 503 or 504")
    p.add_argument("--drop-rate", type=float, default=0.0, help="fault: share of API calls dropped unanswered")
    p.add_argument("--fault-seed", type=int, default=0, help="fault: random seed")
    p.add_argument("--max-concurrent", type=int, default=0, help="fault: answer 429 above this many API calls at once")
    args = p.parse_args(argv)
    if args.demo_users is not None and args.demo_users < 4:
        p.error("--demo-users must be at least 4 (the fixed demo accounts)")
    if bool(args.tls_cert) != bool(args.tls_key):
        p.error("--tls-cert and --tls-key go together")
    if not args.oauth_token_ttl > 0:
        p.error("--oauth-token-ttl must be more than 0 seconds")
    return args


def app_version(root):
    for path in (os.path.join(root, "version.txt"), os.path.join(HERE, "VERSION")):
        try:
            with open(path, encoding="utf-8") as f:
                return f.read().strip() or "dev"
        except OSError:
            pass
    try:
        with open(os.path.join(HERE, "CMakeLists.txt"), encoding="utf-8") as f:
            m = re.search(r"project\s*\(\s*wfadmin[^)]*VERSION\s+([0-9.]+)", f.read())
            return m.group(1) if m else "dev"
    except OSError:
        return "dev"


def tls_context(cert, key):
    """A server-side TLS context (TLS 1.2 and later, the ssl module's default ciphers) for the certificate."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key)
    except (OSError, ssl.SSLError) as e:
        raise ValueError("cannot use the certificate %s with the key %s (%s)" % (cert, key, getattr(e, "reason", None)
                                                                             or e.strerror or e)) from None
    return context


def open_demo(args, log):
    """The demo store, seeded when new, when --reset-demo is given, or when --demo-users/--seed ask for a
    different tenant than the one on disk. Returns (store, SSO admin's key)."""
    if args.reset_demo:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(args.db + suffix)
            except FileNotFoundError:
                pass
    st = store.Store(args.db)
    meta = st.meta()
    users = args.demo_users if args.demo_users is not None else int(meta.get("users", DEFAULT_USERS))
    seed_value = args.seed if args.seed is not None else int(meta.get("seed", DEFAULT_SEED))
    if meta.get("schema") != store.SCHEMA_VERSION or meta.get("users") != str(users) or meta.get("seed") != str(seed_value):
        if meta:
            log.say("demo: the database on disk holds another tenant; seeding a new one")
        start, cpu = time.perf_counter(), time.process_time()
        key = seed.seed_database(st, users, seed_value)
        log.say("demo: seeded %d users (seed %d) in %.2f s (%.2f s CPU)"
                % (users, seed_value, time.perf_counter() - start, time.process_time() - cpu))
        return st, key
    with st.write() as conn:   # keep the printed SSO key usable across restarts
        key = auth.current_key(conn, seed.SSO_ID) or auth.generate_key(conn, seed.SSO_ID)
    return st, key


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    allocator.keep_freed_memory()   # before any thread starts: big answers reuse memory instead of faulting it in
    log = logs.Log(quiet=args.quiet)
    fault_state = faults.Faults()
    try:
        fault_state.configure({"latency_ms": args.latency_ms, "error_rate": args.error_rate,
                               "error_status": args.error_status, "drop_rate": args.drop_rate,
                               "seed": args.fault_seed, "max_concurrent": args.max_concurrent})
        upstream = proxy.Upstream(args.upstream, args.proxy_timeout, deadline=args.proxy_deadline)
        if not args.request_deadline > 0:
            raise ValueError("--request-deadline must be more than 0 seconds")
        config = deployment.build(args.config or os.path.join(args.root, "config.json"), bool(args.config),
                                  args.tenant)
        tls = tls_context(args.tls_cert, args.tls_key) if args.tls_cert else None
    except ValueError as e:
        print("serve.py: %s" % e, file=sys.stderr)
        return 2
    st, demo, sso_key, counters, authorization = None, None, None, stats.Stats(), None
    if not args.no_demo:
        st, sso_key = open_demo(args, log)
        demo = DemoApi(st, counters, shuffle_seed=int(time.time()))
        authorization = oauth.AuthorizationServer(st, counters, token_ttl=args.oauth_token_ttl)
    if not os.path.isdir(args.root):
        log.say("warning: %s does not exist (build the page first); static files will be 404" % args.root)
    try:
        server = app.Server((args.host, args.port), root=args.root, store=st, demo=demo, stats=counters,
                            upstream=upstream, faults=fault_state, log=log, test_control=args.test_control,
                            version=app_version(args.root), request_deadline=args.request_deadline,
                            deployment=config, tls=tls, oauth=authorization)
    except OSError as e:
        print("serve.py: cannot listen on %s:%d (%s); try another --port, or --port 0" % (args.host, args.port,
                                                                                        e.strerror), file=sys.stderr)
        return 1
    host, port = server.server_address[:2]
    scheme = "https" if tls else "http"
    if authorization:
        # The page's own URL on the loopback names (and on the address it was bound to, if that is one).
        names = ["127.0.0.1", "localhost"]
        if host not in ("0.0.0.0", "::", "127.0.0.1"):
            names.append(("[%s]" % host) if ":" in host else host)
        authorization.register_redirects(["%s://%s:%d/" % (scheme, n, port) for n in names])
    if demo and not args.quiet:
        meta = st.meta()
        log.say("demo Workfront: domain \"demo\" (%s), %s users, database %s"
                % (proxy.DEMO_HOST, meta.get("users"), args.db))
        log.say("  admin:      %s / %s  (system administrator)" % (seed.ADMIN_EMAIL, seed.DEMO_PASSWORD))
        log.say("  non-admin:  %s / %s" % (seed.USER_EMAIL, seed.DEMO_PASSWORD))
        log.say("  SSO admin:  %s (no password login; paste API key %s)" % (seed.SSO_EMAIL, sso_key))
        log.say("  Admin Email user: %s (cannot be deactivated)" % seed.OWNER_EMAIL)
        log.say("  OAuth2:     Single-page web application, client ID %s, access tokens last %gs; redirect URIs %s"
                % (authorization.client_id, args.oauth_token_ttl, ", ".join(authorization.redirect_uris)))
    if args.test_control and not args.quiet:
        log.say("test control endpoints are ON (/__test__/...): for tests only")
    if args.upstream and not args.quiet:
        log.say("proxy: every non-demo tenant goes to %s" % args.upstream)
    if config.get("tenants") and not args.quiet:
        log.say("proxy: only the tenant%s %s" % ("s" if len(config["tenants"]) > 1 else "", ", ".join(config["tenants"])))
    log.say("serving on %s://%s:%d/" % (scheme, ("[%s]" % host) if ":" in host else host, port))

    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
