# targets.py: the two servers the shared proxy and static-file cases (shared_cases.py) run against: serve.py
# (support.Serve) and Debian's nginx with deploy/nginx/wfadmin.conf, rendered by deploy/nginx/render and run as a
# non-daemon on a free loopback port with a temporary prefix. Both forward to the same kind of stand-in upstream.
import os
import shutil
import socket
import subprocess
import tempfile
import time

from .support import REPO, Serve

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServeTarget:
    """serve.py with its demo, forwarding other tenants to `upstream`."""
    name = "serve.py"

    def __init__(self, upstream=None, tenants=(), extra=(), test_control=True):
        args = ["--upstream", upstream, "--proxy-timeout", "1", "--proxy-deadline", "2"] if upstream else []
        for t in tenants:
            args += ["--tenant", t]
        self.serve = Serve(users=10, quiet=False, args=args + list(extra), test_control=test_control)
        self.root, self.port = self.serve.root, self.serve.port

    def request(self, *args, **kwargs):
        return self.serve.request(*args, **kwargs)

    def log_text(self):
        self.serve.stop()
        return self.serve.output()

    def stop(self):
        self.serve.cleanup()


class NginxTarget:
    """nginx with the shipped configuration; `upstream` stands in for https://<tenant host>."""
    name = "nginx"

    def __init__(self, upstream, tenants=(), root=None, tls=None, config_json=None, timeout=20):
        self.tmp = tempfile.mkdtemp(prefix="wfadmin-nginx-")
        self.root = root or os.path.join(self.tmp, "site")
        os.makedirs(self.root, exist_ok=True)
        self.port = free_port()
        self.access_log = os.path.join(self.tmp, "access.log")
        self.error_log = os.path.join(self.tmp, "error.log")
        host = upstream.split("://", 1)[1].rstrip("/")
        cmd = [os.path.join(REPO, "deploy", "nginx", "render"), "--out", os.path.join(self.tmp, "conf"),
               "--root", self.root, "--resolver", "127.0.0.1", "--access-log", self.access_log,
               "--error-log", self.error_log, "--upstream", upstream, "--upstream-host", host]
        cmd += ["--listen", "127.0.0.1:%d%s" % (self.port, " ssl" if tls else "")]
        if tls:
            cmd += ["--tls-cert", tls[0], "--tls-key", tls[1]]
        if config_json:
            cmd += ["--config-json", config_json]
        for t in tenants:
            cmd += ["--tenant", t]
        subprocess.run(cmd, check=True)
        prefix = os.path.join(self.tmp, "prefix")
        os.makedirs(prefix)
        main = os.path.join(self.tmp, "nginx.conf")
        with open(main, "w") as f:
            f.write("daemon off;\nmaster_process off;\nworker_processes 1;\npid %s/nginx.pid;\n"
                    "error_log %s crit;\nevents { worker_connections 256; }\nhttp {\n" % (prefix, self.error_log))
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
                f.write("  %s_temp_path %s/%s;\n" % (kind, prefix, kind))
            f.write("  include %s/conf/wfadmin.conf;\n}\n" % self.tmp)
        self.proc = subprocess.Popen([NGINX, "-p", prefix + "/", "-c", main], stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("nginx did not start:\n" + self.proc.stdout.read())
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.05)
        else:
            self.stop()
            raise RuntimeError("nginx did not listen on %d" % self.port)
        # The same client code as for serve.py (support.Serve.request), aimed at nginx.
        self.client = Serve.__new__(Serve)
        self.client.port, self.client.tls_context = self.port, None

    def request(self, *args, **kwargs):
        return Serve.request(self.client, *args, **kwargs)

    def log_text(self):
        text = ""
        for path in (self.access_log, self.error_log):
            if os.path.exists(path):
                with open(path, encoding="utf-8", errors="replace") as f:
                    text += f.read()
        return text

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc.stdout.close()
        shutil.rmtree(self.tmp, ignore_errors=True)
