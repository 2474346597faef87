// platform.test.mjs: the browser platform layer (src/web) in headless Chromium against serve.py's demo:
// first frame and loading indicator, no frames while idle, canvas size x devicePixelRatio and resizing,
// typing, Ctrl/Cmd+V paste, IME composition (Chinese), Ctrl/Cmd+C copy to the system clipboard, and
// Traditional Chinese glyphs once the browser has drawn them into the atlas. Screenshots go to $WFADMIN_ARTIFACTS.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO, startServer } from '../lib/serve.mjs';
import { SHORTCUT, clickItem, frames, hoverItem, itemRect, launch, openPage, pasteText, readClipboard, screenshot, state, tapItem, typeInto,
  waitFontsReady, waitIdle, waitState } from './lib/browser.mjs';
import { pageErrors } from './fixtures/flows.mjs';

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

function strictPageErrors(page) {
  return pageErrors(page, { allowFailedLoads: false });
}

async function signIn(page) {
  await typeInto(page, 'username', DEMO.adminEmail);
  await typeInto(page, 'password', DEMO.password);
  await clickItem(page, 'signin');
  // Until an earlier test generated one, the demo admin has no API key: the page offers to generate it.
  const deadline = Date.now() + 30000;
  while (!(await state(page)).loaded) {
    const confirm = await page.evaluate(() => window.wfadmin.itemRect('confirm'));
    if (confirm) {
      await page.mouse.click(confirm.x + confirm.w / 2, confirm.y + confirm.h / 2);
      await waitIdle(page, { quietMs: 300 }).catch(() => {});   // let the dialog close before looking again
    }
    assert.ok(Date.now() < deadline, 'users loaded after signing in');
    await page.waitForTimeout(100);
  }
}

test('first frame replaces the loading indicator, and an idle page draws no frames', async () => {
  const page = await openPage(browser, `${server.url}/`);
  try {
    assert.equal(await page.locator('#loading').count(), 0, 'loading indicator removed after the first frame');
    const first = await page.evaluate(() => window.wfadmin.firstFrameMs);
    assert.ok(first > 0 && first < 20000, `first frame at ${first} ms`);
    await waitIdle(page);
    const before3s = await frames(page);
    await page.waitForTimeout(3000);
    assert.equal(await frames(page), before3s, 'no frame drawn in 3 s of idling');
    // Any input wakes it, and it settles again.
    await page.mouse.move(200, 200);
    await page.waitForTimeout(100);
    assert.ok(await frames(page) > before3s, 'a mouse move draws frames');
    assert.deepEqual(strictPageErrors(page), []);
  } finally {
    await page.context().close();
  }
});

test('canvas is its CSS size x devicePixelRatio and follows resizes without stretching', async () => {
  const page = await openPage(browser, `${server.url}/`, { dpr: 2, width: 1200, height: 760 });
  try {
    await waitIdle(page);
    const size = () => page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
    });
    assert.deepEqual(await size(), { w: 2400, h: 1520, cssW: 1200, cssH: 760, dpr: 2 });
    const wide = await itemRect(page, 'signin');
    await screenshot(page, 'platform-signin-dpr2');

    await page.setViewportSize({ width: 800, height: 600 });
    await waitIdle(page);
    assert.deepEqual(await size(), { w: 1600, h: 1200, cssW: 800, cssH: 600, dpr: 2 });
    const narrow = await itemRect(page, 'signin');
    assert.ok(narrow.x < wide.x, `the layout follows the new width (${wide.x} -> ${narrow.x})`);
    assert.ok(Math.abs(narrow.h - wide.h) < 0.5, 'items keep their size (no stretching)');
    await screenshot(page, 'platform-signin-dpr2-resized');
  } finally {
    await page.context().close();
  }
});

