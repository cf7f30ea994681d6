#!/usr/bin/env python3
"""Write DIST/single.html: the page with its CSS, JS, wasm (gzip + base64) and the example
articles inlined, so it works opened straight from disk (file://) with no network.

The wasm-bindgen `--target web` glue and app.js become one inline module script; app.js's
import of the glue is dropped (the glue's functions are then in scope). The Content Security
Policy allows exactly this inline script and style, by hash.
"""
import base64, gzip, hashlib, json, pathlib, re, sys

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
html = (dist / "index.html").read_text(encoding="utf-8")
css = (dist / "style.css").read_text(encoding="utf-8")
glue = (dist / "pkg" / "saywhere.js").read_text(encoding="utf-8")
app = (dist / "app.js").read_text(encoding="utf-8")
wasm = (dist / "pkg" / "saywhere_bg.wasm").read_bytes()
examples = {p.name: p.read_text(encoding="utf-8") for p in sorted((dist / "examples").glob("*.txt"))}

import_line = re.compile(r"^import init, \{[^}]*\} from './pkg/saywhere.js';\n", re.M)
if not import_line.search(app):
    sys.exit("build_single.py: app.js no longer imports ./pkg/saywhere.js as expected")
app = import_line.sub("", app)
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
script = glue + f"\nconst init = {m.group(1)};\n" + loader + app
for bad in ("</script", "<!--"):
    if bad in script.lower():
        sys.exit(f"build_single.py: inline script would contain {bad!r}")

def sha(s):
    return "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() + "'"

csp = (f"default-src 'none'; script-src {sha(script)} 'wasm-unsafe-eval'; style-src {sha(css)}; "
       "img-src data:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
html = re.sub(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">',
              f'<meta http-equiv="Content-Security-Policy" content="{csp}">', html)
html = html.replace('<link rel="stylesheet" href="style.css">', f"<style>{css}</style>")
data = json.dumps(examples, ensure_ascii=False).replace("</", "<\\/")
html = html.replace('<script type="module" src="app.js"></script>',
                    f'<script type="application/json" id="examples-data">{data}</script>\n'
                    f'<script type="module">{script}</script>')
(dist / "single.html").write_text(html, encoding="utf-8")
