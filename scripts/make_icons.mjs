// Renders the app icons from www/icons/icon.svg with headless Chromium (playwright-core,
// /usr/bin/chromium): icon-192.png and icon-512.png (rounded square, purpose "any") and
// icon-maskable-512.png (full-bleed, the mark inside the 80% safe zone, purpose "maskable").
// The PNGs are committed; run this again after changing the SVG:  node scripts/make_icons.mjs
//
// They are written as palette PNGs (at most 256 colours, with alpha): the icon has four flat
// colours and their anti-aliased edges, so a palette keeps it as it is drawn at a third of
// the bytes of Chromium's own RGBA screenshot (the service worker precaches all three).
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** A palette PNG of RGBA pixels `px` (width × height × 4 bytes). */
function palettePng(px, width, height) {
  // The palette: every colour when there are at most 256, else the 256 most frequent, the
  // other pixels mapped to the nearest of them (alpha counts like a colour channel).
  const count = new Map();
  for (let i = 0; i < px.length; i += 4) {
    const c = px.readUInt32BE(i);
    count.set(c, (count.get(c) || 0) + 1);
  }
  const palette = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 256).map(([c]) => c);
  const index = new Map(palette.map((c, i) => [c, i]));
  const channels = (c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255];
  const nearest = (c) => {
    const [r, g, b, a] = channels(c);
    let best = 0, bestD = Infinity;
    palette.forEach((p, i) => {
      const [pr, pg, pb, pa] = channels(p);
      const d = (r - pr) ** 2 + (g - pg) ** 2 + (b - pb) ** 2 + (a - pa) ** 2;
      if (d < bestD) { best = i; bestD = d; }
    });
    index.set(c, best);
    return best;
  };
  // Scanlines, each with filter byte 0 (none): for a palette image the best choice.
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = px.readUInt32BE((y * width + x) * 4);
      raw[y * (width + 1) + 1 + x] = index.has(c) ? index.get(c) : nearest(c);
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 3, 0, 0, 0], 8); // 8-bit indices, colour type 3 (palette), no interlace
  const plte = Buffer.from(palette.flatMap((c) => channels(c).slice(0, 3)));
  // tRNS: the alpha of each palette entry, up to the last that is not opaque.
  const alphas = palette.map((c) => c & 255);
  let last = alphas.length;
  while (last > 0 && alphas[last - 1] === 255) last--;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', plte),
    ...(last > 0 ? [chunk('tRNS', Buffer.from(alphas.slice(0, last)))] : []),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

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
  // The pixels as drawn (not premultiplied), read back from a canvas.
  const rgba = await page.evaluate((n) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = n;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(document.images[0], 0, 0, n, n);
    return Array.from(ctx.getImageData(0, 0, n, n).data);
  }, size);
  fs.writeFileSync(path.join(DIR, name), palettePng(Buffer.from(rgba), size, size));
  await page.close();
  console.log('wrote', path.join('www/icons', name));
}
await browser.close();
