// Unit tests of scripts/jsbundle.py, the module bundler behind dist/single.html: every import
// and export form it handles, scoping and evaluation order, a tokenizer that is not fooled by
// strings, templates, regexes and comments, the forms it refuses (loudly), and the real page:
// www/app.js and www/worker.js (with a stand-in for the wasm-bindgen glue) bundle into code
// that parses, the worker's as a classic script.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUNDLER = path.join(ROOT, 'scripts', 'jsbundle.py');

/** Writes `files` ({relative path: source}) to a fresh folder; returns its path. */
function tree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-bundle-'));
  for (const [name, src] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), src);
  }
  return dir;
}

function bundle(dir, entry, { classic = false } = {}) {
  const r = spawnSync('python3', [BUNDLER, dir, entry, ...(classic ? ['--classic'] : [])], { encoding: 'utf8' });
  return { ok: r.status === 0, code: r.stdout, error: r.stderr };
}

/** Runs a module bundle as an ES module; the bundle reports through globalThis.LOG. */
async function runModule(code) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-run-')), 'bundle.mjs');
  fs.writeFileSync(file, code);
  globalThis.LOG = [];
  await import(pathToFileURL(file).href);
  return globalThis.LOG;
}

test('every import and export form, each module in its own scope, in dependency order', async () => {
  const dir = tree({
    'app.js': `import { a, b as bee, C } from './lib/one.js';
import two, { twice } from './two.js';
import * as ns from './lib/one.js';
import './side.js';
import { again, one, deep } from './re.js';
const helper = 'app';             // the same top-level name in every module
LOG.push(['app', helper, a, bee(), new C().k, two(), twice(2), ns.a, again, one.a, deep, typeof import.meta.url]);
`,
    'lib/one.js': `import { deep } from '../lib/deeper/deep.js';
const helper = 'one';
LOG.push('one');
export const a = 'A' + deep;
export function b() { return helper; }
export class C { constructor() { this.k = 'c'; } }
const hidden = 1, also = 2;       // not exported: two declarators are fine here
`,
    'lib/deeper/deep.js': `LOG.push('deep');
export const deep = 7;
`,
    'two.js': `const helper = 'two';
LOG.push('two');
export default function named() { return helper; }
export async function later() {}
export function* gen() { yield 1; }
const twiceIt = (n) => n * 2;
export { twiceIt as twice };
`,
    'side.js': `LOG.push('side');
`,
    're.js': `export { a as again } from './lib/one.js';
export * from './lib/deeper/deep.js';
export * as one from './lib/one.js';
`,
  });
  const r = bundle(dir, 'app.js');
  assert.ok(r.ok, r.error);
  const log = await runModule(r.code);
  // Dependencies first, each once, in import order; the entry last.
  assert.deepEqual(log.slice(0, -1), ['deep', 'one', 'two', 'side']);
  assert.deepEqual(log.at(-1), ['app', 'app', 'A7', 'one', 'c', 'two', 4, 'A7', 'A7', 'A7', 7, 'string']);
});

test('default export of an expression, and namespace objects are frozen', async () => {
  const dir = tree({
    'app.js': `import value, * as m from './v.js';
LOG.push(value, Object.isFrozen(m), Object.keys(m).sort().join());
`,
    'v.js': `export default { n: 41 + 1 };
export const z = 0;
`,
  });
  const r = bundle(dir, 'app.js');
  assert.ok(r.ok, r.error);
  assert.deepEqual(await runModule(r.code), [{ n: 42 }, true, 'default,z']);
});

test('the tokenizer is not fooled by strings, templates, regexes and comments', async () => {
  const dir = tree({
    'app.js': `import { t } from './t.js';
LOG.push(t);
`,
    't.js': `// import { nope } from './missing.js';
/* export const nope = 1;
import x from './missing.js'; */
const s1 = "import { a } from './missing.js'";
const s2 = 'export const b = 2; \\' still a string';
const tpl = \`line
export const c = 3;
import d from './missing.js';
\${ \`nested \${ '}' } \` } end\`;
const re = /['"\`]\\/*import {/g;
const div = 10 / 2 / 5;
const cls = /[/]export/.test('/export');
export const t = [s1.length > 0, s2.length > 0, tpl.includes('nested }'), re.source.length > 0, div, cls];
`,
  });
  const r = bundle(dir, 'app.js');
  assert.ok(r.ok, r.error);
  assert.deepEqual(await runModule(r.code), [[true, true, true, true, 1, true]]);
});

