# test_systemd_unit.py: deploy/systemd/wfadmin.service parses (systemd-analyze verify, when systemd's tools are
# there) and keeps its promises: its own user, a read-only web root, restart on failure, the hardening options,
# and a command line serve.py accepts (no demo, TLS from systemd credentials, --tenant per WFADMIN_TENANTS word).
import os
import shutil
import subprocess
import sys
import unittest

from .support import REPO

UNIT = os.path.join(REPO, "deploy", "systemd", "wfadmin.service")


def settings(path):
    """{(section, key): [values]} of a systemd unit file, continuation lines joined."""
    out, section, pending = {}, None, ""
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = pending + raw.rstrip("\n")
            if line.endswith("\\"):
                pending = line[:-1] + " "
                continue
            pending = ""
            stripped = line.strip()
            if not stripped or stripped.startswith(("#", ";")):
                continue
            if stripped.startswith("["):
                section = stripped.strip("[]")
                continue
            key, _, value = stripped.partition("=")
            out.setdefault((section, key.strip()), []).append(value.strip())
    return out


class SystemdUnitTest(unittest.TestCase):
    def test_it_parses(self):
        tool = shutil.which("systemd-analyze")
        if not tool:
            self.skipTest("systemd-analyze is not installed (the structural test still runs)")
        p = subprocess.run([tool, "verify", UNIT], capture_output=True, text=True, timeout=60)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        self.assertNotIn("Unknown key", p.stderr)

    def test_user_root_restart_and_hardening(self):
        s = settings(UNIT)
        expect = {"DynamicUser": "yes", "Restart": "on-failure", "NoNewPrivileges": "yes", "ProtectSystem": "strict",
                  "ProtectHome": "yes", "PrivateTmp": "yes", "PrivateDevices": "yes", "CapabilityBoundingSet": "",
                  "RestrictSUIDSGID": "yes", "MemoryDenyWriteExecute": "yes"}
        for key, value in expect.items():
            with self.subTest(key=key):
                self.assertEqual(s.get(("Service", key)), [value])
        self.assertIn("/srv/wfadmin/site", s[("Service", "ReadOnlyPaths")][0].split())
        self.assertEqual(s[("Install", "WantedBy")], ["multi-user.target"])

    def test_the_command_is_one_serve_py_accepts(self):
        (cmd,) = settings(UNIT)[("Service", "ExecStart")]
        self.assertIn("--no-demo", cmd)
        self.assertIn("--tls-cert \"$CREDENTIALS_DIRECTORY/tls.crt\"", cmd)
        self.assertIn("--tenant \"$t\"", cmd)
        script = cmd.split("-c ", 1)[1].strip().strip("'")
        # Run the same shell line with serve.py's --help in place of serving: every option must be known.
        fake = script.replace("exec /usr/bin/python3 /opt/wfadmin/serve.py",
                              "exec %s %s/serve.py --check-args-only" % (sys.executable, REPO))
        env = dict(os.environ, WFADMIN_TENANTS="acme beta", WFADMIN_PORT="8443", CREDENTIALS_DIRECTORY="/nonexistent")
        p = subprocess.run(["/bin/sh", "-c", fake], capture_output=True, text=True, env=env, timeout=30)
        # argparse names the one unknown option (the stand-in) and nothing else.
        self.assertRegex(p.stderr, r"(?m)unrecognized arguments: --check-args-only$")


if __name__ == "__main__":
    unittest.main()
