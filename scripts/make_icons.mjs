// Renders the app icons from www/icons/icon.svg with headless Chromium (playwright-core,
// /usr/bin/chromium): icon-192.png and icon-512.png (rounded square, purpose "any") and
// icon-maskable-512.png (full-bleed, the mark inside the 80% safe zone, purpose "maskable").
// The PNGs are committed; run this again after changing the SVG:  node scripts/make_icons.mjs
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'www', 'icons');
const svg = fs.readFileSync(path.join(DIR, 'icon.svg'), 'utf8');
const background = /<rect [^>]*fill="(#[0-9A-Fa-f]{6})"[^>]*\/>/.exec(svg);
if (!background) throw new Error('icon.svg: expected a <rect … fill="#rrggbb"/> background');
// Maskable: a square background, the rest scaled to 80% about the centre.
const inner = svg.replace(background[0], '').replace(/^<svg[^>]*>|<\/svg>\s*$/g, '');
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${background[1]}"/>`
  + `<g transform="translate(256 256) scale(0.8) translate(-256 -256)">${inner}</g></svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, source, size] of [['icon-192.png', svg, 192], ['icon-512.png', svg, 512], ['icon-maskable-512.png', maskable, 512]]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const url = 'data:image/svg+xml;base64,' + Buffer.from(source).toString('base64');
  await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${url}" width="${size}" height="${size}">`);
  await page.waitForFunction(() => document.images[0].complete);
  await page.screenshot({ path: path.join(DIR, name), omitBackground: true });
  await page.close();
  console.log('wrote', path.join('www/icons', name));
}
await browser.close();
