#!/usr/bin/env python3
"""Write DIST/single.html: the page with its CSS, JS, wasm (gzip + base64) and the example
articles inlined, so it works opened straight from disk (file://) with no network.

Every ES module reachable from app.js by static relative imports (the wasm-bindgen `--target
web` glue included) is bundled by scripts/jsbundle.py into the one inline module script, each
module in its own scope, in dependency order; anything the bundler cannot handle stops the
build. The annotation worker (worker.js and its imports, bundled the same way as a classic
script: from file:// a module worker cannot start from a blob: URL) rides along as a string
that app.js starts from a Blob URL, handing it the wasm bytes. The Content Security Policy
allows exactly this inline script and style, by hash, and workers only from blob: URLs. The
service worker and the web app manifest are for the hosted page only: their links are dropped.

The modules the hosted page loads late, after the first highlight (LATE: the world map,
worldmap.js, added as a script by reading.js), are bundled too, each on its own, and run in
the same inline script right after the page's modules: here they cost no request.
"""
import base64, gzip, hashlib, json, pathlib, re, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from jsbundle import bundle, BundleError  # noqa: E402

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
html = (dist / "index.html").read_text(encoding="utf-8")
css = (dist / "style.css").read_text(encoding="utf-8")
wasm = (dist / "pkg" / "saywhere_bg.wasm").read_bytes()
examples = {p.name: p.read_text(encoding="utf-8") for p in sorted((dist / "examples").glob("*.txt"))}

LATE = ["worldmap.js"]

try:
    app, app_modules = bundle(dist, "app.js")
    worker, worker_modules = bundle(dist, "worker.js", classic=True)
    late, late_modules = [], []
    for i, entry in enumerate(e for e in LATE if (dist / e).is_file()):
        code, modules = bundle(dist, entry, prefix=f"__saywhere_late{i}_")
        late.append(code)
        late_modules += modules
except BundleError as e:
    sys.exit(f"build_single.py: {e}")
for path in sorted(set(app_modules + worker_modules + late_modules)):
    src = (dist / path).read_text(encoding="utf-8")
    if re.search(r"\bfetch\s*\(", src) and path not in ("pkg/saywhere.js", "app.js"):
        print(f"build_single.py: note: {path} calls fetch(): from file:// that fails unless it has an inlined fallback",
              file=sys.stderr)
payload = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")
loader = (
    "globalThis.SAYWHERE_WASM_BYTES = async () => {\n"
    f"  const gz = Uint8Array.from(atob('{payload}'), (c) => c.charCodeAt(0));\n"
    "  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
    "  return new Uint8Array(await new Response(stream).arrayBuffer());\n"
    "};\n"
)
# The worker is a classic script (the bundler left no import/export and no import.meta in it;
# the glue's default wasm URL, built from self.location.href, is never used: the bytes come).
worker_source = "'use strict';\n" + worker
# JSON string literal; "<\/" keeps "</script" out of the page, "\u2028/9" are JS-safe in JSON anyway.
worker_literal = json.dumps(worker_source, ensure_ascii=True).replace("</", "<\\/").replace("<!--", "<\\u0021--")
script = loader + f"globalThis.SAYWHERE_WORKER_SOURCE = {worker_literal};\n" + app + "".join("\n{\n" + code + "}\n" for code in late)
# "</script" may only appear inside strings, templates, regexes or comments, where "<\/script"
# means the same; "<!--" must not appear at all.
script = re.sub(r"</(script)", r"<\\/\1", script, flags=re.I)
for bad in ("</script", "<!--"):
    if bad in script.lower():
        sys.exit(f"build_single.py: inline script would contain {bad!r}")


def sha(s):
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"


def replace_once(html, old, new, what):
    if html.count(old) != 1:
        sys.exit(f"build_single.py: index.html should have exactly one {what}: {old}")
    return html.replace(old, new)


csp = (f"default-src 'none'; script-src {sha(script)} 'wasm-unsafe-eval'; style-src {sha(css)}; "
       "img-src data:; connect-src 'none'; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'")
html, k = re.subn(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
                  lambda _: f'<meta http-equiv="Content-Security-Policy" content="{csp}">', html)
if k != 1:
    sys.exit("build_single.py: index.html should have exactly one Content-Security-Policy meta tag")
# The manifest and the touch icon belong to the hosted page (the CSP here would block them),
# and so does any one-line element marked data-hosted-only (the single.html download link).
html = re.sub(r'[ \t]*<link rel="(manifest|apple-touch-icon)"[^>]*>\n?', "", html)
html, k = re.subn(r'[ \t]*<(\w+)[^>\n]*\bdata-hosted-only\b[^\n]*</\1>[ \t]*\n?', "", html)
if "data-hosted-only" in html:
    sys.exit("build_single.py: an element marked data-hosted-only must open and close on one line")
data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
html = replace_once(html, '<link rel="stylesheet" href="style.css">', "<style>" + css + "</style>", "stylesheet link")
html = replace_once(html, '<script type="module" src="app.js"></script>',
                    f'<script type="application/json" id="examples-data">{data}</script>\n'
                    f'<script type="module">{script}</script>', "app.js script tag")
# Nothing may still point at another file: from file:// (and under this CSP) it would not load.
outside = html.replace(script, "").replace(css, "").replace(data, "")
# (A link to a web site is fine: following it is the reader's choice, not a load.)
for tag in re.finditer(r"<(\w+)\b[^>]*>", outside):
    for m in re.finditer(r'\b(src|href|srcset|poster|data)\s*=\s*["\']?([^"\'\s>]+)', tag.group(0)):
        url = m.group(2)
        if url.startswith(("data:", "#")) or (tag.group(1).lower() == "a" and re.match(r"(https?|mailto):", url)):
            continue
        sys.exit(f"build_single.py: single.html would still point at {url!r} ({tag.group(0)[:120]})")
if re.search(r"url\((?!\s*['\"]?(data:|#))", css):
    sys.exit("build_single.py: style.css loads a file with url(): inline it as a data: URL")
(dist / "single.html").write_text(html, encoding="utf-8")
print(f"single.html: {len(app_modules)} modules in the page ({', '.join(app_modules)}), "
      f"{len(late_modules)} after them ({', '.join(late_modules)}), "
      f"{len(worker_modules)} in the worker ({', '.join(worker_modules)})")
