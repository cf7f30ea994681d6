// Accessibility of the built page (dist/), checked with axe-core (node_modules/axe-core,
// injected with page.evaluate, which the page's CSP does not govern) in Chromium, on the
// hosted page and on the file:// single file, in these states:
//   the empty page; a seed example annotated (dist/examples/), with a quote focused and its
//   tooltip open, and with the Export and example menus open; dark mode; phone width (light
//   and dark).
// Fails on any violation of impact serious or critical; prints the others (moderate, minor).
// Prints `N passed, M failed`. Screenshots: tests/e2e/out/a11y-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harness, ROOT, OUT } from './harness.mjs';

const AXE = fs.readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };

const h = await harness();
const minor = new Map();

/** Runs axe on the page as it is; asserts no serious or critical violation, remembers the rest. */
async function axe(page, what) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = [];
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 4).map((n) => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.split('\n').slice(1, 2).join('').trim() : ''));
    const line = `${v.impact} ${v.id} (${v.nodes.length}): ${v.help}\n      ${where.join('\n      ')}`;
    if (v.impact === 'serious' || v.impact === 'critical') bad.push(line);
    else minor.set(v.id, `${v.impact} ${v.id}: ${v.help} (e.g. ${where[0]})`);
  }
  assert.deepEqual(bad, [], `axe, ${what}: no serious or critical violations`);
}

async function annotateExample(page) {
  await page.click('#example');
  await page.click('#example-menu li:first-child button');
  await page.waitForSelector('#article:not([hidden]) .qs');
  await page.waitForFunction(() => !document.body.dataset.rendering);
}

const shot = (page, name, url) => page.screenshot({ path: path.join(OUT, `a11y-${name}${url.startsWith('file:') ? '-single' : ''}.png`), fullPage: false });

for (const url of h.urls) {
  await h.check('axe: the empty page', url, async (page) => {
    await axe(page, 'empty page');
  });

  await h.check('axe: an annotated seed example, tooltip and menus open', url, async (page) => {
    await annotateExample(page);
    await axe(page, 'annotated example');
    await page.focus('#article .qs');
    await page.waitForSelector('#tooltip:not([hidden])');
    await axe(page, 'quote focused, tooltip open');
    await page.click('#export');
    await page.waitForSelector('#export-menu:not([hidden])');
    await axe(page, 'export menu open');
    await page.keyboard.press('Escape');
    await page.click('#example');
    await page.waitForSelector('#example-menu:not([hidden])');
    await axe(page, 'example menu open');
    await shot(page, 'example', url);
  });

  await h.check('axe: dark mode, empty and annotated', url, async (page) => {
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
    await axe(page, 'dark, empty');
    await annotateExample(page);
    await axe(page, 'dark, annotated');
    await page.focus('#article .qs');
    await page.waitForSelector('#tooltip:not([hidden])');
    await axe(page, 'dark, tooltip open');
    await shot(page, 'dark', url);
  }, { context: { colorScheme: 'dark' } });

  await h.check('axe: phone width, light and dark', url, async (page) => {
    await axe(page, 'phone, empty');
    await annotateExample(page);
    await axe(page, 'phone, annotated');
    await shot(page, 'phone', url);
    await page.emulateMedia({ colorScheme: 'dark' });
    await axe(page, 'phone, dark, annotated');
  }, { viewport: PHONE });
}

if (minor.size) {
  console.log('\naxe, moderate and minor (not failing):');
  for (const line of minor.values()) console.log('  ' + line);
}
await h.done();
