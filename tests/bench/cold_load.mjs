// tests/bench/cold_load.mjs: what a first visit costs. Serves a built site with serve.py and opens it in a fresh
// headless Chromium (empty cache) a few times; prints the bytes transferred (Chrome's encodedDataLength: headers
// and bodies as they crossed the wire) until the first frame and until the page is complete (the CJK font fetched
// after the first frame included), and the time to the first frame (window.wfadmin.firstFrameMs). Give two
// sites to compare them in the same run:
//   node tests/bench/cold_load.mjs --site build/web/site [--site /tmp/old-site] [--runs 3]
import { join } from 'node:path';
import { startServer } from '../lib/serve.mjs';
import { launch } from '../e2e/lib/browser.mjs';

const sites = [];
let runs = 3;
for (let i = 2; i < process.argv.length; i++) {
  if (process.argv[i] === '--site') sites.push(process.argv[++i]);
  else if (process.argv[i] === '--runs') runs = Number(process.argv[++i]);
}
if (!sites.length) sites.push(join(process.cwd(), 'build', 'web', 'site'));

function median(values) {
  const v = [...values].sort((a, b) => a - b);
  return v[Math.floor(v.length / 2)];
}

async function visit(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
  await page.goto(url);
  await page.waitForFunction(() => window.wfadmin && window.wfadmin.ready(), null, { timeout: 60000 });
  const firstFrameBytes = bytes;
  const firstFrameMs = await page.evaluate(() => window.wfadmin.firstFrameMs);
  await page.waitForFunction(() => window.wfadmin.fontsReady(), null, { timeout: 60000 }).catch(() => {});
  await page.waitForTimeout(500);
  const total = bytes;
  await context.close();
  return { firstFrameBytes, total, firstFrameMs };
}

const browser = await launch();
try {
  for (const site of sites) {
    const srv = await startServer({ users: 50, root: site });
    try {
      const results = [];
      for (let i = 0; i < runs; i++) results.push(await visit(browser, `${srv.url}/`));
      const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
      console.log(`${site}: to first frame ${kb(median(results.map((r) => r.firstFrameBytes)))}, `
        + `complete ${kb(median(results.map((r) => r.total)))}, `
        + `first frame at ${median(results.map((r) => r.firstFrameMs))} ms (median of ${runs})`);
    } finally {
      await srv.stop();
    }
  }
} finally {
  await browser.close();
}
