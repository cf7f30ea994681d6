// The offline world map: generated outlines (www/world.js), the projection the dots use,
// and renderMap in headless Chromium. Run: node --test tests/js/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { WORLD, project } from '../../www/world.js';
import { groupPlaces, fitView, placeKey } from '../../www/map.js';
import { COUNTRY_NAMES } from '../../www/countries.js';
import { countryName } from '../../www/reading.js';
import { fixture } from './helpers.mjs';
import { serve, launch } from './browser.mjs';

// Rings of absolute points from the path syntax build_map.mjs writes (M x y l dx dy … z).
function rings(d) {
  const out = [];
  for (const part of d.split('z').filter(Boolean)) {
    const m = part.match(/^M([^l]*)l(.*)$/);
    assert.ok(m, `path piece in the expected form: ${part.slice(0, 40)}`);
    const nums = (s) => (s.match(/-?(?:\d+\.?\d*|\.\d+)/g) || []).map(Number);
    const [x0, y0] = nums(m[1]);
    const ring = [[x0, y0]];
    const rel = nums(m[2]);
    assert.equal(rel.length % 2, 0);
    for (let i = 0; i < rel.length; i += 2) {
      const [px, py] = ring[ring.length - 1];
      ring.push([px + rel[i], py + rel[i + 1]]);
    }
    out.push(ring);
  }
  return out;
}

function inside([x, y], d) {
  let crossings = 0; // even-odd over every ring
  for (const ring of rings(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i], [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) crossings++;
    }
  }
  return crossings % 2 === 1;
}

const byIso = (iso) => WORLD.countries.filter((c) => c.iso === iso).map((c) => c.d).join('');

test('world.js is small: at most 60 KB gzipped', () => {
  const src = readFileSync(fileURLToPath(new URL('../../www/world.js', import.meta.url)));
  const gz = gzipSync(src, { level: 9 }).length;
  assert.ok(gz <= 60 * 1024, `world.js is ${gz} bytes gzipped`);
  assert.ok(WORLD.countries.length >= 170, `${WORLD.countries.length} countries`);
  for (const c of WORLD.countries) {
    assert.match(c.iso, /^([A-Z]{2})?$/);
    assert.ok(c.name && c.d.startsWith('M'));
  }
});

test('www/countries.js names each country as world.js does (scripts/build_countries.py)', () => {
  const want = {};
  for (const c of WORLD.countries) if (c.iso) want[c.iso] = c.name;
  assert.deepEqual({ ...COUNTRY_NAMES }, want, 'run `python3 scripts/build_countries.py` and commit www/countries.js');
  assert.equal(countryName('FR'), 'France');
  assert.equal(countryName('RU'), 'Russia', 'shortened the way news writes it');
});

