// tests/bench/bench.mjs: the numbers behind issue 4's benchmark, measured in one run against one serve.py demo
// (50,000 users, 50 ms injected latency on every API request), each beside a baseline measured in the same run:
//   (a) the page loading every user (click "Sign in" -> state() says all loaded), in headless Chromium, vs a plain
//       client reading sequential pages of $$LIMIT=100 (what a client that does not page cleverly needs);
//   (b) the page deactivating 1,000 selected users (click "Deactivate" in the confirmation -> the run is over),
//       vs the old how-to's method: one PUT per user, one after another;
//   (c) the users table's frame time while scrolling 50,000 rows with wheel events.
// The page is driven only with real input events at window.wfadmin.itemRect() rectangles. Started by
// scripts/bench (which installs and builds first); run directly: node tests/bench/bench.mjs [--users N]
// [--latency-ms N] [--deactivate N] [--howto-sample N] [--site DIR].
import assert from 'node:assert/strict';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { DEMO, startServer } from '../lib/serve.mjs';
import { clickItem, itemRect, launch, openPage, pasteText, screenshot, state, waitFrames, waitIdle,
  waitState } from '../e2e/lib/browser.mjs';

const USER_FIELDS = 'ID,name,username,emailAddr,isActive,isAdmin,lastLoginDate,licenseType';   // what the page asks
// for (kUserFields in src/workfront/user.cpp): the baseline reads exactly the same data
const API = '/attask/api/v21.0';

function options(argv) {
  const o = { users: 50000, latencyMs: 50, deactivate: 1000, howtoSample: 0, site: process.env.WFADMIN_SITE,
    wheelEvents: 100 };
  for (let i = 0; i < argv.length; i++) {
    const next = () => argv[++i];
    switch (argv[i]) {
      case '--users': o.users = Number(next()); break;
      case '--latency-ms': o.latencyMs = Number(next()); break;
      case '--deactivate': o.deactivate = Number(next()); break;
      case '--howto-sample': o.howtoSample = Number(next()); break;   // 0: all of them
      case '--site': o.site = next(); break;
      case '--wheel-events': o.wheelEvents = Number(next()); break;
      default: throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return o;
}

const log = (...a) => console.error('[bench]', ...a);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;

function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  if (!v.length) return NaN;
  return v[Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1))];
}

const baselineServerCpu = { ms: 0 };

async function api(server, key, method, path, body) {
  const res = await fetch(server.url + API + path, {
    method,
    headers: { apiKey: key, ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}) },
    body,
  });
  baselineServerCpu.ms += serverCpuMs(res.headers.get('server-timing'));
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} ${path.slice(0, 80)}: ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

