// signin.test.mjs: signing in to the demo Workfront in headless Chromium with real mouse and keyboard events:
// username + password (the page asks before generating a key), an API key pasted through the system clipboard,
// a wrong password (error shown, still on sign-in, nothing remembered), and an SSO-only account.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, startServer } from '../lib/serve.mjs';
import { clickItem, launch, openPage, screenshot, state, waitIdle, waitState } from './lib/browser.mjs';
import { apiKeyFor, errorText, onSignIn, onUsers, pageErrors, pasteInto, signInWithPassword, signInWithPastedKey } from './fixtures/flows.mjs';

let server;
let browser;

before(async () => {
  server = await startServer({ users: 250 });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function withPage(fn, options) {
  const page = await openPage(browser, `${server.url}/`, options);
  try {
    await fn(page);
    assert.deepEqual(pageErrors(page), [], 'no errors in the page console');
  } finally {
    await page.context().close();
  }
}

test('a wrong password shows the error and stays on sign-in', async () => {
  await withPage(async (page) => {
    const s0 = await state(page);
    assert.ok(onSignIn(s0), `starts on sign-in (screen ${s0.screen})`);
    await pasteInto(page, 'username', DEMO.adminEmail);
    await pasteInto(page, 'password', 'not-the-password');
    await clickItem(page, 'signin');
    const s = await waitState(page, (st) => !st.busy && st.lastError, { timeoutMs: 20000, what: 'an error shown' });
    assert.ok(onSignIn(s), `still on sign-in (screen ${s.screen})`);
    assert.equal(s.user, null, 'nobody signed in');
    assert.match(errorText(s), /password/i, `the error names the password: ${errorText(s)}`);
    const row = await server.control.user(DEMO.adminID);
    assert.equal(row.hasApiKey, false, 'no key generated for a wrong password');
    await waitIdle(page);
    await screenshot(page, 'e2e-signin-wrong-password');
  });
});

test('an SSO-only account is told to use an API key, not a password', async () => {
  await withPage(async (page) => {
    await pasteInto(page, 'username', DEMO.ssoEmail);
    await pasteInto(page, 'password', DEMO.password);
    await clickItem(page, 'signin');
    const s = await waitState(page, (st) => !st.busy && st.lastError, { timeoutMs: 20000, what: 'an error shown' });
    assert.ok(onSignIn(s));
    assert.match(errorText(s), /SSO|single sign-on/i, `the error says SSO: ${errorText(s)}`);
  });
});

test('sign in with username and password (the page asks before generating a key)', async () => {
  assert.equal((await server.control.user(DEMO.adminID)).hasApiKey, false, 'the demo admin starts without a key');
  await withPage(async (page) => {
    const s = await signInWithPassword(page, { typed: true });   // one real key press per character
    assert.ok(onUsers(s));
    assert.equal(s.user.id, DEMO.adminID);
    assert.equal(s.user.email, DEMO.adminEmail);
    assert.equal(s.lastError, null);
    assert.equal(s.counts.total, 250);
    assert.equal((await server.control.user(DEMO.adminID)).hasApiKey, true, 'the key was generated on request');
  });
});

test('sign in with an API key pasted through the system clipboard (Ctrl+V)', async () => {
  const key = await apiKeyFor(server);
  assert.match(key, /^[0-9a-f]{32}$/);
  await withPage(async (page) => {
    const s = await signInWithPastedKey(page, key);
    assert.ok(onUsers(s));
    assert.equal(s.user.id, DEMO.adminID);
    assert.equal(s.counts.total, 250);
    // The key never lands in storage the page keeps.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(key), 'the API key is not in local or session storage');
  });
});
