#!/usr/bin/env node
// Generates www/world.js: compact country outlines for the page's offline world map.
//
// Source: Natural Earth 1:50m Admin 0 countries (public domain), as TopoJSON in the npm
// package `world-atlas` 2.0.2 (ISC); decoded with `topojson-client`; ISO 3166-1 numeric ids
// mapped to alpha-2 codes (the gazetteer's `country` field) with `i18n-iso-countries`.
// All three are devDependencies: nothing here is fetched at run time.
//
// Projection: Natural Earth I (Šavrič, Jenny, Patterson and Jenny 2011; the polynomial
// form also used by d3-geo), written out below and emitted verbatim into world.js as
// `project(lat, lon)`, so the outlines and the dots can never disagree.
// Each TopoJSON arc is simplified (Douglas-Peucker, tolerance in viewBox units) before the
// rings are assembled, so shared borders stay shared. Coordinates are quantised to a grid of 1/PRECISION user units and written as SVG path
// strings with relative moves; rings that collapse below three distinct grid points are
// dropped.
//
// Run: node scripts/build_map.mjs [--out FILE]   (writes www/world.js and prints its sizes)

import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as topojson from 'topojson-client';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(ROOT, 'www', 'world.js');

const WIDTH = 1000; // user units of the SVG viewBox
const PRECISION = 2; // grid steps per user unit (0.5 unit resolution)

// The projection, emitted into world.js as source. Degrees in, viewBox units out.
// K (scale) and the centre offsets are filled in below by string substitution.
const PROJECT_SRC = `function project(lat, lon) {
  const l = (Math.max(-180, Math.min(180, lon)) * Math.PI) / 180;
  const p = (Math.max(-90, Math.min(90, lat)) * Math.PI) / 180;
  const p2 = p * p, p4 = p2 * p2;
  const x = l * (0.8707 - 0.131979 * p2 + p4 * (-0.013791 + p4 * (0.003971 * p2 - 0.001529 * p4)));
  const y = p * (1.007226 + p2 * (0.015085 + p4 * (-0.044475 + 0.028874 * p2 - 0.005916 * p4)));
  return [__CX__ + __K__ * x, __CY__ - __K__ * y];
}`;

// Extent of the raw projection: x at lon ±180 on the equator, y at the poles.
const rawX = Math.PI * 0.8707;
const pp = Math.PI / 2, pp2 = pp * pp, pp4 = pp2 * pp2;
const rawY = pp * (1.007226 + pp2 * (0.015085 + pp4 * (-0.044475 + 0.028874 * pp2 - 0.005916 * pp4)));
const K = WIDTH / (2 * rawX);
const HEIGHT = Math.ceil(2 * rawY * K);
const src = PROJECT_SRC.replace(/__K__/g, String(K))
  .replace('__CX__', String(WIDTH / 2))
  .replace('__CY__', String(HEIGHT / 2));
// eslint-disable-next-line no-new-func
const project = new Function(`return (${src});`)();

const SCALE = process.env.MAP_SCALE || '50m';
const TOLERANCE = Number(process.env.MAP_TOLERANCE || 0.6); // user units, Douglas-Peucker on arcs
const topo = structuredClone(require(`world-atlas/countries-${SCALE}.json`));