test('a classic bundle has no import, no export and no import.meta', () => {
  const dir = tree({
    'worker.js': `import init, { f } from './pkg/glue.js';
self.LOG.push(init(), f());
`,
    'pkg/glue.js': `export function f() { return 'f'; }
function __init() { return new URL('x.wasm', import.meta.url).href; }
export { __init as default };
`,
  });
  const r = bundle(dir, 'worker.js', { classic: true });
  assert.ok(r.ok, r.error);
  assert.doesNotMatch(r.code, /\bimport\s*\.\s*meta\b/);
  const sandbox = { LOG: [], URL, location: { href: 'https://example.test/w.js' } };
  sandbox.self = sandbox;
  vm.runInNewContext(r.code, sandbox); // a SyntaxError here would mean module syntax survived
  assert.deepEqual(sandbox.LOG, ['https://example.test/x.wasm', 'f']);
});

test('what the bundler cannot keep stops it, with the file and line', () => {
  const cases = [
    [{ 'app.js': `const m = import('./x.js');\n`, 'x.js': '' }, /app\.js:1: dynamic import/],
    [{ 'app.js': `import { x } from 'somewhere';\n` }, /only relative specifiers/],
    [{ 'app.js': `import { x } from './missing.js';\n` }, /no file missing\.js/],
    [{ 'app.js': `import { x } from './x.js';\n`, 'x.js': 'export const y = 1;\n' }, /imports 'x' from x\.js, which does not export it/],
    [{ 'app.js': `export let n = 1;\n` }, /live binding/],
    [{ 'app.js': `let n = 1;\nexport { n };\n` }, /live binding/],
    [{ 'app.js': `export const a = 1, b = 2;\n` }, /one declarator/],
    [{ 'app.js': `await Promise.resolve();\n` }, /top-level await/],
    [{ 'app.js': `import { b } from './b.js';\nexport const a = 1;\n`, 'b.js': `import { a } from './app.js';\nexport const b = 2;\n` }, /import cycle: app\.js -> b\.js -> app\.js/],
    [{ 'app.js': `import { x } from './x.json' with { type: 'json' };\n`, 'x.json': '{}' }, /import attributes/],
    [{ 'app.js': `const s = 'unterminated;\n` }, /app\.js:1: unterminated string/],
    [{ 'app.js': `const t = \`never closed;\n` }, /unterminated template/],
    [{ 'app.js': `function f() {\n` }, /unclosed/],
  ];
  for (const [files, message] of cases) {
    const r = bundle(tree(files), 'app.js');
    assert.equal(r.ok, false, 'should fail: ' + JSON.stringify(files));
    assert.match(r.error, message);
  }
});

test('the real page: www/app.js and www/worker.js bundle into code that parses', () => {
  // www/ as it is now (whatever modules other work has added), with a stand-in for the
  // wasm-bindgen glue that build-site.sh generates into pkg/.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-www-'));
  fs.cpSync(path.join(ROOT, 'www'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'pkg', 'saywhere.js'), `let wasm;
export function annotate(text) { return wasm.annotate(text); }
export function start() {}
export function version() { return '0'; }
function initSync(m) { wasm = m; }
async function __wbg_init(m) { return new URL('saywhere_bg.wasm', import.meta.url); }
export { initSync, __wbg_init as default };
`);
  const page = bundle(dir, 'app.js');
  assert.ok(page.ok, page.error);
  const file = path.join(dir, 'bundle.mjs');
  fs.writeFileSync(file, page.code);
  const check = spawnSync(process.execPath, ['--check', file], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  assert.doesNotMatch(page.code, /^\s*(import|export)\s[^(.]/m, 'no import/export statement left');
  const worker = bundle(dir, 'worker.js', { classic: true });
  assert.ok(worker.ok, worker.error);
  assert.doesNotThrow(() => new vm.Script(worker.code), 'the worker bundle is a valid classic script');
});
