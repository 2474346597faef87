// contract.test.mjs: the automation contract as a check written outside the project would read it (issue 3 §3
// and issue 4's ids): every stable id is drawn where the contract says, itemRect() is in CSS pixels of the
// viewport at any devicePixelRatio, and state() has the contract's keys and value kinds.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, startServer } from '../lib/serve.mjs';
import { clickItem, hasItem, itemRect, launch, openPage, state, waitState } from './lib/browser.mjs';
import { apiKeyFor, chooseMethod, isLoaded, pasteInto, signInWithPastedKey } from './fixtures/flows.mjs';

let server;
let browser;
let page;
let signInState;

before(async () => {
  server = await startServer({ users: 250 });
  browser = await launch();
  page = await openPage(browser, `${server.url}/`, { dpr: 2, width: 1280, height: 800 });
});

after(async () => {
  await page?.context().close();
  await browser?.close();
  await server?.stop();
});

async function waitGone(id) {
  const deadline = Date.now() + 5000;
  while (await hasItem(page, id)) {
    assert.ok(Date.now() < deadline, `${id} still drawn after 5 s`);
    await page.waitForTimeout(50);
  }
}

// The ids not drawn within 5 s (a dialog opened by a click appears a frame or two later; frames are slow under
// SwiftShader at devicePixelRatio 2 on a busy machine).
async function missing(ids) {
  const out = [];
  for (const id of ids) {
    try {
      await itemRect(page, id, { timeoutMs: 5000 });
    } catch {
      out.push(id);
    }
  }
  return out;
}

test('sign-in ids are drawn, with rectangles in CSS pixels inside the viewport (devicePixelRatio 2)', async () => {
  signInState = await state(page);
  assert.deepEqual(await missing(['domain', 'version', 'auth-password', 'auth-apikey', 'auth-session', 'username',
    'password', 'signin']), []);
  for (const id of ['domain', 'signin']) {
    const r = await itemRect(page, id);
    assert.ok(r.x >= 0 && r.y >= 0 && r.x + r.w <= 1280 && r.y + r.h <= 800, `${id} inside the 1280x800 viewport: ${JSON.stringify(r)}`);
  }
  assert.equal(await page.evaluate(() => window.wfadmin.itemRect('no-such-item')), null);
  await chooseMethod(page, 'apikey');
  assert.deepEqual(await missing(['apikey']), []);
  await chooseMethod(page, 'session');
  assert.deepEqual(await missing(['session']), []);
  await chooseMethod(page, 'password');
  // In demo mode the demo domain is pre-filled.
  assert.equal(await hasItem(page, 'domain'), true);
});

test('users-screen ids are drawn (issue 3 and issue 4)', async () => {
  await signInWithPastedKey(page, await apiKeyFor(server));
  const user = (await server.control.users({ limit: 1, isActive: true, isAdmin: false, special: false }))[0];
  const inactive = (await server.control.users({ limit: 1, isActive: false, special: false }))[0];
  await pasteInto(page, 'filter', user.emailAddr);
  await waitState(page, (s) => s.filter.matching === 1, { what: 'one row' });
  assert.deepEqual(await missing(['signout', 'filter', 'status-all', 'status-active', 'status-inactive',
    `deactivate-${user.ID}`, `select-${user.ID}`, 'select-all', 'clear-selection', 'inactive-days', 'import',
    'preview', 'execute']), []);
  await pasteInto(page, 'filter', inactive.emailAddr);
  await waitState(page, (s) => s.filter.text === inactive.emailAddr, { what: 'the inactive row' });
  assert.deepEqual(await missing([`reactivate-${inactive.ID}`]), []);
  await clickItem(page, `reactivate-${inactive.ID}`);
  assert.deepEqual(await missing(['confirm', 'cancel']), []);
  await clickItem(page, 'cancel');
  await waitGone('cancel');
  await clickItem(page, 'import');
  assert.deepEqual(await missing(['import-text', 'import-apply']), []);
  await page.keyboard.press('Escape');
  await waitState(page, () => true);
});

test('state() has the contract shape: screen "signin"|"users", loaded = users loaded, lastError null or a message', async () => {
  const s = await waitState(page, isLoaded, { what: 'loaded' });
  const problems = [];
  const expectKeys = ['screen', 'user', 'counts', 'loaded', 'filter', 'busy', 'lastError', 'log', 'selection',
    'import', 'run'];
  for (const k of expectKeys) if (!(k in s)) problems.push(`no "${k}" key`);
  if (signInState.screen !== 'signin') problems.push(`on the sign-in screen, screen is ${JSON.stringify(signInState.screen)}, not "signin"`);
  if (s.screen !== 'users') problems.push(`screen is ${JSON.stringify(s.screen)}, not "users"`);
  if (!s.user || s.user.id !== DEMO.adminID || typeof s.user.name !== 'string') problems.push('user is not {id, name}');
  if (typeof s.loaded !== 'number' || s.loaded !== s.counts.total) {
    problems.push(`loaded is ${JSON.stringify(s.loaded)}, not the number of users loaded (${s.counts.total})`);
  }
  if (!(s.lastError === null || typeof s.lastError === 'string')) {
    problems.push(`lastError is ${JSON.stringify(s.lastError)}, not null or a message`);
  }
  if (typeof s.busy !== 'boolean') problems.push('busy is not a boolean');
  if (typeof s.selection !== 'number' && typeof s.selection?.count !== 'number') problems.push('selection has no count');
  assert.deepEqual(problems, [], `state() differs from the automation contract:\n  ${problems.join('\n  ')}`);
});

test('state().lastError after a refused sign-in is a message (string)', async () => {
  const fresh = await openPage(browser, `${server.url}/`);
  try {
    await pasteInto(fresh, 'username', DEMO.adminEmail);
    await pasteInto(fresh, 'password', 'wrong');
    await clickItem(fresh, 'signin');
    const s = await waitState(fresh, (st) => st.lastError && !st.busy, { what: 'refused' });
    assert.equal(typeof s.lastError, 'string', `lastError is ${JSON.stringify(s.lastError)}`);
  } finally {
    await fresh.context().close();
  }
});