test('www/world.js is what scripts/build_map.mjs generates (reproducible)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'saywhere-map-'));
  try {
    const out = path.join(dir, 'world.js');
    execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/build_map.mjs', import.meta.url)), '--out', out], { stdio: 'pipe' });
    const committed = readFileSync(fileURLToPath(new URL('../../www/world.js', import.meta.url)), 'utf8');
    assert.ok(readFileSync(out, 'utf8') === committed, 'run `node scripts/build_map.mjs` and commit www/world.js');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('project: the centre, the edges and the poles of the view box', () => {
  assert.deepEqual(project(0, 0), [WORLD.width / 2, WORLD.height / 2]);
  assert.ok(Math.abs(project(0, -180)[0]) < 1e-9);
  assert.ok(Math.abs(project(0, 180)[0] - WORLD.width) < 1e-9);
  assert.ok(project(90, 0)[1] >= 0 && project(-90, 0)[1] <= WORLD.height);
  assert.ok(project(10, 0)[1] < project(0, 0)[1], 'north is up');
  assert.ok(project(0, 10)[0] > project(0, 0)[0], 'east is right');
});

test('places project inside their own country outline, and not the neighbour’s', () => {
  const cases = [
    ['FR', 48.86, 2.35], ['DE', 52.52, 13.4], ['UA', 50.45, 30.52], ['JP', 35.68, 139.69],
    ['US', 38.9, -77.04], ['US', 61.2, -149.9], ['BR', -15.79, -47.88], ['AU', -35.28, 149.13],
    ['RU', 55.75, 37.62], ['RU', 66, 172], ['RU', 66, -175], ['KE', -1.29, 36.82], ['IN', 28.61, 77.21],
    ['CA', 45.42, -75.7], ['AR', -34.6, -58.38], ['ZA', -25.75, 28.19], ['CN', 39.9, 116.4],
    ['FJ', -17.8, 178.0], ['NZ', -43.5, 171.0], ['XK', 42.66, 21.17], ['AQ', -80, 0],
  ];
  for (const [iso, lat, lon] of cases) {
    const d = byIso(iso);
    assert.ok(d, `${iso} has an outline`);
    assert.ok(inside(project(lat, lon), d), `${iso} holds (${lat}, ${lon})`);
  }
  assert.ok(!inside(project(48.86, 2.35), byIso('DE')), 'Paris is not in Germany');
  assert.ok(!inside(project(0, -30), WORLD.countries.map((c) => c.d).join('')), 'mid-Atlantic is sea');
});

test('no outline jumps across the map (rings are cut at the antimeridian)', () => {
  for (const c of WORLD.countries) {
    for (const ring of rings(c.d)) {
      for (let i = 1; i < ring.length; i++) {
        const dx = Math.abs(ring[i][0] - ring[i - 1][0]);
        // Natural Earth I draws the poles as lines: a ring round a pole runs along one.
        const onPole = [90, -90].some((lat) => [ring[i], ring[i - 1]].every(([, y]) => Math.abs(y - project(lat, 0)[1]) < 1));
        if (onPole) continue;
        assert.ok(dx < WORLD.width / 4, `${c.iso} ${c.name}: a segment spans ${dx} units`);
      }
      for (const [x, y] of ring) assert.ok(x >= -1 && x <= WORLD.width + 1 && y >= -1 && y <= WORLD.height + 1, `${c.iso} in the view box`);
    }
  }
});

test('groupPlaces: one entry a place, in order of first mention', () => {
  const { doc } = fixture('crlf');
  const groups = groupPlaces(doc.places);
  assert.deepEqual(groups.map((g) => [g.name, g.places.length]), [['Berlin', 2], ['Germany', 1]]);
  assert.deepEqual(groups[0].indices, doc.places.map((p, i) => (p.name === 'Berlin' ? i : -1)).filter((i) => i >= 0));
  assert.deepEqual([groups[0].x, groups[0].y], project(groups[0].lat, groups[0].lon));
  assert.equal(groups[0].key, placeKey(doc.places[0]));
  assert.deepEqual(groupPlaces([{ name: 'x', lat: NaN, lon: 0, start: 0, end: 1 }, null]), []);
});

test('fitView keeps every point, the aspect ratio and the world bounds', () => {
  assert.deepEqual(fitView([]), [0, 0, WORLD.width, WORLD.height]);
  const pts = [project(48.86, 2.35), project(52.52, 13.4), project(50.45, 30.52)].map(([x, y]) => ({ x, y }));
  const [x, y, w, h] = fitView(pts);
  for (const p of pts) assert.ok(p.x > x && p.x < x + w && p.y > y && p.y < y + h);
  assert.ok(Math.abs(w / h - WORLD.width / WORLD.height) < 0.01);
  assert.ok(w >= 160 && w < WORLD.width / 2, 'zoomed in on Europe');
  const one = fitView([{ x: 2, y: 3 }]);
  assert.ok(one[0] >= 0 && one[1] >= 0 && one[0] + one[2] <= WORLD.width + 0.01 && one[1] + one[3] <= WORLD.height + 0.01);
  const all = fitView([project(60, -170), project(-40, 170)].map(([x, y]) => ({ x, y })));
  assert.deepEqual(all, [0, 0, WORLD.width, WORLD.height]);
});

test('renderMap in Chromium: outlines, labelled focusable dots, click and keyboard select', async () => {
  const { doc } = fixture('plain');
  const page = `<!doctype html><html lang="en"><meta charset="utf-8"><title>map</title><link rel="icon" href="data:,">
<svg id="map" width="800" height="416"></svg><p id="out"></p>
<script type="module">
import { renderMap, project } from '/map.js';
const places = ${JSON.stringify(doc.places)};
window.selected = [];
window.api = renderMap(document.getElementById('map'), places, { onSelect: (g, e) => window.selected.push([g.name, g.places.length, e.type]) });
window.project = project;
window.ready = true;
</script></html>`;
  const server = await serve({ '/t.html': page });
  const browser = await launch();
  try {
    const tab = await browser.newPage();
    const errors = [], requests = [];
    tab.on('pageerror', (e) => errors.push(String(e)));
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(server.url + '/t.html');
    await tab.waitForFunction(() => window.ready);
    const info = await tab.evaluate(() => {
      const svg = document.getElementById('map');
      const dots = [...svg.querySelectorAll('circle.sw-map-dot')];
      return {
        label: svg.getAttribute('aria-label'),
        role: svg.getAttribute('role'),
        countries: svg.querySelectorAll('path.sw-map-country').length,
        named: [...svg.querySelectorAll('path.sw-map-country-named')].map((p) => p.dataset.iso).sort(),
        dots: dots.map((d) => ({
          label: d.getAttribute('aria-label'), title: d.querySelector('title')?.textContent,
          tabindex: d.getAttribute('tabindex'), role: d.getAttribute('role'), key: d.dataset.key,
          cx: Number(d.getAttribute('cx')), cy: Number(d.getAttribute('cy')),
        })),
        // The dot's centre lies in the fill of its country's outline, in the browser's own geometry.
        inCountry: window.api.groups.map((g) => {
          const paths = [...svg.querySelectorAll(`path[data-iso="${g.country}"]`)];
          const pt = new DOMPoint(...window.project(g.lat, g.lon));
          return [g.name, paths.some((p) => p.isPointInFill(pt))];
        }),
      };
    });
    const groups = groupPlaces(doc.places);
    assert.equal(info.role, 'group');
    assert.match(info.label, new RegExp(`World map of ${groups.length} places`));
    assert.ok(info.countries >= 170);
    assert.deepEqual([...new Set(info.named)], [...new Set(groups.map((g) => g.country))].sort());
    assert.equal(info.dots.length, groups.length);
    info.dots.forEach((d, i) => {
      const g = groups[i];
      assert.equal(d.key, g.key);
      assert.equal(d.tabindex, '0');
      assert.equal(d.role, 'button');
      assert.ok(d.label.startsWith(g.name) && d.label.includes(`${g.places.length} mention`));
      assert.equal(d.title, d.label);
      const [x, y] = project(g.lat, g.lon);
      assert.ok(Math.abs(d.cx - x) < 0.01 && Math.abs(d.cy - y) < 0.01, 'dots use project()');
    });
    for (const [name, ok] of info.inCountry) assert.ok(ok, `${name} is drawn inside its country`);

    // Tab reaches the first dot; click; then arrows move the focus, Enter and Space select.
    await tab.keyboard.press('Tab');
    assert.equal(await tab.evaluate(() => document.activeElement.dataset.key), groups[0].key, 'Tab reaches the first dot');
    await tab.click(`circle[data-key="${groups[1].key}"]`);
    await tab.evaluate(() => document.querySelector('circle.sw-map-dot').focus());
    await tab.keyboard.press('ArrowRight');
    const focused = await tab.evaluate(() => document.activeElement.dataset.key);
    assert.equal(focused, groups[1].key);
    await tab.keyboard.press('Enter');
    await tab.keyboard.press('End');
    await tab.keyboard.press(' ');
    const state = await tab.evaluate(() => ({
      selected: window.selected,
      pressed: [...document.querySelectorAll('circle[aria-pressed="true"]')].map((d) => d.dataset.key),
    }));
    const last = groups[groups.length - 1];
    assert.deepEqual(state.selected, [
      [groups[1].name, groups[1].places.length, 'click'],
      [groups[1].name, groups[1].places.length, 'keydown'],
      [last.name, last.places.length, 'keydown'],
    ]);
    assert.deepEqual(state.pressed, [last.key]);
    // select() from the page marks without calling back.
    const after = await tab.evaluate((k) => { window.api.select(k); return [window.selected.length, document.querySelector('circle[aria-pressed="true"]').dataset.key]; }, groups[0].key);
    assert.deepEqual(after, [3, groups[0].key]);
    // Accessibility: axe-core (npm) finds no serious or critical violation in the map.
    await tab.addScriptTag({ path: fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)) });
    const violations = await tab.evaluate(async () => (await window.axe.run(document.getElementById('map')))
      .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`));
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    for (const url of requests) assert.ok(url.startsWith(server.url), `no request leaves the machine: ${url}`);
  } finally {
    await browser.close();
    await server.close();
  }
});
