// glyphs.test.mjs: every script in a directory is drawn, with no character missing, in headless Chromium against
// the demo Workfront, whose names span CJK (Extension A and B, compatibility ideographs, bopomofo), kana,
// Hangul, Thai, Hebrew, Arabic, Greek, Cyrillic with stress marks, Vietnamese and emoji (server/seed.py).
// missingGlyphs() stays empty in English and in zh-TW; the users table, the preview and the results are
// screenshotted in zh-TW at devicePixelRatio 1 and 2; the filter finds what the eye reads (several words in any
// order, characters beyond the BMP); a character no installed font has is reported and drawn as a box.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { startServer } from '../lib/serve.mjs';
import { clickItem, itemRect, launch, openPage, pasteText, screenshot, state, typeInto, waitFontsReady, waitFrames,
  waitIdle, waitState } from './lib/browser.mjs';
import { apiKeyFor, filterTo, pageErrors, signInWithPastedKey } from './fixtures/flows.mjs';

// The names issue 8 was reported with, and one of each script (server/seed.py _WORLD_PEOPLE).
const REQUIRED = ['林堃', '劉翊宥', '林翊安', '謝𡘙', '張鈺婷', '張玉婷', '陳䶮', '\uF9E1小龍', '郭ㄚ珠', '佐藤さくら', '김민준',
  'Zoë Lefèvre', 'Mia 🌸 Chen', 'สมชาย ใจดี', 'נועה כהן', 'فاطمة الزهراء', 'Γιώργος Παπαδόπουλος',
  'Арсе\u0301ний Смирно\u0301в', 'Nguyễn Thị Minh Khai'];
// A code point no font on the test machine has (a recent emoji).
const ABSENT = '\u{1FAE8}';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function withServer(fn) {
  const server = await startServer({ users: 250 });
  try {
    return await fn(server, await apiKeyFor(server));
  } finally {
    await server.stop();
  }
}

// The names the demo seeds in every script, read from server/seed.py itself.
const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORLD_NAMES = JSON.parse(execFileSync(process.env.PYTHON || 'python3',
  ['-c', 'import json; from server.seed import _WORLD_PEOPLE; print(json.dumps([p[0] for p in _WORLD_PEOPLE]))'],
  { cwd: repo, encoding: 'utf8' }));

async function worldPeople(server) {
  const rows = await server.control.users({ limit: 1000 });
  return rows.filter((r) => WORLD_NAMES.includes(r.name));
}

async function missing(page) { return page.evaluate(() => window.wfadmin.missingGlyphs()); }

