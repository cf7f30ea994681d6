// End-to-end test of the reading side of the page (www/reading.js): the speaker panel, the
// link drawn from a quote to its speaker and cue, the tooltip's wording, the places panel and
// the offline world map, overlapping layers, reported speech, dark mode and the print view.
// Run: node tests/e2e/reading.mjs (DIST=folder to test another build). Screenshots go to
// tests/e2e/out/reading-*.png, and to docs/screenshots/ with SCREENSHOT=1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harness, ROOT, OUT } from './harness.mjs';

// Our own small article: a place and a name inside a quote, a pronoun speaker, a role, a
// reported-speech sentence, an ambiguous place (Madrid), two mentions of Lyon.
const ARTICLE = `Mayor Jane Smith opened the new bridge in Lyon on Monday.

“I love Paris in the spring, and Omar Reyes knows it,” said Jane Smith, the mayor of Lyon.

She added: “The work starts today in Marseille.”

“We are ready,” Omar Reyes told reporters in Geneva. “Nothing will stop us now,” he said.

The new trains will reach Madrid by next summer, Reyes said.`;

const SHOTS = process.env.SCREENSHOT ? path.join(ROOT, 'docs/screenshots') : null;
if (SHOTS) fs.mkdirSync(SHOTS, { recursive: true });
async function shot(target, name, url, options = {}) {
  if (url.startsWith('file:')) return;
  const file = path.join(OUT, `reading-${name}.png`);
  await target.screenshot({ path: file, ...options });
  if (SHOTS) fs.copyFileSync(file, path.join(SHOTS, `reading-${name}.png`));
}

const h = await harness();
const urls = process.env.HOSTED_ONLY ? [h.hosted] : h.urls;

async function example(page, n) {
  await page.click('#example');
  await page.click(`#example-menu li:nth-child(${n}) button`);
  await page.waitForSelector('#article:not([hidden]) .qs');
}

/** In the page: the whole text of the quote that has the focus, or null. */
const quoteText = () => {
  const q = document.activeElement.closest('[data-q]');
  return q && [...document.querySelectorAll(`#article [data-q="${q.dataset.q}"]`)].map((e) => e.textContent).join('');
};

/** The speaker panel as plain data. */
const panel = (page) => page.$$eval('#speakers button', (bs) => bs.map((b) => ({
  name: b.querySelector('.who').textContent,
  role: b.querySelector('.role')?.textContent ?? null,
  aliases: b.querySelector('.aliases')?.textContent ?? null,
  counts: b.querySelector('.counts').textContent,
  label: b.getAttribute('aria-label'),
  pressed: b.getAttribute('aria-pressed'),
  colour: getComputedStyle(b.querySelector('.dot')).backgroundColor,
})));