async function apiKey(server) {
  const body = new URLSearchParams({ action: 'generateApiKey', username: DEMO.adminEmail, password: DEMO.password,
    method: 'PUT' }).toString();
  const res = await fetch(`${server.url}${API}/user`, { method: 'POST', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
  return (await res.json()).data.result;
}

// ---- baselines: a plain client in node, one request at a time ----

async function naiveLoad(server, key, limit) {
  const seen = new Set();
  const t0 = performance.now();
  for (let first = 0; ; first += limit) {
    const q = new URLSearchParams({ fields: USER_FIELDS, ID_Sort: 'asc', $$FIRST: String(first), $$LIMIT: String(limit) });
    const page = (await api(server, key, 'GET', `/user/search?${q}`)).data;
    for (const u of page) seen.add(u.ID);
    if (page.length < limit) break;
  }
  return { ms: performance.now() - t0, users: seen.size };
}

async function oldHowtoDeactivate(server, key, ids) {
  const t0 = performance.now();
  for (const id of ids) {
    const q = new URLSearchParams({ updates: JSON.stringify({ isActive: false }) });
    const answer = await api(server, key, 'PUT', `/user/${id}?${q}`);
    assert.equal(String(answer.data.isActive), 'false');
  }
  return performance.now() - t0;
}

// ---- the page ----

// Records, from before the page starts, how long each requestAnimationFrame callback runs (the page draws a
// frame inside one) and when each ran: the page's own frame work, and the frame interval while scrolling.
function frameProbe() {
  const raf = window.requestAnimationFrame.bind(window);
  const probe = window.__benchFrames = { work: [], starts: [], on: false };
  window.requestAnimationFrame = (cb) => raf((t) => {
    const start = performance.now();
    try { cb(t); } finally {
      if (probe.on) { probe.work.push(performance.now() - start); probe.starts.push(start); }
    }
  });
}

async function pageLoad(page, key, trace) {
  await clickItem(page, 'auth-apikey');
  await clickItem(page, 'apikey');
  await waitFrames(page, 1);
  await pasteText(page, key);
  await waitIdle(page, { quietMs: 500 });
  const r = await itemRect(page, 'signin');
  await frameWork(page, 'start');
  const t0 = performance.now();
  trace.start(t0);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction(() => {
    const s = window.wfadmin.state();
    const loaded = typeof s.loaded === 'number' ? s.loaded : s.loading.loaded;
    return s.screen === 'users' && s.counts.total > 0 && loaded === s.counts.total && s.loading.state === 'loaded';
  }, null, { polling: 20, timeout: 300000 });
  const ms = performance.now() - t0;
  return { ms, state: await state(page), requests: await trace.stop(), frames: await frameWork(page, 'stop') };
}

// The same Chromium drawing nothing but a cleared WebGL2 canvas of the same size, every animation frame: what a
// frame costs here before the page does anything (SwiftShader rasterises and composites on the CPU).
async function emptyCanvasInterval(browser, width, height) {
  const context = await browser.newContext({ viewport: { width, height } });
  try {
    const page = await context.newPage();
    await page.setContent(`<canvas id=c width=${width} height=${height} style="width:100vw;height:100vh"></canvas>`);
    return await page.evaluate(() => new Promise((resolve) => {
      const gl = document.getElementById('c').getContext('webgl2');
      const starts = [];
      const tick = (t) => {
        gl.clearColor(Math.random(), 0.5, 0.5, 1);
        gl.clear(gl.COLOR_BUFFER_BIT);
        starts.push(t);
        if (starts.length < 120) requestAnimationFrame(tick);
        else resolve(starts.slice(1).map((v, i) => v - starts[i]));
      };
      requestAnimationFrame(tick);
    }));
  } finally {
    await context.close();
  }
}

// Starts or stops the frame probe; 'stop' answers how many frames ran and their summed work in ms.
async function frameWork(page, what) {
  return page.evaluate((w) => {
    const p = window.__benchFrames;
    if (w === 'start') { Object.assign(p, { work: [], starts: [], on: true }); return null; }
    p.on = false;
    return { frames: p.work.length, ms: p.work.reduce((a, b) => a + b, 0) };
  }, what);
}

async function scrollFrames(page, wheelEvents) {
  const table = await itemRect(page, 'filter');   // the table starts under the toolbar
  const x = table.x + 300;
  const y = table.y + 300;
  await page.mouse.move(x, y);
  await waitIdle(page, { quietMs: 500 });
  await screenshot(page, 'bench-table-before-scroll');
  const before = await page.evaluate(() => window.wfadmin.frames());
  await page.evaluate(() => { Object.assign(window.__benchFrames, { work: [], starts: [], on: true }); });
  const t0 = performance.now();
  for (let i = 0; i < wheelEvents; i++) {
    await page.mouse.wheel(0, 240);
    await page.waitForTimeout(16);   // about one wheel event per display frame, like a steady scroll
  }
  await waitIdle(page, { quietMs: 500 });
  const elapsed = performance.now() - t0;
  await screenshot(page, 'bench-table-after-scroll');   // shows that the wheel moved the table
  const probe = await page.evaluate(() => { window.__benchFrames.on = false; return window.__benchFrames; });
  const drawn = (await page.evaluate(() => window.wfadmin.frames())) - before;
  // Intervals between frames that followed each other while the wheel was turning (gaps over 100 ms are the
  // page resting between events, not slow frames).
  const intervals = [];
  for (let i = 1; i < probe.starts.length; i++) {
    const d = probe.starts[i] - probe.starts[i - 1];
    if (d < 100) intervals.push(d);
  }
  return { work: probe.work, intervals, drawn, elapsed };
}

async function pageDeactivate(page, users, trace) {
  await clickItem(page, 'import');
  await clickItem(page, 'import-text');
  await waitFrames(page, 1);
  await pasteText(page, users.map((u) => u.emailAddr).join('\n'));
  await clickItem(page, 'import-apply');
  await waitState(page, (s) => s.import && s.import.matched === users.length, { timeoutMs: 60000, what: 'list matched' });
  await clickItem(page, 'import-select');
  await waitState(page, (s) => s.selection.count === users.length, { what: 'selected' });
  await clickItem(page, 'execute');
  const r = await itemRect(page, 'confirm');
  await waitIdle(page, { quietMs: 500 });
  await frameWork(page, 'start');
  const t0 = performance.now();
  trace.start(t0);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await page.waitForFunction((n) => {
    const s = window.wfadmin.state();
    return s.run && s.run.total === n && ['finished', 'cancelled', 'done'].includes(s.run.phase);
  }, users.length, { polling: 20, timeout: 600000 });
  const ms = performance.now() - t0;
  return { ms, run: (await state(page)).run, requests: await trace.stop(), frames: await frameWork(page, 'stop') };
}

// API requests the page sent between start() and stop(): when each left and when its answer ended, relative to
// the click, so the report can say how much of a figure was waiting for serve.py and how much was the page.
function apiTrace(page) {
  const seen = [];
  let t0 = 0;
  let on = false;
  const sent = new Map();
  page.on('request', (req) => { if (on && req.url().includes('/attask/')) sent.set(req, performance.now() - t0); });
  const pending = [];
  const finish = (req, ok) => {
    if (!sent.has(req)) return;
    const entry = { path: new URL(req.url()).pathname.replace(/^\/attask\/api\/v[\d.]+/, ''), method: req.method(),
      start: sent.get(req), end: performance.now() - t0, ok, serverCpu: 0 };
    sent.delete(req);
    seen.push(entry);
    pending.push(req.response().then((res) => { entry.serverCpu = serverCpuMs(res && res.headers()['server-timing']); })
      .catch(() => {}));
  };
  page.on('requestfinished', (req) => finish(req, true));
  page.on('requestfailed', (req) => finish(req, false));
  return {
    start(at) { t0 = at; on = true; seen.length = 0; pending.length = 0; },
    async stop() { on = false; await Promise.all(pending); return [...seen].sort((a, b) => a.start - b.start); },
  };
}

// serve.py's Server-Timing header: "app;dur=12.3, cpu;dur=10.1" (wall and CPU of the thread that answered).
function serverCpuMs(header) {
  const m = /cpu;dur=([\d.]+)/.exec(header || '');
  return m ? Number(m[1]) : 0;
}

function summarise(requests, totalMs) {
  if (!requests.length) return 'no API requests';
  const first = requests[0].start;
  const last = Math.max(...requests.map((r) => r.end));
  const byPath = {};
  for (const r of requests) byPath[`${r.method} ${r.path}`] = (byPath[`${r.method} ${r.path}`] || 0) + 1;
  const each = requests.map((r) => r.end - r.start);
  return `${requests.length} API requests ${JSON.stringify(byPath)}; first sent at ${first.toFixed(0)} ms, last ` +
    `answer at ${last.toFixed(0)} ms, done at ${totalMs.toFixed(0)} ms; request time median ` +
    `${percentile(each, 50).toFixed(0)} ms, max ${Math.max(...each).toFixed(0)} ms; serve.py CPU ` +
    `${seconds(requests.reduce((a, r) => a + r.serverCpu, 0))}`;
}

// ---- the run ----

async function main() {
  const o = options(process.argv.slice(2));
  log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  log(`starting serve.py with ${o.users} demo users and ${o.latencyMs} ms latency per API request...`);
  const server = await startServer({ users: o.users, root: o.site, startTimeoutMs: 180000,
    args: ['--latency-ms', String(o.latencyMs)] });
  const results = {};
  let browser;
  try {
    const key = await apiKey(server);
    const candidates = await server.control.users({ limit: 2 * o.deactivate, isActive: true, isAdmin: false,
      special: false });
    assert.equal(candidates.length, 2 * o.deactivate, 'enough active users for both deactivation runs');
    const forPage = candidates.slice(0, o.deactivate);
    const forHowto = candidates.slice(o.deactivate);

    log('(a) the page loading every user...');
    browser = await launch();
    const page = await openPageWithProbe(browser, server.url);
    const trace = apiTrace(page);
    const load = await pageLoad(page, key, trace);
    assert.equal(load.state.counts.total, o.users, 'the page holds every user');
    results.pageLoad = load.ms;
    results.loadTrace = summarise(load.requests, load.ms);
    results.loadFrames = load.frames;

    log('(c) frame time while scrolling 50,000 rows...');
    results.scroll = await scrollFrames(page, o.wheelEvents);

    results.emptyCanvas = await emptyCanvasInterval(browser, 1400, 900);

    log(`(b) the page deactivating ${o.deactivate} users...`);
    const run = await pageDeactivate(page, forPage, trace);
    results.pageDeactivate = run.ms;
    results.run = run.run;
    results.runTrace = summarise(run.requests, run.ms);
    results.runFrames = run.frames;
    const stillActive = [];
    for (const u of forPage) if ((await server.control.user(u.ID)).isActive) stillActive.push(u.ID);
    assert.deepEqual(stillActive, [], 'every selected user is inactive on the server');
    await browser.close();
    browser = null;

    log('(a) baseline: sequential pages of 100...');
    baselineServerCpu.ms = 0;
    const naive = await naiveLoad(server, key, 100);
    assert.equal(naive.users, o.users);
    results.naive100 = naive.ms;
    results.naive100Cpu = baselineServerCpu.ms;
    log('    for reference: sequential pages of 2000...');
    results.naive2000 = (await naiveLoad(server, key, 2000)).ms;

    const sample = o.howtoSample > 0 && o.howtoSample < o.deactivate ? o.howtoSample : o.deactivate;
    log(`(b) baseline: one PUT per user, sequentially, ${sample} users...`);
    baselineServerCpu.ms = 0;
    const howtoMs = await oldHowtoDeactivate(server, key, forHowto.slice(0, sample).map((u) => u.ID));
    results.howto = { measured: howtoMs, sample, total: (howtoMs * o.deactivate) / sample, cpu: baselineServerCpu.ms };
  } finally {
    await browser?.close();
    await server.stop();
  }
  report(o, results);
}

async function openPageWithProbe(browser, url) {
  // openPage() makes its own context; the probe must be installed before the page's scripts run, so hook the
  // context creation once.
  const original = browser.newContext.bind(browser);
  browser.newContext = async (...args) => {
    const context = await original(...args);
    await context.addInitScript(frameProbe);
    return context;
  };
  try {
    return await openPage(browser, `${url}/`, { width: 1400, height: 900 });
  } finally {
    browser.newContext = original;
  }
}

function report(o, r) {
  const howtoLabel = r.howto.sample === o.deactivate ? `${o.deactivate} PUTs, measured`
    : `${r.howto.sample} PUTs measured, x${o.deactivate / r.howto.sample} EXTRAPOLATED`;
  const rows = [
    ['(a) load all users: the page', seconds(r.pageLoad), ''],
    ['    baseline: sequential pages of 100', seconds(r.naive100), `${(r.naive100 / r.pageLoad).toFixed(1)}x  (target >= 15x)`],
    ['    reference: sequential pages of 2000', seconds(r.naive2000), `${(r.naive2000 / r.pageLoad).toFixed(1)}x`],
    [`(b) deactivate ${o.deactivate}: the page`, seconds(r.pageDeactivate), ''],
    [`    baseline: one PUT per user (${howtoLabel})`, seconds(r.howto.total),
      `${(r.howto.total / r.pageDeactivate).toFixed(1)}x  (target >= 50x)`],
  ];
  const s = r.scroll;
  const w = Math.max(...rows.map((x) => x[0].length)) + 2;
  const out = [];
  out.push('');
  out.push(`wfadmin benchmark: ${o.users.toLocaleString('en')} demo users, ${o.latencyMs} ms latency per API request, ` +
    `${os.cpus().length} cores (load average now ${os.loadavg()[0].toFixed(1)})`);
  out.push('-'.repeat(w + 40));
  out.push(`${'figure'.padEnd(w)}${'time'.padStart(10)}   ratio (baseline / page)`);
  out.push('-'.repeat(w + 40));
  for (const [a, b, c] of rows) out.push(`${a.padEnd(w)}${b.padStart(10)}   ${c}`);
  out.push('-'.repeat(w + 40));
  out.push(`(c) table with ${o.users.toLocaleString('en')} rows, scrolling with ${o.wheelEvents} wheel events ` +
    `(${s.drawn} frames drawn in ${seconds(s.elapsed)}):`);
  out.push(`    frame work (page's requestAnimationFrame callback): median ${percentile(s.work, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(s.work, 95).toFixed(1)} ms, max ${Math.max(...s.work).toFixed(1)} ms (${s.work.length} frames)`);
  out.push(`    frame interval while scrolling: median ${percentile(s.intervals, 50).toFixed(1)} ms, ` +
    `p95 ${percentile(s.intervals, 95).toFixed(1)} ms (${s.intervals.length} intervals; 16.7 ms = 60 fps)`);
  out.push(`    control, an empty WebGL2 canvas of the same size cleared every frame in the same Chromium: interval ` +
    `median ${percentile(r.emptyCanvas, 50).toFixed(1)} ms, p95 ${percentile(r.emptyCanvas, 95).toFixed(1)} ms`);
  out.push(`serve.py CPU in the baselines: pages of 100 ${seconds(r.naive100Cpu)}; one-by-one PUTs ` +
    `${seconds(r.howto.cpu)} for ${r.howto.sample}`);
  out.push(`(a) the page's load: ${r.loadTrace}; ${r.loadFrames.frames} frames drawn, their work ` +
    `${seconds(r.loadFrames.ms)}`);
  out.push(`(b) the page's run: ${r.runTrace}; ${r.runFrames.frames} frames drawn, their work ${seconds(r.runFrames.ms)}`);
  out.push(`    outcome: ${JSON.stringify(r.run)}`);
  out.push('Headless Chromium renders WebGL2 with SwiftShader (on the CPU): frame figures are upper bounds for a GPU.');
  console.log(out.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
