#!/usr/bin/env python3
"""Fill in DIST/sw.js: PRECACHE, every file of the built page (all of DIST but sw.js itself,
single.html, which is a download, and TypeScript declarations), and VERSION, a hash of their
paths and contents, so any change to any file makes a new service worker that replaces the
old cache. Prints the number of files and their total and gzip sizes."""
import gzip, hashlib, json, pathlib, re, sys

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
sw = dist / "sw.js"
SKIP = {"sw.js", "single.html"}
files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*")
               if p.is_file() and p.relative_to(dist).as_posix() not in SKIP and not p.name.endswith(".d.ts"))
if "index.html" not in files:
    sys.exit("build_sw.py: no index.html in " + str(dist))
digest = hashlib.sha256()
for f in files:
    digest.update(f.encode() + b"\0" + hashlib.sha256((dist / f).read_bytes()).digest())
version = digest.hexdigest()[:16]
precache = ["./"] + files
src = sw.read_text(encoding="utf-8")
src, a = re.subn(r"^const VERSION = '[^']*';$", lambda _: f"const VERSION = '{version}';", src, flags=re.M)
src, b = re.subn(r"^const PRECACHE = \[\];$", lambda _: "const PRECACHE = " + json.dumps(precache, indent=0).replace("\n", "") + ";", src, flags=re.M)
if a != 1 or b != 1:
    sys.exit("build_sw.py: www/sw.js must have one line `const VERSION = '…';` and one `const PRECACHE = [];`")
sw.write_text(src, encoding="utf-8")
raw = sum((dist / f).stat().st_size for f in files)
gz = sum(len(gzip.compress((dist / f).read_bytes(), 9)) for f in files)
print(f"sw.js: version {version}, {len(files)} files precached, {raw} bytes ({gz} gzip)")
