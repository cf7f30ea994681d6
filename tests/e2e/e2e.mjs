// End-to-end test of the built page (dist/) in Debian's Chromium, driven by playwright-core.
// Serves dist/ on a free loopback port, runs each check on the hosted page and on the
// file:// single file, and prints `N passed, M failed`. Screenshots go to tests/e2e/out/
// (and docs/screenshot.png with SCREENSHOT=1).
import assert from 'node:assert/strict';
import path from 'node:path';
import { harness, ROOT, OUT } from './harness.mjs';

const ARTICLE = 'Mayor Jane Smith opened the new bridge in Lyon on Monday.\n\n'
  + '“We will win this,” said Jane Smith, the mayor of Lyon.\n\n'
  + 'She added: “The work starts today.”';

const { check, paste, base, urls, done } = await harness();
for (const url of urls) {
  await check('paste, highlights and the quote-to-speaker link', url, async (page) => {
    await paste(page, ARTICLE);
    const quotes = await page.$$eval('#article .qs', (els) => els.map((e) => [e.textContent, e.getAttribute('aria-label')]));
    assert.ok(quotes.length >= 2, 'two quotes highlighted: ' + JSON.stringify(quotes));
    assert.match(quotes[0][1], /Jane Smith/, 'the first quote is linked to Jane Smith');
    // Hover: the speaker's mentions light up and the tooltip names the speaker and the rule.
    await page.hover('#article .qs');
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /Jane Smith/);
    assert.match(await page.textContent('#tooltip'), /confidence/);
    const lit = await page.$$eval('#article .p.lit', (els) => els.map((e) => e.textContent));
    assert.ok(lit.includes('Jane Smith'), 'speaker mentions lit on hover: ' + JSON.stringify(lit));
    const places = await page.$$eval('#article .l', (els) => els.map((e) => e.textContent));
    assert.ok(places.includes('Lyon'), 'Lyon is a place: ' + JSON.stringify(places));
    assert.equal(await page.textContent('#count-quotes'), '2');
    const speakers = await page.$$eval('#speakers .who', (els) => els.map((e) => e.textContent));
    assert.deepEqual(speakers, ['Jane Smith']);
  });

  await check('example article, legend counts, speaker cycling, screenshots', url, async (page) => {
    await page.click('#example');
    await page.click('#example-menu li:first-child button');
    await page.waitForSelector('#article:not([hidden]) .qs');
    assert.ok(Number(await page.textContent('#count-quotes')) >= 7, 'quotes counted');
    assert.ok(Number(await page.textContent('#count-places')) > 0, 'places counted');
    const first = await page.$('#speakers button');
    await first.click();
    assert.ok(await page.evaluate(() => document.activeElement.classList.contains('qs')), 'clicking a speaker focuses a quote');
    await page.keyboard.press('j');
    await page.click('label.t-place');
    assert.ok(await page.$eval('#article', (a) => a.classList.contains('hide-places')), 'the legend hides places');
    await page.click('label.t-place');
    assert.ok(!(await page.$eval('#article', (a) => a.classList.contains('hide-places'))), 'and shows them again');
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = url.startsWith('file:') ? 'single-desktop.png' : 'desktop.png';
    await page.screenshot({ path: path.join(OUT, shot), fullPage: false });
    if (process.env.SCREENSHOT && !url.startsWith('file:')) {
      await page.hover('#article .qs:not(.quiet) >> nth=0');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png'), fullPage: false });
    }
  });

  await check('file picker, drop, reload keeps the text', url, async (page) => {
    await page.setInputFiles('#file', { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('“It is ready,” said Omar Reyes in Madrid.') });
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Omar Reyes'));
    const dt = await page.evaluateHandle(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['“Dropped words,” said Nadia Rahman.'], 'drop.txt', { type: 'text/plain' }));
      return dt;
    });
    await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Nadia Rahman'));
    if (!page.url().startsWith('file:')) {
      await page.reload();
      await page.waitForSelector('body[data-ready="true"]');
      await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Nadia Rahman'));
    }
  });

  await check('hostile HTML runs nothing; bad files get a message', url, async (page, { dialogs }) => {
    const html = '<html><head><script>alert(1)</script></head><body><nav>Menu Home</nav><article><h1>Title here</h1>'
      + '<p>“Safe text,” said Ana Lopez.<img src=x onerror="alert(2)"></p><p><a href="javascript:alert(3)">link</a>'
      + '<svg onload="alert(4)"><script>alert(5)</script></svg></p></article><footer>Footer</footer></body></html>';
    await page.setInputFiles('#file', { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('Safe text'));
    const text = await page.textContent('#article');
    assert.ok(!text.includes('Menu Home') && !text.includes('Footer') && !text.includes('alert'), 'only the article text: ' + text);
    assert.equal(await page.$$eval('#article img, #article script, #article svg, #article a', (e) => e.length), 0);
    await page.setInputFiles('#file', { name: 'bin.txt', mimeType: 'text/plain', buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1]) });
    await page.waitForFunction(() => /binary/.test(document.querySelector('#status').textContent));
    await page.setInputFiles('#file', { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await page.waitForFunction(() => /empty/.test(document.querySelector('#status').textContent));
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, [], 'no dialog opened');
  });

  await check('phone width', url, async (page) => {
    await paste(page, ARTICLE);
    const shot = url.startsWith('file:') ? 'single-phone.png' : 'phone.png';
    await page.screenshot({ path: path.join(OUT, shot), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, 'no horizontal scrolling at phone width');
  }, { viewport: { width: 390, height: 844 } });
}

// Nothing is fetched from anywhere but the page's own origin.
await check('no request leaves the page origin', base + '/index.html', async (page, { requests }) => {
  await paste(page, ARTICLE);
  const foreign = requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'));
  assert.deepEqual(foreign, []);
});

await done();
