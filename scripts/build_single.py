#!/usr/bin/env python3
"""Write DIST/single.html: the page with its CSS, JS, wasm (gzip + base64) and the example
articles inlined, so it works opened straight from disk (file://) with no network.

The wasm-bindgen `--target web` glue and app.js become one inline module script; app.js's
import of the glue is dropped (the glue's functions are then in scope). The annotation worker
(worker.js, glue in front, its import dropped likewise) rides along as a string that app.js
starts from a Blob URL, handing it the wasm bytes. The Content Security Policy allows exactly
this inline script and style, by hash, and workers only from blob: URLs.
"""
import base64, gzip, hashlib, json, pathlib, re, sys

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
html = (dist / "index.html").read_text(encoding="utf-8")
css = (dist / "style.css").read_text(encoding="utf-8")
glue = (dist / "pkg" / "saywhere.js").read_text(encoding="utf-8")
app = (dist / "app.js").read_text(encoding="utf-8")
worker = (dist / "worker.js").read_text(encoding="utf-8")
wasm = (dist / "pkg" / "saywhere_bg.wasm").read_bytes()
examples = {p.name: p.read_text(encoding="utf-8") for p in sorted((dist / "examples").glob("*.txt"))}

import_line = re.compile(r"^import init, \{[^}]*\} from './pkg/saywhere.js';\n", re.M)
if not import_line.search(app):
    sys.exit("build_single.py: app.js no longer imports ./pkg/saywhere.js as expected")
app = import_line.sub("", app)
if not import_line.search(worker):
    sys.exit("build_single.py: worker.js no longer imports ./pkg/saywhere.js as expected")
worker = import_line.sub("", worker)
# The glue's default export is its init function.
m = re.search(r"export \{\s*initSync,\s*(\w+) as default\s*\}", glue)
if not m:
    sys.exit("build_single.py: cannot find the wasm-bindgen init export")
glue = glue.replace(m.group(0), "")
payload = base64.b64encode(gzip.compress(wasm, 9, mtime=0)).decode("ascii")
loader = (
    "globalThis.SAYWHERE_WASM_BYTES = async () => {\n"
    f"  const gz = Uint8Array.from(atob('{payload}'), (c) => c.charCodeAt(0));\n"
    "  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
    "  return new Uint8Array(await new Response(stream).arrayBuffer());\n"
    "};\n"
)
# From file:// only a classic worker starts from a blob: URL (a module worker needs CORS), so
# the worker gets the glue as a classic script: no `export`, no `import.meta` (the wasm comes
# as bytes, so the URL it would build is never used).
classic_glue = re.sub(r"^export (function|class|const|let|async function) ", r"\1 ", glue, flags=re.M)
classic_glue = classic_glue.replace("import.meta.url", "self.location.href")
if re.search(r"^\s*(export|import)\b|import\.meta", classic_glue, re.M):
    sys.exit("build_single.py: the wasm-bindgen glue has an import/export this script cannot make classic")
worker_source = "'use strict';\n" + classic_glue + f"\nconst init = {m.group(1)};\n" + worker
if re.search(r"^\s*(export|import)\b|import\.meta", worker_source, re.M):
    sys.exit("build_single.py: worker.js must have no import/export besides the glue import")
# JSON string literal; "<\/" keeps "</script" out of the page, "\u2028/9" are JS-safe in JSON anyway.
worker_literal = json.dumps(worker_source, ensure_ascii=True).replace("</", "<\\/").replace("<!--", "<\\u0021--")
script = (glue + f"\nconst init = {m.group(1)};\n" + loader
          + f"globalThis.SAYWHERE_WORKER_SOURCE = {worker_literal};\n" + app)
for bad in ("</script", "<!--"):
    if bad in script.lower():
        sys.exit(f"build_single.py: inline script would contain {bad!r}")

def sha(s):
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"

csp = (f"default-src 'none'; script-src {sha(script)} 'wasm-unsafe-eval'; style-src {sha(css)}; "
       "img-src data:; connect-src 'none'; worker-src blob:; object-src 'none'; base-uri 'none'; form-action 'none'")
html = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
              f'<meta http-equiv="Content-Security-Policy" content="{csp}">', html)
html = html.replace('<link rel="stylesheet" href="style.css">', f"<style>{css}</style>")
data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
html = html.replace('<script type="module" src="app.js"></script>',
                    f'<script type="application/json" id="examples-data">{data}</script>\n'
                    f'<script type="module">{script}</script>')
(dist / "single.html").write_text(html, encoding="utf-8")
