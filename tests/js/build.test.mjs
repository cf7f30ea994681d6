// Unit tests of the build steps after the wasm: scripts/build_single.py (single.html: one
// inline module script and one style, both allowed by hash and nothing else; hosted-only
// links dropped; "</script" kept out of the script; anything it would still load stops it)
// and scripts/build_sw.py (sw.js gets the precache list and a version that changes with any
// file). Runs on a small fake dist/ with a stand-in for the wasm-bindgen glue.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const py = (script, dir) => spawnSync('python3', [path.join(ROOT, 'scripts', script), dir], { encoding: 'utf8' });

const INDEX = `<!doctype html>
<html lang="en"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<link rel="stylesheet" href="style.css">
<link rel="manifest" href="manifest.webmanifest">
<link rel="apple-touch-icon" href="icons/icon-192.png">
</head><body>
<p>Hello <a href="https://example.org/">a site</a></p>
  <p data-hosted-only><a href="single.html" download>Download single.html</a>: one file.</p>
<script type="module" src="app.js"></script>
</body></html>
`;

function fakeDist(extra = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'saywhere-dist-'));
  const files = {
    'index.html': INDEX,
    'style.css': 'body { color: #123; }\n',
    'app.js': `import init, { version } from './pkg/saywhere.js';
import { note } from './note.js';
globalThis.RESULT = [typeof init, version(), note];
`,
    'note.js': `export const note = 'a string with </script> in it';\n`,
    'worker.js': `import init, { annotate } from './pkg/saywhere.js';\nself.onmessage = () => annotate('');\n`,
    'pkg/saywhere.js': `let wasm;
export function annotate(t) { return t; }
export function version() { return '1'; }
function initSync() {}
async function __wbg_init() { return new URL('saywhere_bg.wasm', import.meta.url); }
export { initSync, __wbg_init as default };
`,
    'pkg/saywhere.d.ts': 'export {};\n',
    'pkg/saywhere_bg.wasm': '\0asm\x01\0\0\0',
    'examples/one.txt': '“Yes,” she said.\n',
    'manifest.webmanifest': '{}\n',
    'sw.js': fs.readFileSync(path.join(ROOT, 'www', 'sw.js'), 'utf8'),
    ...extra,
  };
  for (const [name, src] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), src);
  }
  return dir;
}

const sha = (s) => "'sha256-" + crypto.createHash('sha256').update(s, 'utf8').digest('base64') + "'";

test('single.html: one inline script and style, allowed by hash and nothing else', () => {
  const dir = fakeDist();
  const r = py('build_single.py', dir);
  assert.equal(r.status, 0, r.stderr);
  const html = fs.readFileSync(path.join(dir, 'single.html'), 'utf8');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1];
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(html)[1];
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)[1];
  assert.match(csp, new RegExp(`script-src ${sha(script).replace(/[+/]/g, '\\$&')} 'wasm-unsafe-eval';`));
  assert.match(csp, new RegExp(`style-src ${sha(style).replace(/[+/]/g, '\\$&')};`));
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'none'/);
  assert.equal((html.match(/<script\b/g) || []).length, 2, 'the module script and the examples (JSON)');
  assert.match(html, /<script type="application\/json" id="examples-data">\{"one.txt": "“Yes,” she said.\\n"\}<\/script>/);
  assert.doesNotMatch(html, /rel="manifest"|apple-touch-icon|data-hosted-only|single\.html/, 'hosted-only parts dropped');
  assert.match(html, /href="https:\/\/example\.org\/"/, 'a link to a web site stays');
  assert.ok(script.includes('<\\/script>') && !/<\/script/i.test(script), '"</script" escaped inside the script');
  assert.ok(script.includes('SAYWHERE_WORKER_SOURCE') && script.includes('SAYWHERE_WASM_BYTES'));
});

test('single.html: whatever it would still load stops the build', () => {
  for (const [extra, message] of [
    [{ 'index.html': INDEX.replace('<p>Hello', '<p><img src="logo.png" alt="">Hello') }, /logo\.png/],
    [{ 'index.html': INDEX.replace('<p>Hello', '<p><a href="other.html">x</a>Hello') }, /other\.html/],
    [{ 'index.html': INDEX.replace('</head>', '<script src="extra.js"></script></head>') }, /extra\.js/],
    [{ 'style.css': "body { background: url('paper.png'); }\n" }, /url\(\)/],
    [{ 'app.js': "import x from 'a-package';\n" }, /only relative specifiers/],
    [{ 'note.js': "export const note = import('./x.js');\n" }, /dynamic import/],
  ]) {
    const r = py('build_single.py', fakeDist(extra));
    assert.notEqual(r.status, 0, 'should fail: ' + JSON.stringify(extra));
    assert.match(r.stderr, message);
  }
});

