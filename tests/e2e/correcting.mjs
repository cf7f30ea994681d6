// End-to-end test of correcting (www/editor.js over www/corrections.js) in the built page:
// relabel, remove and reassign from the highlight menu (mouse and keyboard), add a highlight
// from a text selection, undo/redo by buttons and keys, a lexicon rule applied to an article
// pasted after, reload keeps corrections and lexicon, "Clear" asks in the page and Cancel
// keeps everything, and axe finds no serious problem in the menu or the dialogs.
// Run: node tests/e2e/correcting.mjs (DIST=/other/dist to test another build).
// SCREENSHOT=1 also writes docs/screenshots/correcting-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { harness, ROOT, OUT } from './harness.mjs';

// Our own small texts.
const A = 'Mayor Ada Park spoke in Hull on Friday.\n\n'
  + '“The port will reopen,” said Ada Park. The town council disagreed.\n\n'
  + '“Not this year,” a spokesman said. Jordan Lee walked to the harbour, and Ada Park smiled.';
const B = 'Jordan Lee and Ada Park met in Selby on Monday.\n\n“It went well,” Ada Park said at the harbour.';

const h = await harness();
const shots = process.env.SCREENSHOT ? path.join(ROOT, 'docs/screenshots') : null;
if (shots) fs.mkdirSync(shots, { recursive: true });

const texts = (page, sel) => page.$$eval(sel, (els) => els.map((e) => e.textContent));
const count = async (page) => Number(await page.textContent('#corrections-count'));

/** Click the highlight whose text is `text` (of class `cls`) and wait for the menu. */
async function menuOn(page, cls, text) {
  await page.locator(`#article .${cls}`, { hasText: text }).first().click();
  await page.waitForSelector('#correct-menu[role="menu"]');
}

async function choose(page, label) {
  const item = page.locator('#correct-menu [role^="menuitem"]', { hasText: label }).first();
  await item.click();
  await page.waitForSelector('#correct-menu', { state: 'detached' });
}

/** Select `needle` in the article (across highlights if need be) as a reader would, then wait for the toolbar. */
async function select(page, needle) {
  await page.evaluate((needle) => {
    const article = document.getElementById('article');
    const at = article.textContent.indexOf(needle);
    if (at < 0) throw new Error('not in the article: ' + needle);
    const point = (offset) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (pos + n.data.length >= offset) return [n, offset - pos];
        pos += n.data.length;
      }
      throw new Error('offset out of the article');
    };
    const r = document.createRange();
    r.setStart(...point(at));
    r.setEnd(...point(at + needle.length));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }, needle);
  await page.waitForSelector('#add-toolbar:not([hidden])');
}

async function axe(page, what) {
  await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(bad, [], `axe (${what}): no serious or critical violations`);
}

const tag = (url) => (url.startsWith('file:') ? 'file' : 'hosted');