function codePoints(text) { return [...text].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase()}`).join(' '); }

async function settledMissing(page) {
  await waitFontsReady(page);
  await waitIdle(page);
  return missing(page);
}

test('the demo directory holds names in every script, the reported ones among them', async () => {
  await withServer(async (server) => {
    const people = await worldPeople(server);
    const names = people.map((r) => r.name);
    for (const name of REQUIRED) assert.ok(names.includes(name), `${name} is in the demo`);
    assert.ok(WORLD_NAMES.length >= 60, `at least 60 names across the scripts (${WORLD_NAMES.length})`);
    assert.equal(new Set(names).size, new Set(WORLD_NAMES).size, 'every one of them is in a 250-user demo');
  });
});

test('English: every name is drawn (missingGlyphs() empty); the filter matches words in any order and beyond the BMP', async () => {
  await withServer(async (server, key) => {
    const page = await openPage(browser, `${server.url}/?lang=en`, { width: 1400, height: 900 });
    try {
      await signInWithPastedKey(page, key);
      const m = await settledMissing(page);
      assert.equal(m, '', `nothing missing (got ${codePoints(m)})`);
      const rows = await server.control.users({ limit: 1000 });

      // Typed like an IME commit: the field shows it and the rows match it.
      await typeInto(page, 'filter', '堃');
      let s = await waitState(page, (st) => st.filter.text === '堃', { what: 'filter 堃' });
      assert.equal(s.filter.matching, rows.filter((r) => r.name.includes('堃')).length);
      assert.equal(await settledMissing(page), '');
      await filterTo(page, '𡘙');
      s = await waitState(page, (st) => st.filter.text === '𡘙' && st.filter.matching === 1, { what: 'filter 𡘙' });
      await filterTo(page, 'Clark Amélie');
      s = await waitState(page, (st) => st.filter.text === 'Clark Amélie', { what: 'two words' });
      assert.equal(s.filter.matching, rows.filter((r) => /amélie/i.test(r.name) && /clark/i.test(r.name)).length);
      assert.ok(s.filter.matching >= 1, 'Amélie Clark is found');
      await filterTo(page, 'смирнов арсений');   // without the stress marks the name is written with
      s = await waitState(page, (st) => st.filter.text === 'смирнов арсений', { what: 'Cyrillic words' });
      assert.equal(s.filter.matching, 1);
      await waitIdle(page);
      await screenshot(page, 'e2e-glyphs-filter-cyrillic-en');

      // A character no font has: reported (above U+FFFF too) and drawn as a box, not as blank space.
      await filterTo(page, 'x');
      await waitIdle(page);
      const field = await itemRect(page, 'filter');
      const ink = async () => {
        const png = await page.screenshot({ clip: { x: field.x + 4, y: field.y + 2, width: 60, height: field.h - 4 } });
        return page.evaluate(async (data) => {
          const img = new Image();
          img.src = 'data:image/png;base64,' + data;
          await img.decode();
          const c = new OffscreenCanvas(img.width, img.height).getContext('2d');
          c.drawImage(img, 0, 0);
          const d = c.getImageData(0, 0, img.width, img.height).data;
          let dark = 0;
          for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 300) dark++;
          return dark;
        }, png.toString('base64'));
      };
      const withX = await ink();
      await filterTo(page, `x${ABSENT}`);
      assert.equal(await settledMissing(page), ABSENT, 'the absent code point is reported');
      await screenshot(page, 'e2e-glyphs-absent-box');
      const withBox = await ink();
      assert.ok(withBox > withX + 10, `the absent character is drawn as a box (${withX} -> ${withBox} dark pixels)`);
      assert.deepEqual(pageErrors(page), []);
    } finally {
      await page.context().close();
    }
  });
});

async function waitPreviewDone(page, total) {
  return waitState(page, (s) => s.preview && s.preview.total === total && !s.preview.running && !s.busy,
    { timeoutMs: 60000, what: `preview of ${total} finished` });
}

for (const dpr of [1, 2]) {
  test(`zh-TW at devicePixelRatio ${dpr}: table, preview and results drawn with no missing glyph`, async () => {
    await withServer(async (server, key) => {
      const page = await openPage(browser, `${server.url}/?lang=zh-TW`, { dpr, locale: 'zh-TW', width: 1400, height: 900 });
      try {
        await signInWithPastedKey(page, key);
        assert.equal((await state(page)).ui.language, 'zh-TW');
        let m = await settledMissing(page);
        assert.equal(m, '', `nothing missing (got ${codePoints(m)})`);
        const atlas = await page.evaluate(() => window.wfadmin.atlas());
        assert.ok(atlas.width <= atlas.maxTextureSize && atlas.height <= atlas.maxTextureSize, JSON.stringify(atlas));
        assert.equal(atlas.absent, 0, JSON.stringify(atlas));

        // 張鈺婷 and 張玉婷 side by side in the table.
        await filterTo(page, '張 婷');
        await waitState(page, (s) => s.filter.text === '張 婷' && s.filter.matching >= 2, { what: 'filter 張 婷' });
        await waitIdle(page);
        await screenshot(page, `e2e-glyphs-table-zh-TW-dpr${dpr}`);
        await filterTo(page, '');

        // Every world person, pasted as a list of emails: preview, then deactivate and the results.
        const people = (await worldPeople(server)).filter((r) => r.isActive === true || r.isActive === 1);
        await clickItem(page, 'import');
        await clickItem(page, 'import-text');
        await waitFrames(page, 1);
        await pasteText(page, people.map((r) => r.emailAddr).join('\n'));
        await clickItem(page, 'import-apply');
        await waitState(page, (s) => s.import !== null && s.import.matched === people.length, { what: 'import report' });
        await clickItem(page, 'import-select');
        await waitState(page, (s) => s.selection.count === people.length, { what: 'selected' });
        await waitIdle(page);
        await clickItem(page, 'preview');
        await waitPreviewDone(page, people.length);
        m = await settledMissing(page);
        assert.equal(m, '', `nothing missing in the preview (got ${codePoints(m)})`);
        await screenshot(page, `e2e-glyphs-preview-zh-TW-dpr${dpr}`);

        await clickItem(page, 'execute');
        await clickItem(page, 'confirm');
        const s = await waitState(page, (st) => st.run && !st.busy && st.run.phase === 'finished',
          { timeoutMs: 60000, what: 'the run finished' });
        assert.equal(s.run.done + s.run.failed + s.run.skipped, people.length, JSON.stringify(s.run));
        m = await settledMissing(page);
        assert.equal(m, '', `nothing missing in the results (got ${codePoints(m)})`);
        await screenshot(page, `e2e-glyphs-results-zh-TW-dpr${dpr}`);
        assert.deepEqual(pageErrors(page), []);
      } finally {
        await page.context().close();
      }
    });
  });
}
