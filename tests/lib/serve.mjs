// tests/lib/serve.mjs: starts serve.py for a node test (conformance, browser e2e) and stops it afterwards.
//
//   import { startServer } from '../lib/serve.mjs';
//   const srv = await startServer({ users: 250, args: ['--root', site] });
//   srv.url        // 'http://127.0.0.1:<port>' (no trailing slash); srv.port
//   await srv.control.faults({ error_rate: 0.3, error_status: 503, seed: 7 });   // {} or no argument clears
//        keys: latency_ms, error_rate, error_status (429|500|502|503|504), error_body ("auto"|"json"|"html"; auto:
//        JSON for 500, a gateway's HTML page otherwise), drop_rate (closed unanswered, nothing done),
//        drop_after_rate (the write is done, the answer is lost), max_concurrent (429 above N API calls at once),
//        seed, match (substring of path+query the faults apply to). Static files are never affected.
//   await srv.control.user(id)      // the demo DB row: {ID, name, isActive, isAdmin, emailAddr, hasApiKey, ...}
//   await srv.control.users({ limit: 5, isActive: true, isAdmin: false, special: false })  // rows to pick from;
//                                   // special:false leaves out the fixed owner/admin/user/sso accounts
//   await srv.control.stats()       // {requests, writes, by_path: {"PUT user/{ID}": 3, ...}, faults,
//                                   //  in_flight, max_in_flight}  (requests kept away by a fault count too)
//   await srv.control.resetStats()
//   await srv.control.expireKeys()  // every API key and session expires: the next call is a 401
//   await srv.control.reset()       // reseed the demo (same users/seed); answers {users, ssoApiKey}
//   srv.output()                    // everything serve.py printed so far (for log assertions)
//   await srv.stop()
//
// Each server gets its own port (--port 0), a temporary database (removed by stop()) and --test-control.
// Options: users (default 250), seed, args (extra serve.py arguments), root (default $WFADMIN_SITE or
// build/web/site), quiet (default true: no per-request log lines), python (default $PYTHON or python3).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEMO = {
  adminEmail: 'admin@demo.example.com',
  adminID: '00000000000000000000000000000a01',
  userEmail: 'user@demo.example.com',
  userID: '00000000000000000000000000000a02',
  ssoEmail: 'sso@demo.example.com',
  ssoID: '00000000000000000000000000000a03',
  ownerEmail: 'owner@demo.example.com',
  ownerID: '00000000000000000000000000000a00',
  password: 'wfadmin-demo',
  host: 'demo.my.workfront.com',
};

export async function startServer({ users = 250, seed, args = [], root, quiet = true, python, startTimeoutMs = 60000 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'wfadmin-serve-'));
  const argv = [join(repo, 'serve.py'), '--port', '0', '--db', join(dir, 'demo.sqlite3'), '--test-control',
    '--demo-users', String(users), '--root', root || process.env.WFADMIN_SITE || join(repo, 'build', 'web', 'site')];
  if (seed !== undefined) argv.push('--seed', String(seed));
  if (quiet) argv.push('--quiet');
  argv.push(...args);
  const child = spawn(python || process.env.PYTHON || 'python3', argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const collect = (chunk) => { out += chunk.toString('utf8'); };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  let port;
  try {
    port = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve.py did not start in ${startTimeoutMs} ms:\n${out}`)), startTimeoutMs);
      const check = () => {
        const m = /serving on http:\/\/[^:\s]+:(\d+)\//.exec(out);
        if (m) { clearTimeout(timer); resolve(Number(m[1])); }
      };
      child.stdout.on('data', check);
      child.stderr.on('data', check);
      exited.then((code) => { clearTimeout(timer); reject(new Error(`serve.py exited (${code}) before serving:\n${out}`)); });
    });
  } catch (e) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const url = `http://127.0.0.1:${port}`;

  async function call(method, path, body) {
    const res = await fetch(url + path, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const data = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(data)}`);
    return data;
  }

  const control = {
    faults: (settings = {}) => call('POST', '/__test__/faults', settings),
    user: (id) => call('GET', `/__test__/user/${encodeURIComponent(id)}`),
    users: (q = {}) => call('GET', `/__test__/users?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`),
    stats: () => call('GET', '/__test__/stats'),
    resetStats: () => call('POST', '/__test__/stats/reset', {}),
    expireKeys: () => call('POST', '/__test__/expire-keys', {}),
    reset: () => call('POST', '/__test__/reset', {}),
  };

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(dir, { recursive: true, force: true });
  }

  return { url, port, stop, control, output: () => out, db: join(dir, 'demo.sqlite3') };
}
