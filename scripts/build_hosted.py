#!/usr/bin/env python3
"""The hosted page (DIST/index.html) as one module: everything its first highlight needs comes
in two requests made as the HTML's head is read, instead of a chain of imports.

The page's ES modules would load as a chain (app.js, then what it imports, then what those
import…) before any code runs, and the wasm module only once app.js runs. This
  - bundles app.js and every module it imports (scripts/jsbundle.py, as single.html does, but
    as a file of its own: DIST/app.bundle.js) and has index.html load it instead of app.js;
    boot.js, app.js's first import, runs first in it (the wasm compile, the worker's start);
  - adds <link rel="preload" href="pkg/saywhere_bg.wasm" as="fetch" type="application/wasm"
    crossorigin> to the head (the same request as boot.js's `fetch` of it: mode cors,
    same-origin credentials, so the browser uses this one download);
  - keeps boot.js as a file of its own too and loads it from the head as an async module:
    it runs as soon as it arrives, so the wasm compile and the worker's start-up (its tables)
    go on while the bundle is still loading and running; its copy in the bundle then only
    takes over what the first one started (boot.js);
  - removes from DIST the modules only the bundle needs now, so the service worker does not
    precache them twice; what the worker (worker.js) and the late modules (worldmap.js, added
    by reading.js after the first highlight) import stays.
Run after build_single.py (it reads the modules and index.html as they are in www/) and
before build_sw.py (the precache list and version follow DIST's files)."""
import pathlib, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from jsbundle import bundle, BundleError  # noqa: E402

LATE = ["worldmap.js"]  # as in build_single.py: loaded by the page after the first highlight
BUNDLE = "app.bundle.js"
BOOT = "boot.js"  # also loaded on its own, early (see above)

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
index = dist / "index.html"
html = index.read_text(encoding="utf-8")
script = '<script type="module" src="app.js"></script>'
anchor = '<link rel="stylesheet" href="style.css">'
if html.count(script) != 1 or html.count(anchor) != 1:
    sys.exit(f"build_hosted.py: index.html should have exactly one {script} and one {anchor} (run on a fresh dist/)")
try:
    code, modules = bundle(dist, "app.js")
    keep = set()
    for entry in ["worker.js"] + [e for e in LATE if (dist / e).is_file()]:
        keep |= set(bundle(dist, entry, classic=entry == "worker.js")[1])
except BundleError as e:
    sys.exit(f"build_hosted.py: {e}")
(dist / BUNDLE).write_text(code, encoding="utf-8")
html = html.replace(script, f'<script type="module" src="{BUNDLE}"></script>')
if (dist / "pkg" / "saywhere_bg.wasm").is_file():
    html = html.replace(anchor, '<link rel="preload" href="pkg/saywhere_bg.wasm" as="fetch" type="application/wasm" crossorigin>\n' + anchor)
if BOOT in modules:
    keep.add(BOOT)
    html = html.replace(anchor, f'<script type="module" async src="{BOOT}"></script>\n' + anchor)
index.write_text(html, encoding="utf-8")
gone = [m for m in modules if m not in keep]
for m in gone:
    (dist / m).unlink()
print(f"{BUNDLE}: {len(modules)} modules, {len(code)} bytes; index.html loads it and preloads the wasm; "
      f"removed from {dist}: {', '.join(gone)}")