test('typing, paste, IME composition and copy reach ImGui text fields', async () => {
  const page = await openPage(browser, `${server.url}/`, { width: 1280, height: 800 });
  try {
    await signIn(page);
    await typeInto(page, 'filter', 'chen');
    await waitState(page, (s) => s.filter.text === 'chen', { what: 'typed filter' });

    // Real Ctrl/Cmd+A then Ctrl/Cmd+V: the browser's paste event carries the system clipboard.
    await page.keyboard.press(`${SHORTCUT}+A`);
    await pasteText(page, 'lin');
    await waitState(page, (s) => s.filter.text === 'lin', { what: 'pasted filter' });

    // An IME composes "chen" and commits 陳: only the committed text reaches the field.
    await page.keyboard.press(`${SHORTCUT}+A`);
    await page.keyboard.press('Backspace');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'chen', selectionStart: 4, selectionEnd: 4 });
    await page.waitForTimeout(100);
    // The hidden textarea (where the IME draws its candidate window) sits at the field's text cursor.
    const field = await itemRect(page, 'filter');
    const area = await page.evaluate(() => document.getElementById('text-input').getBoundingClientRect().toJSON());
    assert.ok(area.y >= field.y - 2 && area.y <= field.y + field.h && area.x >= field.x && area.x <= field.x + field.w,
      `textarea at ${area.x},${area.y} inside the field ${JSON.stringify(field)}`);
    await screenshot(page, 'platform-ime-composing');
    assert.equal((await waitState(page, () => true)).filter.text, '', 'nothing typed while composing');
    await cdp.send('Input.insertText', { text: '陳' });
    const s = await waitState(page, (st) => st.filter.text === '陳', { what: 'committed IME text' });
    assert.ok(s.filter.matching > 0, 'Chinese names match the filter');

    // Copy the field's text to the system clipboard with the real shortcut.
    await page.keyboard.press(`${SHORTCUT}+A`);
    await page.keyboard.press(`${SHORTCUT}+C`);
    assert.equal(await readClipboard(page), '陳');
    assert.deepEqual(strictPageErrors(page), []);
  } finally {
    await page.context().close();
  }
});

test('touch taps act as clicks; the mouse cursor follows ImGui (text over fields, default elsewhere)', async () => {
  const page = await openPage(browser, `${server.url}/?lang=en`, { touch: true });
  try {
    await tapItem(page, 'lang-zh-TW');
    await waitState(page, (s) => s.ui.language === 'zh-TW', { what: 'language switched by a tap' });
    await tapItem(page, 'lang-en');
    await waitState(page, (s) => s.ui.language === 'en', { what: 'language switched back' });
    const cursor = () => page.evaluate(() => document.getElementById('canvas').style.cursor);
    await hoverItem(page, 'username');
    await waitIdle(page, { quietMs: 300 });
    assert.equal(await cursor(), 'text');
    await page.mouse.move(5, 795);
    await waitIdle(page, { quietMs: 300 });
    assert.equal(await cursor(), 'default');
  } finally {
    await page.context().close();
  }
});

test('a lost WebGL context is restored and the page draws again', async () => {
  const page = await openPage(browser, `${server.url}/`);
  try {
    await waitIdle(page);
    await page.evaluate(() => { window.loseContext = document.getElementById('canvas').getContext('webgl2').getExtension('WEBGL_lose_context'); });
    await page.evaluate(() => window.loseContext.loseContext());
    await page.waitForTimeout(200);
    assert.ok(await page.evaluate(() => document.getElementById('canvas').getContext('webgl2').isContextLost()));
    await page.evaluate(() => window.loseContext.restoreContext());
    await waitIdle(page);
    // Still interactive, and the pixels are back (the sign-in button's blue is on screen).
    await clickItem(page, 'lang-zh-TW');
    await waitState(page, (s) => s.ui.language === 'zh-TW', { what: 'language switched after restore' });
    const r = await itemRect(page, 'signin');
    const png = await page.screenshot({ clip: { x: r.x + 4, y: r.y + r.h / 2, width: 2, height: 1 } });
    await screenshot(page, 'platform-context-restored');
    const blue = await page.evaluate(async (data) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + data;
      await img.decode();
      const c = new OffscreenCanvas(1, 1).getContext('2d');
      c.drawImage(img, 0, 0);
      return Array.from(c.getImageData(0, 0, 1, 1).data);
    }, png.toString('base64'));
    assert.ok(blue[2] > 150 && blue[0] < 100, `sign-in button pixel is blue: ${blue}`);
    assert.deepEqual(strictPageErrors(page), []);
  } finally {
    await page.context().close();
  }
});

test('Traditional Chinese renders once its glyphs are in the atlas (no missing glyphs)', async () => {
  const page = await openPage(browser, `${server.url}/?lang=zh-TW`, { dpr: 2, locale: 'zh-TW' });
  try {
    await waitFontsReady(page);
    assert.equal(await page.evaluate(() => window.wfadmin.missingGlyphs()), '');
    await screenshot(page, 'platform-signin-zh-TW-dpr2');
    await signIn(page);
    await typeInto(page, 'filter', '陳');   // keyboard.type inserts text like an IME commit
    await waitState(page, (s) => s.filter.text === '陳' && s.filter.matching > 0, { what: 'filtered by 陳' });
    await waitFontsReady(page);
    await waitIdle(page);
    assert.equal(await page.evaluate(() => window.wfadmin.missingGlyphs()), '', 'every name is drawable');
    await screenshot(page, 'platform-users-zh-TW-dpr2');
    assert.deepEqual(strictPageErrors(page), []);
  } finally {
    await page.context().close();
  }
});
