#!/usr/bin/env python3
"""Let the hosted page (DIST/index.html) fetch everything its first highlight needs at once.

The page's ES modules would otherwise load as a chain (app.js, then what it imports, then
what those import…) before any code runs, and the wasm module only once app.js runs. This
adds to the page's <head>, before anything else loads:
  <link rel="preload" href="pkg/saywhere_bg.wasm" as="fetch" type="application/wasm" crossorigin>
    (the same request as app.js's `fetch` of it: mode cors, same-origin credentials, so the
    browser uses this one download);
  <script type="module" src="boot.js"></script>: app.js's first import (it starts the wasm
    compile and the worker), as a script of its own, so it runs as soon as it has come,
    without waiting for the rest of app.js's modules (one module instance: the same URL);
  <link rel="modulepreload" href="…"> for every other module reachable from app.js by
    static imports (scripts/jsbundle.py follows them), in dependency order.
Run after build_single.py (single.html inlines everything and must not point at files) and
before build_sw.py (the version hashes index.html too)."""
import pathlib, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from jsbundle import bundle, BundleError  # noqa: E402

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
index = dist / "index.html"
html = index.read_text(encoding="utf-8")
if "modulepreload" in html:
    sys.exit("build_preload.py: index.html already has modulepreload links (run on a fresh dist/)")
try:
    _, modules = bundle(dist, "app.js")
except BundleError as e:
    sys.exit(f"build_preload.py: {e}")
links = []
if (dist / "pkg" / "saywhere_bg.wasm").is_file():
    links.append('<link rel="preload" href="pkg/saywhere_bg.wasm" as="fetch" type="application/wasm" crossorigin>')
if "boot.js" in modules:
    links.append('<script type="module" src="boot.js"></script>')
links += [f'<link rel="modulepreload" href="{m}">' for m in modules if m not in ("app.js", "boot.js")]
anchor = '<link rel="stylesheet" href="style.css">'
if html.count(anchor) != 1:
    sys.exit(f"build_preload.py: index.html should have exactly one {anchor}")
html = html.replace(anchor, "\n".join(links + [anchor]))
index.write_text(html, encoding="utf-8")
print(f"index.html: preloads the wasm and {len(modules) - 1} modules ({', '.join(m for m in modules if m != 'app.js')})")