for (const url of urls) {
  await h.check('speaker panel: role, aliases with pronouns, counts and share; stepping through a speaker', url, async (page) => {
    await h.paste(page, ARTICLE);
    const speakers = await panel(page);
    assert.deepEqual(speakers.map((s) => s.name), ['Omar Reyes', 'Jane Smith'], 'most quoted first: ' + JSON.stringify(speakers));
    const [omar, jane] = speakers;
    assert.equal(jane.role, 'Mayor');
    assert.equal(jane.aliases, '← she', 'the pronoun that resolved to her is listed');
    assert.equal(omar.aliases, '← Reyes, he');
    // Words in direct quotes: Jane 11 + 6, Omar 3 + 5 (reported speech has no quoted words).
    assert.equal(jane.counts, '2 quotes · 68% of the quoted words');
    assert.equal(omar.counts, '2 quotes + 1 reported · 32% of the quoted words');
    assert.match(jane.label, /^Jane Smith, Mayor: 2 quotes, 68% of the quoted words\. Also called she\./);
    assert.notEqual(jane.colour, omar.colour, 'each speaker has an accent of their own');
    // The accent of a speaker is the bar at the start of their quotes.
    const bars = await page.$$eval('#article .qs:not(.reported)', (els) => els.map((e) => [e.textContent.slice(0, 12), getComputedStyle(e).boxShadow]));
    assert.ok(bars.every(([, s]) => s.includes('inset')), 'quotes open with an accent bar: ' + JSON.stringify(bars));

    // Clicking a speaker goes to their first quote; j / k then step through theirs only.
    await page.click('#speakers button[data-speaker] >> text=Omar Reyes');
    const focused = () => page.evaluate(quoteText);
    assert.equal(await focused(), '“We are ready,”');
    assert.equal((await panel(page))[0].pressed, 'true');
    await page.keyboard.press('j');
    assert.equal(await focused(), '“Nothing will stop us now,”');
    await page.keyboard.press('j');
    assert.match(await focused(), /^The new trains/, 'his reported speech is his too');
    await page.keyboard.press('j');
    assert.equal(await focused(), '“We are ready,”', 'and round again');
    await page.keyboard.press('k');
    assert.match(await focused(), /^The new trains/);
    assert.match(await page.textContent('#status'), /Omar Reyes: quote 3 of 3/);
    // Esc: j / k go through every quote again.
    await page.keyboard.press('Escape');
    assert.equal((await panel(page))[0].pressed, 'false');
    await page.keyboard.press('j');
    assert.match(await focused(), /^“I love Paris/);
    await shot(page.locator('aside.panel section').nth(1), 'speakers-small', url);
  });

  await h.check('hover and focus draw the link to the speaker and the cue; leaving removes it', url, async (page) => {
    await h.paste(page, ARTICLE);
    const first = page.locator('#article .qs').first();
    await first.hover();
    await page.waitForSelector('#link-overlay:not([hidden]) path[data-to="speaker"]');
    const tip = await page.textContent('#tooltip');
    assert.match(tip, /Jane Smith, Mayor/);
    assert.match(tip, /High confidence \(0\.\d\d\): the quote is followed by “said Jane Smith”\./, tip);
    // The line ends on the speaker mention the rule used (the "Jane Smith" after "said").
    const geo = async () => page.evaluate(() => {
      const d = document.querySelector('#link-overlay path[data-to="speaker"]').getAttribute('d');
      const n = d.match(/-?\d+(\.\d+)?/g).map(Number);
      const spans = [...document.querySelectorAll('#article .p.lit')].filter((s) => s.textContent === 'Jane Smith');
      const r = spans[1].getBoundingClientRect();
      const q = document.querySelector('#article .qs').getBoundingClientRect();
      return { start: n.slice(0, 2), end: n.slice(-2), target: [r.left, r.right, r.top, r.bottom], quote: [q.left, q.top] };
    });
    let g = await geo();
    assert.ok(g.end[0] >= g.target[0] && g.end[0] <= g.target[1] && Math.abs(g.end[1] - g.target[2]) < 3, 'the line ends on the speaker: ' + JSON.stringify(g));
    assert.ok(Math.abs(g.start[0] - g.quote[0]) < 6 && Math.abs(g.start[1] - g.quote[1]) < 6, 'and starts at the quote: ' + JSON.stringify(g));
    // The cue is underlined.
    const cue = await page.$eval('#article .c.lit', (e) => [e.textContent, getComputedStyle(e).textDecorationLine]);
    assert.deepEqual(cue, ['said', 'underline']);
    assert.ok(await page.$('#link-overlay .link-cue-mark'), 'the cue is marked in the overlay');
    await shot(page, 'hover-link', url);
    // Scrolling redraws it where the text went (the quote has the focus, so the link stays).
    await page.mouse.move(1200, 20);
    await page.focus('#article .qs >> nth=0');
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(100);
    g = await geo();
    await page.evaluate(() => window.scrollBy(0, 60));
    await page.waitForFunction((y) => {
      const d = document.querySelector('#link-overlay path[data-to="speaker"]')?.getAttribute('d');
      return d && Math.abs(Number(d.match(/-?\d+(\.\d+)?/g)[1]) - (y - 60)) < 2;
    }, g.start[1]);
    await page.evaluate(() => document.activeElement.blur());
    await first.hover();
    // Leaving the article removes the line, the lit speaker and the cue mark.
    await page.mouse.move(1200, 20);
    await page.waitForSelector('#link-overlay', { state: 'hidden' });
    assert.equal(await page.$$eval('#link-overlay *', (e) => e.length), 0);
    assert.equal(await page.$$eval('#article .lit', (e) => e.length), 0);
    // Keyboard focus draws it too: the pronoun speaker "She" and the cue "added".
    await page.focus('#article .qs >> nth=1');
    await page.waitForSelector('#link-overlay:not([hidden]) path[data-to="speaker"]');
    assert.match(await page.textContent('#tooltip'), /Medium confidence \(0\.\d\d\): “She added” goes with the quote, and “She” refers to Jane Smith/);
    await page.focus('#run').catch(() => {});
    await page.evaluate(() => document.activeElement.blur());
    await page.waitForSelector('#link-overlay', { state: 'hidden' });
  });

  await h.check('places panel and the offline map: names, counts, ambiguity; a place jumps to its mentions', url, async (page, { requests }) => {
    await h.paste(page, ARTICLE);
    await page.waitForSelector('#map[data-ready="true"]');
    const list = await page.$$eval('#places button', (bs) => bs.map((b) => [b.querySelector('.who').textContent, b.querySelector('.count').textContent, b.querySelector('.sub').textContent]));
    const byName = Object.fromEntries(list.map(([n, c, s]) => [n, [c, s]]));
    assert.deepEqual(byName['Lyon, France'], ['2 mentions', 'city']);
    assert.equal(byName['Paris, France'][0], '1 mention');
    assert.match(byName['Madrid, Spain'][1], /ambiguous: 3 places have this name/);
    assert.ok(byName['Geneva, Switzerland'], JSON.stringify(list));
    // One dot a place, each inside the map's view, none requested from the network.
    const dots = await page.$$eval('#map circle.sw-map-dot', (cs) => cs.map((c) => c.getAttribute('aria-label')));
    assert.equal(dots.length, list.length, 'one dot a place: ' + JSON.stringify(dots));
    assert.ok(await page.$$eval('#map path.sw-map-country', (p) => p.length) > 150, 'country outlines drawn');
    assert.ok(requests.every((r) => !/^https?:/.test(r) || r.startsWith(h.base)), 'no request leaves the page');
    // Clicking the list cycles through Lyon's two mentions, focusing each in the article.
    const lyon = page.locator('#places button', { hasText: 'Lyon, France' });
    const at = () => page.evaluate(() => {
      const a = document.activeElement;
      return a && a.classList.contains('l') ? [a.textContent, a.dataset.l] : null;
    });
    await lyon.click();
    const one = await at();
    await lyon.click();
    const two = await at();
    assert.equal(one[0], 'Lyon');
    assert.equal(two[0], 'Lyon');
    assert.notEqual(one[1], two[1], 'the second click goes to the second mention');
    assert.equal(await lyon.getAttribute('aria-pressed'), 'true');
    assert.equal(await page.$eval('#map .sw-map-dot-selected', (c) => c.getAttribute('aria-label')).then((l) => l.startsWith('Lyon')), true, 'its dot is selected');
    // Clicking a dot (and Enter on one) goes to that place.
    await page.click('#map circle[aria-label^="Madrid"]');
    assert.equal((await at())[0], 'Madrid');
    assert.match(await page.textContent('#status'), /Madrid, Spain: mention 1 of 1/);
    await page.focus('#map circle[aria-label^="Geneva"]');
    await page.keyboard.press('Enter');
    assert.equal((await at())[0], 'Geneva');
    await shot(page.locator('aside.panel section').nth(2), 'places-small', url);
  });

  await h.check('overlapping layers: a place and a name inside a quote keep the quote fill', url, async (page) => {
    await h.paste(page, ARTICLE);
    const parts = await page.$$eval('#article [data-q="0"]', (els) => els.map((e) => ({
      text: e.textContent, cls: e.className, bg: getComputedStyle(e).backgroundColor, img: getComputedStyle(e).backgroundImage,
      border: getComputedStyle(e).borderBottomStyle,
    })));
    const quoteBg = parts[0].bg;
    assert.notEqual(quoteBg, 'rgba(0, 0, 0, 0)');
    const paris = parts.find((p) => p.text === 'Paris');
    const omar = parts.find((p) => p.text === 'Omar Reyes');
    assert.ok(paris && /\bl\b/.test(paris.cls) && /\bq\b/.test(paris.cls), JSON.stringify(parts));
    assert.equal(paris.bg, quoteBg, 'the place keeps the quote fill');
    assert.match(paris.img, /gradient/, 'with its own tint over it');
    assert.equal(paris.border, 'dotted');
    assert.equal(omar.bg, quoteBg, 'the name keeps the quote fill');
    assert.equal(omar.border, 'solid');
    assert.equal(parts.map((p) => p.text).join(''), '“I love Paris in the spring, and Omar Reyes knows it,”', 'the quote reads whole');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page.locator('#article'), 'overlap', url);
  });

  await h.check('reported speech: quiet dotted underline, own toggle, its own tooltip', url, async (page) => {
    await h.paste(page, ARTICLE);
    const rep = page.locator('#article .q.reported.qs');
    const style = await rep.evaluate((e) => {
      const s = getComputedStyle(e);
      return { bg: s.backgroundColor, line: s.textDecorationLine, dec: s.textDecorationStyle, colour: s.textDecorationColor, label: e.getAttribute('aria-label') };
    });
    assert.equal(style.bg, 'rgba(0, 0, 0, 0)', 'no fill');
    assert.equal(style.line, 'underline');
    assert.equal(style.dec, 'dotted');
    const omarDot = await page.$eval('#speakers button[data-speaker] .dot', (d) => getComputedStyle(d).backgroundColor);
    assert.equal(style.colour, omarDot, "underlined in the speaker's accent");
    assert.match(style.label, /^Reported speech, not a direct quote, by Omar Reyes/);
    assert.equal(await page.textContent('#count-reported'), '1');
    assert.equal(await page.textContent('#count-quotes'), '4');
    await rep.hover();
    await page.waitForSelector('#tooltip:not([hidden])');
    const tip = await page.textContent('#tooltip');
    assert.match(tip, /^Reported speech, not a direct quote · Omar Reyes/);
    assert.match(tip, /(Medium|Low) confidence \(0\.\d\d\): “Reyes said” introduces the clause; there are no quotation marks\./);
    // The legend toggle hides the underline and brings it back; it is on at first.
    assert.equal(await page.isChecked('#show-reported'), true);
    await page.click('label.t-reported');
    assert.equal(await rep.evaluate((e) => getComputedStyle(e).textDecorationLine), 'none');
    await page.click('label.t-reported');
    assert.equal(await rep.evaluate((e) => getComputedStyle(e).textDecorationLine), 'underline');
  });

  await h.check('seed article: speaker panel and map; dark mode; print view labels', url, async (page) => {
    await example(page, 2);
    await page.waitForSelector('#map[data-ready="true"]');
    const speakers = await panel(page);
    assert.ok(speakers.length >= 3, JSON.stringify(speakers));
    const z = speakers.find((s) => s.name === 'Volodymyr Zelenskyy');
    assert.ok(z && z.role === 'Ukrainian President' && /Zelenskyy/.test(z.aliases), JSON.stringify(z));
    assert.ok(speakers.some((s) => s.role && /chief of staff/.test(s.role)), 'a role the article states ("Zelenskyy’s chief of staff")');
    assert.ok(await page.$$eval('#map circle.sw-map-dot', (c) => c.length) >= 4);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'page', url);
    await shot(page.locator('aside.panel'), 'panel', url);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Dark mode follows the system, map included.
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => ({
      body: getComputedStyle(document.body).backgroundColor,
      land: getComputedStyle(document.querySelector('#map .sw-map-country:not(.sw-map-country-named)')).fill,
      sea: getComputedStyle(document.querySelector('#map .sw-map-sea')).fill,
      ink: getComputedStyle(document.querySelector('#article')).color,
    }));
    const lum = (c) => { const [r, g, b] = c.match(/\d+/g).map(Number); return (r + g + b) / 3; };
    assert.ok(lum(dark.body) < 60 && lum(dark.land) < 90 && lum(dark.sea) < 90 && lum(dark.ink) > 180, JSON.stringify(dark));
    await page.hover('#article .qs:not(.quiet) >> nth=1');
    await shot(page, 'dark', url);
    await page.mouse.move(1200, 10);
    await page.emulateMedia({ colorScheme: 'light' });

    // Print: controls hidden, the speaker after each quote and the country after each place.
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => {
      const after = (sel) => [...document.querySelectorAll(sel)].map((e) => getComputedStyle(e, '::after').content);
      return {
        actions: getComputedStyle(document.querySelector('.top .actions')).display,
        legend: getComputedStyle(document.querySelector('.legend')).display,
        quotes: after('#article .q.qe[data-speaker]'),
        places: after('#article .l.le').slice(0, 3),
        panel: getComputedStyle(document.querySelector('#speakers')).display,
      };
    });
    assert.equal(print.actions, 'none');
    assert.equal(print.legend, 'none');
    assert.notEqual(print.panel, 'none', 'the speaker list prints');
    assert.ok(print.quotes.some((c) => c.includes('Volodymyr Zelenskyy')), JSON.stringify(print.quotes));
    assert.ok(print.quotes.some((c) => c.includes('(reported)')), 'reported speech is labelled as such');
    assert.ok(print.places.every((c) => /\[[A-Za-z]+\]/.test(c)), JSON.stringify(print.places));
    await shot(page, 'print', url, { fullPage: true });
  });

  await h.check('keyboard and ARIA: panel buttons, map dots and the export menu', url, async (page) => {
    await h.paste(page, ARTICLE);
    await page.waitForSelector('#map[data-ready="true"]');
    const unlabelled = await page.$$eval('#speakers button, #places button, #map circle, #export, #show-reported',
      (els) => els.filter((e) => !(e.getAttribute('aria-label') || e.textContent.trim() || e.closest('label'))).length);
    assert.equal(unlabelled, 0);
    // Arrow keys move between dots; Enter picks one.
    await page.focus('#map circle.sw-map-dot >> nth=0');
    const first = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement.getAttribute('aria-label'));
    assert.notEqual(first, second);
    await page.keyboard.press('Enter');
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('l')), 'Enter on a dot focuses the place in the text');
    // The speaker buttons work from the keyboard.
    await page.focus('#speakers button >> nth=1');
    await page.keyboard.press('Enter');
    assert.match(await page.evaluate(quoteText), /^“I love Paris/);
    // The export menu opens with the keyboard, moves with arrows, closes with Escape.
    await page.focus('#export');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#export', 'aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'menuitem');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.format), 'csv');
    await page.keyboard.press('Escape');
    assert.equal(await page.isHidden('#export-menu'), true);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'export');
  });
}
await h.done();
