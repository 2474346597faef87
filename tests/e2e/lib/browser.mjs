// tests/e2e/lib/browser.mjs: headless Chromium helpers for the page's end-to-end tests (playwright-core).
//
//   import { launch, openPage, clickItem, typeInto, waitState, waitFrames, screenshot } from './lib/browser.mjs';
//   const browser = await launch();                        // headless Chromium, WebGL2 through SwiftShader
//   const page = await openPage(browser, url, { dpr: 2 }); // waits for the first frame (window.wfadmin.ready())
//   await clickItem(page, 'signin');                       // the item labelled "...###signin" in the latest frame
//   await typeInto(page, 'domain', 'demo', { clear: true });
//   const s = await waitState(page, (s) => s.screen === 'users');   // polls window.wfadmin.state()
//   await waitIdle(page);                                  // frames() stopped changing
//   await screenshot(page, 'users-dpr2');                  // $WFADMIN_ARTIFACTS or <repo>/artifacts
//   await browser.close();
//
// Every helper throws with a message naming the item/predicate and the last state when it times out.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const artifactsDir = process.env.WFADMIN_ARTIFACTS || join(repo, 'artifacts');
export const isMac = process.platform === 'darwin';
export const SHORTCUT = isMac ? 'Meta' : 'Control';   // the page maps Cmd on macOS like Ctrl elsewhere

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export async function launch(options = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

// Opens `url` in a fresh context (own storage, clipboard permissions granted) and waits for the first frame.
// Options: dpr (deviceScaleFactor, default 1), width/height (viewport, default 1280x800), locale,
// touch (a touch screen: page.touchscreen.tap), waitFonts (also wait for every wanted glyph to be in the atlas), timeoutMs.
export async function openPage(browser, url, { dpr = 1, width = 1280, height = 800, locale = 'en-US',
  touch = false, waitFonts = false, timeoutMs = 30000 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, locale,
    hasTouch: touch });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  page.consoleMessages = [];
  page.on('console', (m) => page.consoleMessages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => page.consoleMessages.push(`pageerror: ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.wfadmin && window.wfadmin.ready(), null, { timeout: timeoutMs });
  if (waitFonts) await waitFontsReady(page, { timeoutMs });
  return page;
}

export async function waitFontsReady(page, { timeoutMs = 30000 } = {}) {
  await page.waitForFunction(() => window.wfadmin.fontsReady(), null, { timeout: timeoutMs });
  await waitIdle(page);
}

// The item's rectangle {x, y, w, h} in CSS pixels, waiting until it is drawn.
export async function itemRect(page, id, { timeoutMs = 10000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rect = await page.evaluate((i) => window.wfadmin.itemRect(i), id);
    if (rect && rect.w > 0 && rect.h > 0) return rect;
    if (Date.now() > deadline) {
      throw new Error(`item "###${id}" not drawn within ${timeoutMs} ms; state: ${JSON.stringify(await state(page))}`);
    }
    await page.waitForTimeout(50);
  }
}

export async function hasItem(page, id) {
  return (await page.evaluate((i) => window.wfadmin.itemRect(i), id)) !== null;
}

// Clicks the middle of the item (or `at` = {x, y} fractions of its box) with the real mouse.
export async function clickItem(page, id, { at = { x: 0.5, y: 0.5 }, button = 'left', clickCount = 1, timeoutMs } = {}) {
  const r = await itemRect(page, id, { timeoutMs });
  await page.mouse.click(r.x + r.w * at.x, r.y + r.h * at.y, { button, clickCount });
  return r;
}

export async function tapItem(page, id) {
  const r = await itemRect(page, id);
  await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
  return r;
}

export async function hoverItem(page, id) {
  const r = await itemRect(page, id);
  await page.mouse.move(r.x + r.w / 2, r.y + r.h / 2);
  return r;
}

// Clicks a text field and types with real key presses (clear: select all + delete first).
export async function typeInto(page, id, text, { clear = false, delay = 0 } = {}) {
  await clickItem(page, id);
  await waitFrames(page, 1);
  if (clear) {
    await page.keyboard.press(`${SHORTCUT}+A`);
    await page.keyboard.press('Backspace');
  }
  await page.keyboard.type(text, { delay });
  await waitFrames(page, 1);
}

// Puts `text` on the system clipboard and pastes it with a real Ctrl/Cmd+V into the focused field.
export async function pasteText(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press(`${SHORTCUT}+V`);
  await waitFrames(page, 1);
}

export async function readClipboard(page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

export async function state(page) {
  return page.evaluate(() => window.wfadmin.state());
}

// Polls window.wfadmin.state() until predicate(state) is truthy; returns that state.
export async function waitState(page, predicate, { timeoutMs = 15000, intervalMs = 50, what } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await state(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`state did not satisfy ${what || predicate.toString()} within ${timeoutMs} ms; last: ` +
        JSON.stringify(last).slice(0, 2000));
    }
    await page.waitForTimeout(intervalMs);
  }
}

export async function frames(page) {
  return page.evaluate(() => window.wfadmin.frames());
}

// Waits until at least `n` more frames have been drawn.
export async function waitFrames(page, n = 1, { timeoutMs = 5000 } = {}) {
  const start = await frames(page);
  await page.waitForFunction(([s, k]) => window.wfadmin.frames() >= s + k, [start, n], { timeout: timeoutMs });
}

// Waits until no frame has been drawn for `quietMs` (the page settles in about a second after an event).
export async function waitIdle(page, { quietMs = 1200, timeoutMs = 15000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last = await frames(page);
  let since = Date.now();
  for (;;) {
    await page.waitForTimeout(100);
    const now = await frames(page);
    if (now !== last) { last = now; since = Date.now(); }
    else if (Date.now() - since >= quietMs) return now;
    if (Date.now() > deadline) throw new Error(`page still drawing after ${timeoutMs} ms (frames ${now})`);
  }
}

export async function screenshot(page, name) {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}
