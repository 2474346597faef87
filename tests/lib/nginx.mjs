// tests/lib/nginx.mjs: starts Debian's nginx with deploy/nginx/wfadmin.conf for a node test (as
// tests/server/targets.py does for the Python ones): rendered by deploy/nginx/render into a temporary folder,
// run as a non-daemon on a free loopback port, the page from `root`, every tenant's API calls sent to `upstream`
// (a stand-in Workfront, e.g. serve.py's demo on another port).
//
//   const web = await startNginx({ root: site, upstream: demo.url, tenants: ['acme'] });
//   web.url; web.log(); await web.stop();
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

function listening(port) {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => { c.destroy(); resolve(true); });
    c.once('error', () => resolve(false));
  });
}

export async function startNginx({ root, upstream, tenants = [], nginx = '/usr/sbin/nginx', timeoutMs = 20000 }) {
  const dir = mkdtempSync(join(tmpdir(), 'wfadmin-nginx-'));
  const port = await freePort();
  const accessLog = join(dir, 'access.log');
  const errorLog = join(dir, 'error.log');
  const args = [join(repo, 'deploy', 'nginx', 'render'), '--out', join(dir, 'conf'), '--root', root,
    '--listen', `127.0.0.1:${port}`, '--resolver', '127.0.0.1', '--access-log', accessLog, '--error-log', errorLog,
    '--upstream', upstream, '--upstream-host', upstream.replace(/^https?:\/\//, '')];
  for (const t of tenants) args.push('--tenant', t);
  const rendered = spawnSync('python3', args, { encoding: 'utf8' });
  if (rendered.status !== 0) throw new Error(`render failed: ${rendered.stderr}`);
  const prefix = join(dir, 'prefix');
  mkdirSync(prefix);
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `  ${k}_temp_path ${prefix}/${k};`);
  writeFileSync(join(dir, 'nginx.conf'), `daemon off;\nmaster_process off;\nworker_processes 1;\npid ${prefix}/nginx.pid;\n`
    + `error_log ${errorLog} crit;\nevents { worker_connections 256; }\nhttp {\n${temps.join('\n')}\n`
    + `  include ${dir}/conf/wfadmin.conf;\n}\n`);
  const child = spawn(nginx, ['-p', `${prefix}/`, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (c) => { out += c; });
  child.stderr.on('data', (c) => { out += c; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + timeoutMs;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`nginx did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    log: () => [accessLog, errorLog].filter(existsSync).map((p) => readFileSync(p, 'utf8')).join(''),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
