// deploy.test.mjs: the page behind the shipped nginx configuration (deploy/nginx/wfadmin.conf), locked to the
// tenant "acme", with serve.py's demo standing in for acme's Workfront: the page learns the tenant from
// config.json and offers it instead of a free-text domain, loads its content-hashed, precompressed files, signs
// in with real mouse and keyboard events through nginx, and every user loads; no password reaches nginx's logs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO, startServer } from '../lib/serve.mjs';
import { startNginx } from '../lib/nginx.mjs';
import { hasItem, launch, openPage, screenshot, state } from './lib/browser.mjs';
import { pageErrors, signInWithPassword } from './fixtures/flows.mjs';

const site = process.env.WFADMIN_SITE || join(fileURLToPath(import.meta.url), '..', '..', '..', 'build', 'web', 'site');
let demo;
let web;
let browser;

before(async () => {
  demo = await startServer({ users: 120 });
  web = await startNginx({ root: site, upstream: demo.url, tenants: ['acme'] });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await web?.stop();
  await demo?.stop();
});

test('signed in through nginx to the only allowed tenant, every user loads', async () => {
  const page = await openPage(browser, `${web.url}/`);
  try {
    assert.equal(await page.evaluate(() => window.wfadmin.config.tenants), 'acme');
    assert.ok(await hasItem(page, 'tenant-acme'), 'the tenant is offered');
    assert.ok(!(await hasItem(page, 'domain')), 'no free-text domain field');
    await screenshot(page, 'deploy-signin-tenant');

    // The page's own files: hashed names, kept a year, compressed on the wire.
    const files = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => ({ name: new URL(e.name).pathname, encoded: e.encodedBodySize, decoded: e.decodedBodySize })));
    const wasm = files.find((f) => /^\/wfadmin\.[0-9a-f]{12}\.wasm$/.test(f.name));
    assert.ok(wasm, `a hashed wasm was loaded: ${JSON.stringify(files)}`);
    assert.ok(wasm.encoded < wasm.decoded * 0.8, `the wasm came compressed: ${JSON.stringify(wasm)}`);
    const head = await fetch(`${web.url}${wasm.name}`, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(head.headers.get('cache-control'), 'public, max-age=31536000, immutable');

    const s = await signInWithPassword(page);
    assert.equal(s.loaded, s.counts.total, 'every user loaded');
    assert.ok(s.loaded >= 100, `the demo's users came through nginx (${s.loaded})`);
    assert.deepEqual(pageErrors(page), [], 'no errors in the page console');
    await screenshot(page, 'deploy-users-through-nginx');
    const after = await state(page);
    assert.equal(after.screen, 'users');
  } finally {
    await page.context().close();
  }
  const log = web.log();
  assert.match(log, /POST \/attask\/api\/v\d+\.0\/user 200/);
  assert.ok(!log.includes(DEMO.password), 'no password in nginx logs');
});