// Simplify every arc (not every ring), so that borders shared by two countries stay
// identical and no gaps or overlaps appear. Arcs are first made absolute (TopoJSON stores
// them as quantised deltas), then simplified in projected units, end points kept.
function absoluteArcs(t) {
  const [sx, sy] = t.transform.scale, [tx, ty] = t.transform.translate;
  t.arcs = t.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => ((x += dx), (y += dy), [x * sx + tx, y * sy + ty]));
  });
  delete t.transform;
}
function douglasPeucker(pts, tol) {
  if (pts.length < 3) return pts;
  const P = pts.map(([lon, lat]) => project(lat, lon));
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = P[a], [bx, by] = P[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let best = -1, bi = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = P[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / len;
      if (d > best) (best = d), (bi = i);
    }
    if (best > tol) {
      keep[bi] = 1;
      stack.push([a, bi], [bi, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}
absoluteArcs(topo);
// A small country whose outline the tolerance would wipe out (Malta, Singapore, Bahrain,
// Andorra) is drawn from arcs simplified with a finer one, so every country keeps a shape.
const FINE_TOLERANCE = Math.min(TOLERANCE, 0.25);
const fineTopo = { ...topo, arcs: topo.arcs.map((arc) => douglasPeucker(arc, FINE_TOLERANCE)) };
topo.arcs = topo.arcs.map((arc) => douglasPeucker(arc, TOLERANCE));
const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

// Natural Earth units without an ISO 3166-1 numeric id: Kosovo has the user-assigned code
// XK (the gazetteer uses it); Somaliland and Northern Cyprus take the code of the state the
// gazetteer files their towns under, so their places light up the right outline; the
// Australian Indian Ocean Territories are drawn as Christmas Island (CX); the Siachen
// Glacier, claimed by two states, gets no code.
const NO_ID = { Kosovo: 'XK', Somaliland: 'SO', 'N. Cyprus': 'CY', 'Indian Ocean Ter.': 'CX', 'Siachen Glacier': '' };

function ringPath(ring) {
  const pts = [];
  for (const [lon, lat] of ring) {
    const [x, y] = project(lat, lon);
    const q = [Math.round(x * PRECISION), Math.round(y * PRECISION)];
    const last = pts[pts.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) pts.push(q);
  }
  if (pts.length > 1) {
    const a = pts[0], b = pts[pts.length - 1];
    if (a[0] === b[0] && a[1] === b[1]) pts.pop();
  }
  if (new Set(pts.map((p) => p.join())).size < 3) return '';
  const num = (v) => {
    const s = String(v / PRECISION);
    return s.startsWith('0.') ? s.slice(1) : s.startsWith('-0.') ? '-' + s.slice(2) : s;
  };
  // Join numbers with the fewest separators: '-' and a leading '.' separate by themselves
  // (a '.' only when the previous number has no '.' of its own).
  let out = `M${num(pts[0][0])} ${num(pts[0][1])}l`;
  let prev = null;
  const push = (s) => {
    if (prev !== null && !s.startsWith('-') && !(s.startsWith('.') && prev.includes('.'))) out += ' ';
    out += s;
    prev = s;
  };
  for (let i = 1; i < pts.length; i++) {
    push(num(pts[i][0] - pts[i - 1][0]));
    push(num(pts[i][1] - pts[i - 1][1]));
  }
  return out + 'z';
}

// The data are spherical: a ring may cross the antimeridian (Russia, Fiji, the Aleutians)
// or go round a pole (Antarctica). For a flat map, unwrap the longitudes so that no edge
// jumps by more than 180°, close a ring round a pole along the pole line, then clip the
// unwrapped polygon to each 360° window and shift the pieces back into [-180, 180].
function cutRing(ring) {
  const pts = ring.slice();
  if (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
  const u = [];
  for (const [lon, lat] of pts) {
    let l = lon;
    if (u.length) {
      const prev = u[u.length - 1][0];
      while (l - prev > 180) l -= 360;
      while (l - prev < -180) l += 360;
    }
    u.push([l, lat]);
  }
  if (!u.length) return [];
  // Closing edge: does the ring come back 360° off (round a pole)?
  let close = pts[0][0];
  const last = u[u.length - 1][0];
  while (close - last > 180) close -= 360;
  while (close - last < -180) close += 360;
  if (Math.abs(close - u[0][0]) > 1e-9) {
    const meanLat = u.reduce((a, p) => a + p[1], 0) / u.length;
    const pole = meanLat < 0 ? -90 : 90;
    u.push([close, u[u.length - 1][1]], [close, pole], [u[0][0], pole]);
  }
  let lo = Infinity, hi = -Infinity;
  for (const [l] of u) (lo = Math.min(lo, l)), (hi = Math.max(hi, l));
  if (lo >= -180 && hi <= 180) return [u];
  const pieces = [];
  for (let k = Math.floor((lo + 180) / 360); k * 360 - 180 < hi; k++) {
    let poly = clipX(u, k * 360 - 180, 1);
    poly = clipX(poly, k * 360 + 180, -1);
    if (poly.length >= 3) pieces.push(poly.map(([l, lat]) => [l - k * 360, lat]));
  }
  return pieces;
}

// Sutherland-Hodgman against one vertical line: keep x >= x0 (side 1) or x <= x0 (side -1).
function clipX(poly, x0, side) {
  const out = [];
  const inside = (p) => side * (p[0] - x0) >= 0;
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i], b = poly[(i + 1) % poly.length];
    const ia = inside(a), ib = inside(b);
    if (ia) out.push(a);
    if (ia !== ib) {
      const t = (x0 - a[0]) / (b[0] - a[0]);
      out.push([x0, a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function geometryPath(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  return polys.flatMap((poly) => poly.flatMap(cutRing).map(ringPath)).filter(Boolean).join('');
}

const fc = topojson.feature(topo, topo.objects.countries);
const fineFc = topojson.feature(fineTopo, fineTopo.objects.countries);
const out = [];
for (const [i, f] of fc.features.entries()) {
  const neName = f.properties.name;
  const iso = f.id ? countries.numericToAlpha2(f.id) : NO_ID[neName];
  if (iso === undefined) throw new Error(`no ISO code for ${neName} (${f.id})`);
  const d = geometryPath(f.geometry) || geometryPath(fineFc.features[i].geometry);
  if (!d) continue;
  const name = neName in NO_ID && neName !== 'Kosovo' ? neName : countries.getName(iso, 'en') || neName;
  out.push({ iso, name, d });
}
// The outline of the whole globe (the map's edge), drawn as the sea.
const edge = [];
for (let lat = -90; lat <= 90; lat += 2) edge.push([180, lat]);
for (let lat = 90; lat >= -90; lat -= 2) edge.push([-180, lat]);
const sphere = ringPath(edge);

out.sort((a, b) => a.iso.localeCompare(b.iso) || a.name.localeCompare(b.name));

const js = `// Generated by scripts/build_map.mjs; do not edit.
// Country outlines: Natural Earth 1:${SCALE} Admin 0 (public domain), via npm world-atlas 2.0.2.
// Natural Earth I projection; viewBox 0 0 ${WIDTH} ${HEIGHT}. See data/NOTICE.md.
export const WORLD = ${JSON.stringify({ width: WIDTH, height: HEIGHT, projection: 'naturalEarth1', source: 'Natural Earth 1:${SCALE} (public domain)', sphere, countries: out })
  .replace(/\{"iso"/g, '\n{"iso"')};
/** Project degrees of latitude and longitude onto the outlines' viewBox: returns [x, y]. */
export ${src}
`;
writeFileSync(OUT, js);
const gz = gzipSync(js, { level: 9 }).length;
console.log(`${path.relative(process.cwd(), OUT)}: ${out.length} countries, ${js.length} bytes, ${gz} bytes gzip, viewBox 0 0 ${WIDTH} ${HEIGHT}`);