test('sw.js: precache list and a version that follows every file', () => {
  const dir = fakeDist();
  assert.equal(py('build_single.py', dir).status, 0);
  const r = py('build_sw.py', dir);
  assert.equal(r.status, 0, r.stderr);
  const read = () => {
    const src = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
    return { version: /^const VERSION = '([0-9a-f]{16})';$/m.exec(src)[1], precache: JSON.parse(/^const PRECACHE = (\[.*\]);$/m.exec(src)[1]) };
  };
  const first = read();
  assert.deepEqual(first.precache, ['./', 'app.js', 'examples/one.txt', 'index.html', 'manifest.webmanifest', 'note.js',
    'pkg/saywhere.js', 'pkg/saywhere_bg.wasm', 'style.css', 'worker.js'], 'all but sw.js, single.html and .d.ts');
  // The same files: the same version. One byte more anywhere: another.
  fs.writeFileSync(path.join(dir, 'sw.js'), fs.readFileSync(path.join(ROOT, 'www', 'sw.js')));
  assert.equal(py('build_sw.py', dir).status, 0);
  assert.equal(read().version, first.version);
  fs.appendFileSync(path.join(dir, 'examples/one.txt'), ' ');
  fs.writeFileSync(path.join(dir, 'sw.js'), fs.readFileSync(path.join(ROOT, 'www', 'sw.js')));
  assert.equal(py('build_sw.py', dir).status, 0);
  assert.notEqual(read().version, first.version);
  // A sw.js without the placeholders is refused (run twice, or edited away).
  const again = py('build_sw.py', dir);
  assert.notEqual(again.status, 0);
  assert.match(again.stderr, /must have one line/);
});

test('single.html: a late module (worldmap.js) runs inline after the page\'s modules, in its own scope', () => {
  const dir = fakeDist({
    'worldmap.js': "import { big } from './late-data.js';\nglobalThis.LATE = big;\n",
    'late-data.js': "export const big = 'outlines';\nconst note = 'the late bundle has its own scope';\n",
  });
  const r = py('build_single.py', dir);
  assert.equal(r.status, 0, r.stderr);
  const script = /<script type="module">([\s\S]*?)<\/script>/.exec(fs.readFileSync(path.join(dir, 'single.html'), 'utf8'))[1];
  assert.ok(script.indexOf("globalThis.LATE = big") > script.indexOf('globalThis.RESULT'), 'after the page\'s own code');
  assert.match(r.stdout, /2 after them \(late-data\.js, worldmap\.js\)/);
});

test('index.html (hosted): boot.js, also in the bundle, is kept and loaded on its own from the head, async, before the bundle', () => {
  const dir = fakeDist({ 'boot.js': "globalThis.BOOTED = (globalThis.BOOTED || 0) + 1;\nexport const early = 1;\n" });
  fs.writeFileSync(path.join(dir, 'app.js'), "import { early } from './boot.js';\nimport init, { version } from './pkg/saywhere.js';\nglobalThis.RESULT = [early, typeof init, version()];\n");
  assert.equal(py('build_single.py', dir).status, 0);
  const r = py('build_hosted.py', dir);
  assert.equal(r.status, 0, r.stderr);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const head = html.slice(0, html.indexOf('</head>'));
  assert.match(head, /<script type="module" async src="boot\.js"><\/script>\n<link rel="stylesheet"/);
  assert.ok(html.indexOf('src="boot.js"') < html.indexOf('src="app.bundle.js"'));
  assert.ok(fs.existsSync(path.join(dir, 'boot.js')), 'boot.js stays in dist');
  assert.ok(fs.readFileSync(path.join(dir, 'app.bundle.js'), 'utf8').includes('globalThis.BOOTED'), 'and in the bundle');
  assert.doesNotMatch(fs.readFileSync(path.join(dir, 'single.html'), 'utf8'), /src="boot\.js"/, 'the single file has it inline only');
});

test('index.html (hosted): one bundled module and the wasm preloaded; what only the bundle needs is gone', () => {
  const dir = fakeDist({ 'worldmap.js': "import { note } from './note.js';\nglobalThis.LATE = note;\n", 'only-app.js': 'export const x = 1;\n' });
  fs.appendFileSync(path.join(dir, 'app.js'), "import { x } from './only-app.js';\nglobalThis.X = x;\n");
  assert.equal(py('build_single.py', dir).status, 0);
  const r = py('build_hosted.py', dir);
  assert.equal(r.status, 0, r.stderr);
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  assert.match(html, /<link rel="preload" href="pkg\/saywhere_bg\.wasm" as="fetch" type="application\/wasm" crossorigin>\n<link rel="stylesheet"/);
  assert.match(html, /<script type="module" src="app\.bundle\.js"><\/script>/);
  assert.doesNotMatch(html, /src="app\.js"/);
  const code = fs.readFileSync(path.join(dir, 'app.bundle.js'), 'utf8');
  assert.ok(code.includes('globalThis.RESULT') && code.includes('globalThis.X = x'), 'app.js and its imports in the bundle');
  const left = (f) => fs.existsSync(path.join(dir, f));
  assert.deepEqual(['app.js', 'only-app.js'].filter(left), [], 'modules only the bundle needs are gone');
  assert.deepEqual(['pkg/saywhere.js', 'worker.js', 'note.js', 'worldmap.js'].filter(left), ['pkg/saywhere.js', 'worker.js', 'note.js', 'worldmap.js'],
    'the worker\'s and the late module\'s imports stay');
  assert.doesNotMatch(fs.readFileSync(path.join(dir, 'single.html'), 'utf8'), /preload|app\.bundle/);
  assert.notEqual(py('build_hosted.py', dir).status, 0, 'twice is refused');
});
