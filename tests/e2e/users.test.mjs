// users.test.mjs: the users screen against the demo Workfront, driven with real mouse and keyboard events:
// every user and the right counts (compared with the demo database), deactivate and reactivate one user (the
// database and the row agree), the self guard, the Admin Email user refused by the server (reason shown), an
// injected 5xx (row unchanged, error shown), no frames while idle, screenshots at devicePixelRatio 1 and 2, and
// Traditional Chinese names drawn with no missing glyphs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO, startServer } from '../lib/serve.mjs';
import { clickItem, frames, hasItem, launch, openPage, screenshot, state, waitFontsReady, waitIdle,
  waitState } from './lib/browser.mjs';
import { apiKeyFor, clearFilter, errorText, filterTo, isActiveRow, isLoaded, loadedCount, pageErrors, serverCounts,
  signInWithPastedKey, waitRowButton } from './fixtures/flows.mjs';

let server;
let browser;
let key;

before(async () => {
  server = await startServer({ users: 250 });
  browser = await launch();
  key = await apiKeyFor(server);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInPage(options) {
  const page = await openPage(browser, `${server.url}/`, options);
  await signInWithPastedKey(page, key);
  return page;
}

// A plain active, non-admin demo user (not one of the fixed accounts), different for each caller.
let picked = 0;
async function pickActiveUser() {
  const rows = await server.control.users({ limit: 40, isActive: true, isAdmin: false, special: false });
  assert.ok(rows.length > picked, 'enough active demo users');
  return rows[picked++];
}

// Opens the confirmation for one row's change and confirms it.
async function changeUser(page, kind, user) {
  await filterTo(page, user.emailAddr);
  await waitRowButton(page, kind, user.ID);
  await clickItem(page, `${kind}-${user.ID}`);
  await clickItem(page, 'confirm');
}

function logFor(s, id) { return s.log.filter((e) => e.userID === id); }

describe('users screen', () => {
  let page;

  before(async () => { page = await signedInPage({ width: 1400, height: 860 }); });
  after(async () => { await page?.context().close(); });

  test('the table holds every user and the counts match the demo database', async () => {
    const s = await state(page);
    const expected = await serverCounts(server);
    assert.deepEqual(s.counts, expected);
    assert.equal(loadedCount(s), expected.total);
    assert.ok(expected.inactive > 0 && expected.active > 0, 'the demo has both kinds');
    // The status filter shows each part of the directory.
    await clickItem(page, 'status-inactive');
    let f = await waitState(page, (st) => st.filter.status === 'inactive', { what: 'inactive filter' });
    assert.equal(f.filter.matching, expected.inactive);
    await clickItem(page, 'status-active');
    f = await waitState(page, (st) => st.filter.status === 'active', { what: 'active filter' });
    assert.equal(f.filter.matching, expected.active);
    await clickItem(page, 'status-all');
    f = await waitState(page, (st) => st.filter.status === 'all', { what: 'all' });
    assert.equal(f.filter.matching, expected.total);
    assert.deepEqual(pageErrors(page), []);
  });

  test('deactivate a user: the demo database says inactive and the row says so; then reactivate', async () => {
    const user = await pickActiveUser();
    const before = (await state(page)).counts;

    await changeUser(page, 'deactivate', user);
    await waitRowButton(page, 'reactivate', user.ID);
    let s = await waitState(page, (st) => logFor(st, user.ID).length === 1, { what: 'logged' });
    assert.equal(isActiveRow(await server.control.user(user.ID)), false, 'inactive in the demo database');
    assert.equal(await hasItem(page, `deactivate-${user.ID}`), false, 'the row no longer offers Deactivate');
    assert.deepEqual(s.counts, { active: before.active - 1, inactive: before.inactive + 1, total: before.total });
    assert.deepEqual(logFor(s, user.ID).map((e) => [e.action, e.outcome]), [['deactivate', 'done']]);
    assert.equal(s.lastError, null);
    await waitIdle(page);
    await screenshot(page, 'e2e-users-deactivated-row');

    await clickItem(page, `reactivate-${user.ID}`);
    await clickItem(page, 'confirm');
    await waitRowButton(page, 'deactivate', user.ID);
    s = await waitState(page, (st) => logFor(st, user.ID).length === 2, { what: 'logged twice' });
    assert.equal(isActiveRow(await server.control.user(user.ID)), true, 'active again in the demo database');
    assert.deepEqual(s.counts, before);
    assert.deepEqual(logFor(s, user.ID).map((e) => [e.action, e.outcome]),
      [['deactivate', 'done'], ['reactivate', 'done']]);
    await clearFilter(page);
  });

  test('cancel in the confirmation sends nothing', async () => {
    const user = await pickActiveUser();
    await filterTo(page, user.emailAddr);
    await waitRowButton(page, 'deactivate', user.ID);
    await server.control.resetStats();
    await clickItem(page, `deactivate-${user.ID}`);
    await clickItem(page, 'cancel');
    await waitIdle(page);
    assert.equal(await hasItem(page, 'confirm'), false, 'the dialog closed');
    assert.equal((await server.control.stats()).writes, 0, 'no write sent');
    assert.equal(isActiveRow(await server.control.user(user.ID)), true);
    await clearFilter(page);
  });

  test('the self guard: the signed-in admin cannot deactivate themself', async () => {
    await filterTo(page, DEMO.adminEmail);
    await waitRowButton(page, 'deactivate', DEMO.adminID);
    await server.control.resetStats();
    await clickItem(page, `deactivate-${DEMO.adminID}`);
    await page.waitForTimeout(300);
    await waitIdle(page);
    assert.equal(await hasItem(page, 'confirm'), false, 'no confirmation opens for yourself');
    const s = await state(page);
    assert.equal((await server.control.stats()).writes, 0, 'nothing sent');
    assert.equal(isActiveRow(await server.control.user(DEMO.adminID)), true);
    assert.equal(logFor(s, DEMO.adminID).filter((e) => e.outcome === 'done').length, 0);
    // The disabled button says why when hovered.
    await screenshot(page, 'e2e-users-self-guard');
    await clearFilter(page);
  });

  test('the Admin Email user: the server refuses and the page shows its reason', async () => {
    await filterTo(page, DEMO.ownerEmail);
    await changeUser(page, 'deactivate', { ID: DEMO.ownerID, emailAddr: DEMO.ownerEmail });
    const s = await waitState(page, (st) => logFor(st, DEMO.ownerID).length > 0 && !st.busy, { what: 'refusal logged' });
    assert.equal(isActiveRow(await server.control.user(DEMO.ownerID)), true, 'still active on the server');
    await waitIdle(page);   // the answer lands while the frame on screen may still show the confirmation over the row
    assert.equal(await hasItem(page, `deactivate-${DEMO.ownerID}`), true, 'the row is unchanged');
    const entry = logFor(s, DEMO.ownerID).at(-1);
    assert.equal(entry.outcome, 'failed');
    assert.match(entry.message, /Admin Email user cannot be deactivated/);
    assert.match(errorText(s), /Admin Email/, `the error shown carries the server's reason: ${errorText(s)}`);
    await screenshot(page, 'e2e-users-admin-email-refused');
    await clearFilter(page);
  });

  test('an injected 5xx leaves the row unchanged and shows an error', async () => {
    const user = await pickActiveUser();
    await filterTo(page, user.emailAddr);
    await waitRowButton(page, 'deactivate', user.ID);
    const before = await state(page);
    await server.control.faults({ error_rate: 1, error_status: 500, match: user.ID });
    try {
      await clickItem(page, `deactivate-${user.ID}`);
      await clickItem(page, 'confirm');
      const s = await waitState(page, (st) => logFor(st, user.ID).length > 0 && !st.busy, { what: 'failure logged' });
      assert.equal(logFor(s, user.ID).at(-1).outcome, 'failed');
      assert.ok(errorText(s).length > 0, 'an error is shown');
      assert.deepEqual(s.counts, before.counts, 'counts unchanged');
      await waitIdle(page);   // as above: the row is drawn again once the confirmation is gone
      assert.equal(await hasItem(page, `deactivate-${user.ID}`), true, 'the row still offers Deactivate');
      assert.equal(isActiveRow(await server.control.user(user.ID)), true, 'still active on the server');
      await screenshot(page, 'e2e-users-server-error');
    } finally {
      await server.control.faults({});
    }
    await clearFilter(page);
  });

  test('an idle users screen renders 0 frames in 3 seconds', async () => {
    await page.mouse.move(5, 5);
    await waitIdle(page);
    const start = await frames(page);
    await page.waitForTimeout(3000);
    assert.equal(await frames(page), start, 'no frame drawn while idle');
  });
});

test('screenshots of the users table at devicePixelRatio 1 and 2', async () => {
  for (const dpr of [1, 2]) {
    const page = await signedInPage({ dpr, width: 1280, height: 800 });
    try {
      const canvas = await page.evaluate(() => {
        const c = document.getElementById('canvas');
        return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight };
      });
      assert.equal(canvas.w, canvas.cssW * dpr, 'canvas backing store is CSS size x devicePixelRatio');
      assert.equal(canvas.h, canvas.cssH * dpr);
      await waitFontsReady(page);
      await waitIdle(page);
      const path = await screenshot(page, `e2e-users-dpr${dpr}`);
      assert.ok(path.endsWith(`e2e-users-dpr${dpr}.png`));
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await page.context().close();
    }
  }
});

test('Traditional Chinese names render (no missing glyphs), in the zh-TW interface too', async () => {
  const rows = await server.control.users({ limit: 300 });
  const chinese = rows.filter((r) => /[\u4e00-\u9fff]/.test(r.name));
  assert.ok(chinese.length >= 20, `the demo has Chinese names (${chinese.length})`);
  const surname = [...chinese[0].name][0];
  const page = await openPage(browser, `${server.url}/?lang=zh-TW`, { dpr: 2, locale: 'zh-TW', width: 1280, height: 800 });
  try {
    await signInWithPastedKey(page, key);
    await filterTo(page, surname);
    const s = await waitState(page, (st) => st.filter.matching > 0, { what: `names with ${surname}` });
    assert.equal(s.filter.matching, rows.filter((r) => r.name.includes(surname)).length, 'matches the database');
    await waitFontsReady(page);
    assert.equal(await page.evaluate(() => window.wfadmin.missingGlyphs()), '', 'every glyph drawn is in the atlas');
    await screenshot(page, 'e2e-users-zh-TW-dpr2');
    assert.ok(isLoaded(await state(page)));
    assert.deepEqual(pageErrors(page), []);
  } finally {
    await page.context().close();
  }
});