for (const url of h.urls) {
  await h.check('relabel, remove and reassign from the highlight menu', url, async (page, { dialogs }) => {
    await h.paste(page, A);
    assert.deepEqual(await texts(page, '#article .l'), ['Hull'], 'the core finds Hull as a place');
    assert.equal(await count(page), 0);
    assert.equal(await page.isDisabled('#undo'), true, 'nothing to undo yet');

    // Relabel: the place becomes a person.
    await menuOn(page, 'l', 'Hull');
    assert.equal(await page.getAttribute('#correct-menu', 'role'), 'menu');
    assert.ok(await page.evaluate(() => document.getElementById('correct-menu').contains(document.activeElement)), 'focus moves into the menu');
    await choose(page, 'It is a person');
    assert.deepEqual(await texts(page, '#article .l'), [], 'no place left');
    assert.ok((await texts(page, '#article .p')).includes('Hull'), 'Hull is a person now');
    const hull = page.locator('#article .p', { hasText: 'Hull' }).first();
    assert.match(await hull.getAttribute('title'), /corrected by you/);
    assert.match(await hull.getAttribute('class'), /\bfixed\b/, 'marked as corrected');
    assert.equal(await count(page), 1);

    // Remove: Jordan Lee is no longer highlighted.
    await menuOn(page, 'p', 'Jordan Lee');
    await choose(page, 'Remove this highlight');
    assert.ok(!(await texts(page, '#article .p')).includes('Jordan Lee'), 'Jordan Lee not highlighted');
    assert.equal(await count(page), 2);

    // Reassign: the spokesman's quote to Ada Park; the label and the tooltip say so.
    const q2 = page.locator('#article .qs', { hasText: 'Not this year' });
    assert.match(await q2.getAttribute('aria-label'), /no speaker/);
    await q2.click();
    await page.waitForSelector('#correct-menu');
    const radios = await texts(page, '#correct-menu [role="menuitemradio"]');
    assert.ok(radios.includes('Ada Park') && radios.includes('No speaker'), 'people and “No speaker”: ' + radios);
    assert.ok(!radios.includes('Jordan Lee'), 'a removed person is not offered');
    assert.equal(await page.getAttribute('#correct-menu [role="menuitemradio"]:has-text("No speaker")', 'aria-checked'), 'true');
    await choose(page, 'Ada Park');
    assert.match(await q2.getAttribute('aria-label'), /Quote by Ada Park.*Corrected by you/);
    await page.mouse.move(1, 1);
    await q2.hover();
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /Corrected by you/);
    // The speaker panel follows without running the annotator again.
    const annotated = await page.getAttribute('body', 'data-annotated');
    assert.match(await page.textContent('#speakers'), /Ada Park[\s\S]*2 quotes/);
    // Reassign to nobody.
    await menuOn(page, 'qs', 'The port will reopen');
    await choose(page, 'No speaker');
    assert.match(await page.locator('#article .qs', { hasText: 'The port' }).getAttribute('aria-label'), /no speaker/);
    assert.equal(await count(page), 4);
    assert.equal(await page.getAttribute('body', 'data-annotated'), annotated, 'no new annotation run');
    assert.deepEqual(dialogs, [], 'no browser dialog');
  });

  await h.check('keyboard: Enter opens the menu, arrows move, Escape closes and focus returns', url, async (page) => {
    await h.paste(page, A);
    await page.focus('#article .qs');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#correct-menu');
    const focused = () => page.evaluate(() => document.activeElement.textContent);
    const first = await focused();
    await page.keyboard.press('ArrowDown');
    assert.notEqual(await focused(), first, 'ArrowDown moves');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), first, 'ArrowUp moves back');
    await page.keyboard.press('End');
    assert.equal(await focused(), 'Remove this highlight');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#correct-menu', { state: 'detached' });
    assert.ok(await page.evaluate(() => document.activeElement.matches('#article .qs')), 'focus is back on the quote');
    // A place: Enter, then "Remove" chosen by keyboard.
    await page.focus('#article .l');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#correct-menu');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), 'Remove this highlight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#correct-menu', { state: 'detached' });
    assert.deepEqual(await texts(page, '#article .l'), []);
    assert.ok(await page.evaluate(() => document.activeElement.closest('#article') && document.activeElement.tabIndex === 0),
      'focus stays in the article, on the next highlight');
    // Letters in the menu jump to an item (type-ahead); they do not step through quotes (j/k).
    await page.focus('#article .qs');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#correct-menu');
    await page.keyboard.press('j');
    assert.equal(await focused(), 'Jordan Lee', 'type-ahead');
    await page.keyboard.press('Escape');
  });

  await h.check('add by selection; undo and redo by buttons and keys', url, async (page) => {
    await h.paste(page, A);
    await select(page, 'harbour');
    assert.equal(await page.getAttribute('#add-toolbar', 'role'), 'toolbar');
    await page.click('#add-toolbar [data-layer="place"]');
    await page.waitForFunction(() => [...document.querySelectorAll('#article .l')].some((e) => e.textContent === 'harbour'));
    assert.equal(await page.isHidden('#add-toolbar'), true, 'the toolbar goes');
    // A person, selected loosely (a part of the word and a space): snapped to the word.
    await select(page, 'pokesman ');
    await page.click('#add-toolbar [data-layer="person"]');
    await page.waitForFunction(() => [...document.querySelectorAll('#article .p')].some((e) => e.textContent === 'spokesman'));
    assert.match(await page.textContent('#mentioned'), /spokesman/, 'a new person in the panel');
    // A quote from plain text.
    await select(page, 'The town council disagreed.');
    await page.click('#add-toolbar [data-layer="quote"]');
    await page.waitForFunction(() => [...document.querySelectorAll('#article .qs')].some((e) => e.textContent.startsWith('The town council')));
    assert.equal(await count(page), 3);
    const places = () => texts(page, '#article .l');
    const hasQuote = () => page.evaluate(() => [...document.querySelectorAll('#article .qs')].some((e) => e.textContent.startsWith('The town council')));

    await page.click('#undo');
    assert.equal(await hasQuote(), false, 'undo (button) removes the added quote');
    assert.equal(await count(page), 2);
    await page.focus('#article .qs');
    await page.keyboard.press('Control+z');
    assert.ok(!(await texts(page, '#article .p')).includes('spokesman'), 'Ctrl+Z removes the added person');
    await page.keyboard.press('Control+z');
    assert.deepEqual(await places(), ['Hull'], 'and the added place');
    assert.equal(await count(page), 0);
    assert.equal(await page.isDisabled('#undo'), true);
    await page.keyboard.press('Control+Shift+Z');
    assert.deepEqual(await places(), ['Hull', 'harbour'], 'Ctrl+Shift+Z redoes');
    await page.keyboard.press('Control+y');
    assert.ok((await texts(page, '#article .p')).includes('spokesman'), 'Ctrl+Y redoes');
    await page.click('#redo');
    assert.equal(await hasQuote(), true, 'the redo button too');
    assert.equal(await page.isDisabled('#redo'), true, 'nothing left to redo');
    assert.equal(await count(page), 3);
    // Typing in the text box keeps its own undo.
    await page.click('#edit');
    await page.focus('#input');
    await page.keyboard.press('Control+z');
    assert.equal(await count(page), 3, 'Ctrl+Z in the text box is not a correction undo');
  });

  await h.check('lexicon: a rule from the menu and one from the manager apply to the next article', url, async (page) => {
    await h.paste(page, A);
    await menuOn(page, 'p', 'Jordan Lee');
    await choose(page, 'Never treat “Jordan Lee” as a person');
    assert.ok(!(await texts(page, '#article .p')).includes('Jordan Lee'), 'applied here at once');
    assert.match(await page.textContent('#status'), /Rule added/);
    // The manager: add "harbour is a place", see both rules.
    await page.click('#corrections-open');
    await page.waitForSelector('#corrections-dialog[open]');
    await page.fill('#cd-rule-text', 'harbour');
    await page.selectOption('#cd-rule-is', 'place');
    await page.click('#cd-rule-add');
    await page.waitForFunction(() => document.querySelectorAll('#cd-lex-list li').length === 2);
    assert.deepEqual(await texts(page, '#cd-lex-list li > span'), ['“Jordan Lee” is not a person', '“harbour” is a place']);
    if (shots && !url.startsWith('file:')) await page.screenshot({ path: path.join(shots, 'correcting-lexicon.png') });
    await page.screenshot({ path: path.join(OUT, `correcting-lexicon-${tag(url)}.png`) });
    await page.keyboard.press('Escape');
    await page.waitForSelector('#corrections-dialog', { state: 'hidden' });

    // A second article, pasted after: both rules hold there.
    await page.click('#edit');
    await h.paste(page, B);
    await page.waitForFunction(() => document.querySelector('#article').textContent.startsWith('Jordan Lee and'));
    const people = await texts(page, '#article .p');
    assert.ok(people.includes('Ada Park'), 'other names stay: ' + people);
    assert.ok(!people.includes('Jordan Lee'), 'Jordan Lee is not a person in the new article');
    assert.ok((await texts(page, '#article .l')).includes('harbour'), 'harbour is a place in the new article');
    const harbour = page.locator('#article .l', { hasText: 'harbour' });
    assert.match(await harbour.getAttribute('title'), /corrected by you: your rule “harbour” is a place/);
    assert.equal(await count(page), 0, 'lexicon rules are not this article’s corrections');

    // Remove one rule in the manager: the article follows.
    await page.click('#corrections-open');
    await page.waitForSelector('#corrections-dialog[open]');
    await page.click('#cd-lex-list button[aria-label="Remove the rule “harbour” is a place"]');
    await page.waitForFunction(() => document.querySelectorAll('#cd-lex-list li').length === 1);
    await page.click('.cd-close');
    assert.ok(!(await texts(page, '#article .l')).includes('harbour'), 'the rule is gone');
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('saywhere.lexicon.v1')));
    assert.deepEqual(stored.rules.map((r) => [r.text, r.is]), [['Jordan Lee', 'not-person']], 'the lexicon is stored once');
  });

  await h.check('reload keeps the corrections and the lexicon; another tab’s rule shows', url, async (page, { context }) => {
    await h.paste(page, A);
    await menuOn(page, 'l', 'Hull');
    await choose(page, 'It is a person');
    await menuOn(page, 'qs', 'Not this year');
    await choose(page, 'Ada Park');
    await menuOn(page, 'p', 'Jordan Lee');
    await choose(page, 'Always treat “Jordan Lee” as a person');
    const before = await page.$$eval('#article .fixed', (els) => els.map((e) => e.textContent));
    assert.ok(before.length >= 2, 'corrected highlights marked: ' + before);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#article:not([hidden]) .fixed');
    assert.deepEqual(await page.$$eval('#article .fixed', (els) => els.map((e) => e.textContent)), before);
    assert.equal(await count(page), 2);
    assert.match(await page.locator('#article .qs', { hasText: 'Not this year' }).getAttribute('aria-label'), /Ada Park/);
    assert.ok((await texts(page, '#article .p')).includes('Hull'));
    await page.click('#corrections-open');
    await page.waitForSelector('#corrections-dialog[open]');
    assert.deepEqual(await texts(page, '#cd-lex-list li > span'), ['“Jordan Lee” is a person']);
    assert.equal(await page.$$eval('#cd-doc-list li', (els) => els.length), 2);
    await axe(page, 'corrections dialog');
    await page.keyboard.press('Escape');
    // Undo still works after the reload.
    await page.click('#undo');
    assert.match(await page.locator('#article .qs', { hasText: 'Not this year' }).getAttribute('aria-label'), /no speaker/);
    // A rule added in another tab of the page shows here too.
    const other = await context.newPage();
    await other.goto(url);
    await other.waitForSelector('body[data-ready="true"]');
    await other.evaluate(() => localStorage.setItem('saywhere.lexicon.v1', JSON.stringify({ v: 1, rules: [{ text: 'Ada Park', is: 'not-person' }] })));
    await page.waitForFunction(() => ![...document.querySelectorAll('#article .p')].some((e) => e.textContent === 'Ada Park'));
    await other.close();
  }, { context: { bypassCSP: true } });

  await h.check('editing the text keeps the corrections outside the changed stretch', url, async (page) => {
    await h.paste(page, A);
    await menuOn(page, 'l', 'Hull');
    await choose(page, 'Remove this highlight');
    await menuOn(page, 'qs', 'Not this year');
    await choose(page, 'Ada Park');
    await page.click('#edit');
    await h.paste(page, A.replace('The town council disagreed.', 'The harbour board, meeting late, disagreed.'));
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('harbour board'));
    assert.deepEqual(await texts(page, '#article .l'), [], 'Hull stays removed');
    assert.match(await page.locator('#article .qs', { hasText: 'Not this year' }).getAttribute('aria-label'), /Ada Park/);
    assert.equal(await count(page), 2);
    assert.match(await page.textContent('#status'), /2 corrections kept from before your edit/);
  });

  await h.check('clear asks in the page; cancel keeps everything; other articles keep their corrections', url, async (page, { dialogs }) => {
    // Article B gets a correction, then article A gets one.
    await h.paste(page, B);
    await menuOn(page, 'l', 'Selby');
    await choose(page, 'Remove this highlight');
    await page.click('#edit');
    await h.paste(page, A);
    await page.waitForFunction(() => document.querySelector('#article').textContent.startsWith('Mayor'));
    await menuOn(page, 'l', 'Hull');
    await choose(page, 'Remove this highlight');
    const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('saywhere.corrections.v1.')).sort());
    const both = await keys();
    assert.equal(both.length, 2, 'one stored entry per article');

    await page.click('#clear');
    await page.waitForSelector('#ask-dialog[open]');
    assert.match(await page.textContent('#ask-dialog'), /Clear this article\?/);
    assert.match(await page.textContent('#ask-dialog'), /corrections to 1 other article/);
    assert.ok(await page.evaluate(() => document.activeElement.id === 'ask-cancel'), 'Cancel has the focus');
    await axe(page, 'clear dialog');
    if (shots && !url.startsWith('file:')) await page.screenshot({ path: path.join(shots, 'correcting-clear.png') });
    await page.click('#ask-cancel');
    await page.waitForSelector('#ask-dialog', { state: 'detached' });
    assert.equal(await page.isVisible('#article'), true, 'the article stays');
    assert.deepEqual(await texts(page, '#article .l'), [], 'with its correction');
    assert.equal(await count(page), 1);
    assert.deepEqual(await keys(), both);

    // Escape cancels too.
    await page.click('#clear');
    await page.waitForSelector('#ask-dialog[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#ask-dialog', { state: 'detached' });
    assert.equal(await page.isVisible('#article'), true);

    // Clear, also deleting this article's corrections: article B's stay.
    await page.click('#clear');
    await page.waitForSelector('#ask-dialog[open]');
    await page.check('#ask-check');
    await page.click('#ask-ok');
    await page.waitForSelector('#ask-dialog', { state: 'detached' });
    const left = await keys();
    assert.equal(left.length, 1, 'only this article’s corrections went');
    assert.ok(both.includes(left[0]));
    assert.deepEqual(dialogs, [], 'never window.confirm');
  }, { context: { bypassCSP: true } });

  await h.check('screenshots of the correction menu and the toolbar; axe with the menu open', url, async (page) => {
    await h.paste(page, A);
    await menuOn(page, 'qs', 'Not this year');
    await axe(page, 'menu open');
    await page.screenshot({ path: path.join(OUT, `correcting-menu-${tag(url)}.png`) });
    if (shots && !url.startsWith('file:')) await page.screenshot({ path: path.join(shots, 'correcting-menu.png'), clip: { x: 0, y: 0, width: 960, height: 640 } });
    // Corrected: the quote is Ada Park's, a dot marks it and the tooltip says who corrected it.
    await choose(page, 'Ada Park');
    await page.mouse.move(1, 1);
    await page.locator('#article .qs', { hasText: 'Not this year' }).hover();
    await page.waitForSelector('#tooltip:not([hidden])');
    assert.match(await page.textContent('#tooltip'), /Corrected by you/);
    await page.screenshot({ path: path.join(OUT, `correcting-corrected-${tag(url)}.png`) });
    if (shots && !url.startsWith('file:')) await page.screenshot({ path: path.join(shots, 'correcting-corrected.png'), clip: { x: 0, y: 0, width: 960, height: 560 } });
    await page.click('#undo');
    await menuOn(page, 'l', 'Hull');
    await page.screenshot({ path: path.join(OUT, `correcting-menu-place-${tag(url)}.png`) });
    await page.keyboard.press('Escape');
    await select(page, 'Jordan Lee walked to the harbour');
    await page.screenshot({ path: path.join(OUT, `correcting-toolbar-${tag(url)}.png`) });
    if (shots && !url.startsWith('file:')) await page.screenshot({ path: path.join(shots, 'correcting-toolbar.png'), clip: { x: 0, y: 0, width: 960, height: 560 } });
  }, { context: { bypassCSP: true } });

  await h.check('dark mode and phone width: the menu fits', url, async (page) => {
    await h.paste(page, A);
    await menuOn(page, 'qs', 'The port will reopen');
    const box = await page.locator('#correct-menu').boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, 'inside the screen: ' + JSON.stringify(box));
    await page.screenshot({ path: path.join(OUT, `correcting-phone-dark-${tag(url)}.png`) });
  }, { viewport: { width: 390, height: 844 }, context: { colorScheme: 'dark' } });
}

await h.done();
