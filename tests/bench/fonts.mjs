// tests/bench/fonts.mjs: what the page's text costs, in headless Chromium against serve.py's demo:
// page weight (bytes fetched until every glyph is in the atlas), time to the first frame and to the fonts being
// ready (median of 5 loads, zh-TW, DPR 1 and 2), and the font atlas after a 50,000-user directory of mixed
// scripts is loaded (size against the WebGL limit, glyphs, build time).
//
//   node tests/bench/fonts.mjs [--root SITE] [--users 50000]
//
// --root compares another build of the page (e.g. an older one kept aside) with the same measurements.
import { startServer } from '../lib/serve.mjs';
import { launch, openPage, waitFontsReady } from '../e2e/lib/browser.mjs';
import { apiKeyFor, signInWithPastedKey } from '../e2e/fixtures/flows.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const root = arg('--root', undefined);
const users = Number(arg('--users', 50000));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await launch();
const small = await startServer({ users: 250, root });
try {
  for (const dpr of [1, 2]) {
    const first = [], ready = [], bytes = [];
    for (let run = 0; run < 5; run++) {
      let total = 0;
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
      const page = await context.newPage();
      page.on('response', async (r) => { try { total += (await r.body()).length; } catch { /* redirect */ } });
      const started = Date.now();
      await page.goto(`${small.url}/?lang=zh-TW`);
      await page.waitForFunction(() => window.wfadmin && window.wfadmin.ready(), null, { timeout: 60000 });
      await page.waitForFunction(() => window.wfadmin.fontsReady(), null, { timeout: 60000 });
      ready.push(Date.now() - started);
      first.push(await page.evaluate(() => window.wfadmin.firstFrameMs));
      await page.waitForTimeout(300);
      bytes.push(total);
      await context.close();
    }
    console.log(`zh-TW sign-in page, DPR ${dpr}: ${median(bytes)} bytes fetched, first frame ${median(first)} ms, ` +
      `fonts ready ${median(ready)} ms after navigation (median of 5)`);
  }
} finally {
  await small.stop();
}

const large = await startServer({ users, root, startTimeoutMs: 180000 });
try {
  const key = await apiKeyFor(large);
  for (const dpr of [1, 2]) {
    const page = await openPage(browser, `${large.url}/?lang=zh-TW`, { dpr, width: 1280, height: 800, timeoutMs: 60000 });
    await signInWithPastedKey(page, key);
    await waitFontsReady(page, { timeoutMs: 120000 });
    const atlas = await page.evaluate(() => window.wfadmin.atlas());
    const missing = [...await page.evaluate(() => window.wfadmin.missingGlyphs())].length;
    console.log(`${users} users, DPR ${dpr}: atlas ${atlas.width}x${atlas.height} (WebGL limit ${atlas.maxTextureSize ?? '?'}), ` +
      `${atlas.glyphs} glyphs (${atlas.browserGlyphs ?? '-'} from the browser), ${missing} missing, ` +
      `last build ${atlas.lastBuildMs} ms, ${atlas.builds} builds`);
    await page.context().close();
  }
} finally {
  await large.stop();
  await browser.close();
}
