import { harness } from './harness.mjs';
import fs from 'node:fs';
const h = await harness();
const text = fs.readFileSync('/tmp/w/conll/story.txt', 'utf8');
await h.check('shot', h.urls[0], async page => {
  await h.paste(page, text);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: '/tmp/w/shot1.png', fullPage: false });
  const link = await page.$('mark.quote, .quote');
  if (link) { await link.click(); await page.waitForTimeout(500); }
  await page.screenshot({ path: '/tmp/w/shot2.png', fullPage: false });
});
await h.done();
