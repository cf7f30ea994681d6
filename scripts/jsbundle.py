#!/usr/bin/env python3
"""A small, strict bundler for the page's ES modules (used by build_single.py).

`bundle(root, entry)` follows every static relative import from `entry` (a path under
`root`) and returns one script in which each module runs inside its own function scope, in
dependency order (a module's imports run before it, as ES modules do), so top-level names of
different modules never clash. With `classic=True` the result has no `import`/`export` and no
`import.meta` at all (a classic Worker script); otherwise `import.meta` is kept (the result
goes into an inline module script, where it is the page's).

Handled (top level only, as ES allows):
  import 'x.js';                          import d from './x.js';
  import { a, b as c } from './x.js';     import d, { a } from './x.js';
  import * as m from './x.js';            import d, * as m from './x.js';
  export function f / async function / function* / class C
  export const a = …;                     (one declarator per statement)
  export default function f / class C / expression
  export { a, b as c };                   export { a, b as c } from './x.js';
  export * from './x.js';                 export * as m from './x.js';

Refused, loudly (BundleError): dynamic import(), bare or absolute specifiers, import
attributes, `export let`/`export var` (a live binding this scheme cannot keep), exporting a
top-level `let`/`var` by name, top-level await, import cycles, importing a name the module does
not export, two declarators in one `export const`, and anything the tokenizer cannot read
(an unterminated string, comment, template or regex).

Imports are bound once, after the imported module has run (a snapshot, not a live binding):
that is why exported `let`/`var` are refused.
"""
import json
import pathlib
import posixpath
import re


class BundleError(Exception):
    pass


# ----------------------------------------------------------------------------- tokenizer

IDENT_START = re.compile(r"[A-Za-z_$\u0080-\uffff]")
IDENT = re.compile(r"[A-Za-z0-9_$\u0080-\uffff]+")
NUMBER = re.compile(r"(?:0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?)n?")
PUNCT = [">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
         "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=",
         "%=", "&=", "|=", "^=", "<<", ">>", "**"]
# After these keywords a `/` starts a regular expression, not a division.
REGEX_AFTER_WORDS = {"return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw",
                     "case", "do", "else", "yield", "await", "extends"}


class Tok:
    __slots__ = ("kind", "value", "start", "end", "depth", "nl_before")

    def __init__(self, kind, value, start, end, depth, nl_before):
        self.kind, self.value, self.start, self.end, self.depth, self.nl_before = kind, value, start, end, depth, nl_before

    def __repr__(self):
        return f"Tok({self.kind},{self.value!r},{self.start},d{self.depth})"


def line_of(src, pos):
    return src.count("\n", 0, pos) + 1


def tokenize(src, name="<module>"):
    """Tokens of a JS module: kind is 'ident', 'num', 'str', 'tmpl', 'regex' or 'punct'.
    `depth` counts the (, [ and { (including template `${`) open around the token."""
    toks = []
    i, n = 0, len(src)
    depth = 0
    stack = []  # '(' '[' '{' or '${' (template expression)
    nl = False

    def fail(msg, at):
        raise BundleError(f"{name}:{line_of(src, at)}: {msg}")

    def regex_allowed():
        if not toks:
            return True
        t = toks[-1]
        if t.kind in ("num", "str", "tmpl", "regex"):
            return False
        if t.kind == "ident":
            return t.value in REGEX_AFTER_WORDS
        return t.value not in (")", "]")  # `}` ends a block far more often than an object

    def read_template(j):
        # src[j] == '`'; returns the index after the closing backtick, or after `${` with
        # the `${` pushed (the rest of the template is read when its `}` comes).
        j += 1
        while j < n:
            c = src[j]
            if c == "\\":
                j += 2
            elif c == "`":
                return j + 1, False
            elif c == "$" and j + 1 < n and src[j + 1] == "{":
                return j + 2, True
            else:
                j += 1
        fail("unterminated template literal", j)

    while i < n:
        c = src[i]
        if c in " \t\r\ufeff\u00a0\u2028\u2029":
            i += 1
            continue
        if c == "\n":
            nl = True
            i += 1
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            if j < 0:
                fail("unterminated comment", i)
            if "\n" in src[i:j]:
                nl = True
            i = j + 2
            continue
        start = i
        if c in "\"'":
            j = i + 1
            while True:
                if j >= n or src[j] == "\n":
                    fail("unterminated string", i)
                if src[j] == "\\":
                    j += 2
                    continue
                if src[j] == c:
                    break
                j += 1
            i = j + 1
            toks.append(Tok("str", src[start:i], start, i, depth, nl))
        elif c == "`":
            i, opened = read_template(i)
            toks.append(Tok("tmpl", src[start:i], start, i, depth, nl))
            if opened:
                stack.append("${")
                depth += 1
        elif c == "}" and stack and stack[-1] == "${":
            # back into the template: read on to its end or its next `${`
            stack.pop()
            depth -= 1
            j = i
            while True:
                j += 1
                if j >= n:
                    fail("unterminated template literal", i)
                ch = src[j]
                if ch == "\\":
                    j += 1
                elif ch == "`":
                    i = j + 1
                    break
                elif ch == "$" and j + 1 < n and src[j + 1] == "{":
                    i = j + 2
                    stack.append("${")
                    depth += 1
                    break
            toks.append(Tok("tmpl", src[start:i], start, i, depth, nl))
        elif c == "/" and regex_allowed():
            j = i + 1
            in_class = False
            while True:
                if j >= n or src[j] == "\n":
                    fail("unterminated regular expression", i)
                ch = src[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "[":
                    in_class = True
                elif ch == "]":
                    in_class = False
                elif ch == "/" and not in_class:
                    break
                j += 1
            j += 1
            m = IDENT.match(src, j)
            i = m.end() if m else j
            toks.append(Tok("regex", src[start:i], start, i, depth, nl))
        elif c.isdigit() or (c == "." and i + 1 < n and src[i + 1].isdigit()):
            m = NUMBER.match(src, i)
            i = m.end()
            toks.append(Tok("num", src[start:i], start, i, depth, nl))
        elif IDENT_START.match(c) or c == "#" or c == "\\":
            m = IDENT.match(src, i + 1) if c in "#\\" else IDENT.match(src, i)
            i = m.end() if m else i + 1
            toks.append(Tok("ident", src[start:i], start, i, depth, nl))
        else:
            for p in PUNCT:
                if src.startswith(p, i):
                    break
            else:
                p = c
            i += len(p)
            if p in "([{":
                toks.append(Tok("punct", p, start, i, depth, nl))
                stack.append(p)
                depth += 1
            elif p in ")]}":
                if not stack or {"(": ")", "[": "]", "{": "}"}[stack[-1]] != p:
                    fail(f"unbalanced {p!r}", start)
                stack.pop()
                depth -= 1
                toks.append(Tok("punct", p, start, i, depth, nl))
            else:
                toks.append(Tok("punct", p, start, i, depth, nl))
        nl = False
    if stack:
        fail(f"unclosed {stack[-1]!r}", n)
    return toks


# ----------------------------------------------------------------------------- modules

def string_value(tok):
    if "\\" in tok.value:
        raise BundleError(f"escapes in a module specifier are not supported: {tok.value}")
    return tok.value[1:-1]


class Module:
    def __init__(self, path, src):
        self.path = path        # posix path relative to the bundle root
        self.src = src
        self.deps = []          # resolved paths, in import order
        self.imports = []       # (dep path, [(imported, local)]) ; imported '*' = namespace
        self.exports = {}       # exported name -> local expression
        self.reexports = []     # (dep path, [(imported, exported)])
        self.stars = []         # dep paths re-exported with export *
        self.edits = []         # (start, end, replacement)
        self.var = None
        self.uses_meta = []     # positions of import.meta


def resolve(importer, spec, name, root):
    if not (spec.startswith("./") or spec.startswith("../")):
        raise BundleError(f"{name}: import of {spec!r}: only relative specifiers ('./x.js') can be bundled")
    path = posixpath.normpath(posixpath.join(posixpath.dirname(importer), spec))
    if path.startswith("../"):
        raise BundleError(f"{name}: import of {spec!r} leaves the bundle root")
    if not (root / path).is_file():
        raise BundleError(f"{name}: import of {spec!r}: no file {path}")
    return path


def parse_module(path, src, root):
    m = Module(path, src)
    toks = tokenize(src, path)
    n = len(toks)

    def fail(msg, tok):
        raise BundleError(f"{path}:{line_of(src, tok.start)}: {msg}")

    def expect(k, value):
        if k >= n or toks[k].value != value:
            fail(f"expected {value!r}", toks[min(k, n - 1)])
        return k + 1

    def ident(k):
        if k >= n or toks[k].kind != "ident":
            fail("expected a name", toks[min(k, n - 1)])
        return toks[k].value, k + 1

    def name_list(k):
        # { a, b as c, default as d, } -> [(a, a), (b, c), ...], index after }
        k = expect(k, "{")
        out = []
        while toks[k].value != "}":
            if toks[k].kind == "str":
                fail("string names in import/export lists are not supported", toks[k])
            a, k = ident(k)
            b = a
            if toks[k].value == "as":
                b, k = ident(k + 1)
            out.append((a, b))
            if toks[k].value == ",":
                k += 1
            elif toks[k].value != "}":
                fail("expected ',' or '}'", toks[k])
        return out, k + 1

    def from_clause(k):
        k = expect(k, "from")
        if k >= n or toks[k].kind != "str":
            fail("expected a module specifier string", toks[min(k, n - 1)])
        spec = string_value(toks[k])
        k += 1
        if k < n and toks[k].value in ("with", "assert") and not toks[k].nl_before:
            fail("import attributes are not supported", toks[k])
        return resolve(path, spec, f"{path}:{line_of(src, toks[k - 1].start)}", root), k

    def end_stmt(k):
        # index after the statement's optional `;`
        return k + 1 if k < n and toks[k].value == ";" else k

    def stmt_end_pos(k):
        return toks[k - 1].end

    top_lets = set()
    for k, t in enumerate(toks):
        if t.kind == "ident" and t.value in ("let", "var") and t.depth == 0 and k + 1 < n and toks[k + 1].kind == "ident":
            top_lets.add(toks[k + 1].value)

    k = 0
    while k < n:
        t = toks[k]
        nxt = toks[k + 1].value if k + 1 < n else None
        prev = toks[k - 1].value if k else None
        if t.kind != "ident" or prev == ".":
            k += 1
            continue
        if t.value == "import" and nxt == "(":
            fail("dynamic import() cannot be bundled; use a static import", t)
        if t.value == "import" and nxt == ".":
            m.uses_meta.append(t.start)
            k += 1
            continue
        if t.value == "await" and t.depth == 0:
            fail("top-level await cannot be bundled", t)
        if t.value not in ("import", "export") or t.depth != 0:
            k += 1
            continue
        start = t.start
        if t.value == "import":
            j = k + 1
            if toks[j].kind == "str":  # import './x.js';
                dep = resolve(path, string_value(toks[j]), path, root)
                m.deps.append(dep)
                m.imports.append((dep, []))
                j = end_stmt(j + 1)
            else:
                names = []
                if toks[j].kind == "ident" and toks[j].value != "from":
                    local, j = ident(j)
                    names.append(("default", local))
                    if toks[j].value == ",":
                        j += 1
                if toks[j].value == "{":
                    lst, j = name_list(j)
                    names += lst
                elif toks[j].value == "*":
                    j = expect(j + 1, "as")
                    local, j = ident(j)
                    names.append(("*", local))
                dep, j = from_clause(j)
                j = end_stmt(j)
                m.deps.append(dep)
                m.imports.append((dep, names))
            m.edits.append((start, stmt_end_pos(j), ""))
            k = j
            continue
        # export …
        j = k + 1
        w = toks[j].value
        if w in ("let", "var"):
            fail(f"'export {w}' is a live binding the bundle cannot keep: export a const or a function", t)
        if w == "const":
            name, j2 = ident(j + 1) if toks[j + 1].kind == "ident" else fail("destructuring in 'export const' is not supported", toks[j + 1])
            # one declarator: no top-level comma before the statement ends (at a `;` or at the
            # next line that starts in column 0 with a new statement)
            q = j2
            while q < n and toks[q].depth >= 0:
                tq = toks[q]
                if tq.depth == 0 and tq.value == ";":
                    break
                if tq.depth == 0 and tq.nl_before and (tq.start == 0 or src[tq.start - 1] == "\n") and tq.value not in ("}", ")", "]"):
                    break
                if tq.depth == 0 and tq.value == ",":
                    fail("one declarator per 'export const' statement, please", tq)
                q += 1
            m.exports[name] = name
            m.edits.append((start, toks[j].start, ""))
            k = j2
            continue
        if w in ("function", "class") or (w == "async" and toks[j + 1].value == "function"):
            q = j + (2 if w == "async" else 1)
            if toks[q].value == "*":
                q += 1
            name, _ = ident(q)
            m.exports[name] = name
            m.edits.append((start, toks[j].start, ""))
            k = q
            continue
        if w == "default":
            q = j + 1
            a = toks[q].value
            named = None
            if a in ("function", "class") or (a == "async" and toks[q + 1].value == "function"):
                r = q + (2 if a == "async" else 1)
                if toks[r].value == "*":
                    r += 1
                if toks[r].kind == "ident" and toks[r].value not in ("extends",):
                    named = toks[r].value
            if named:
                m.exports["default"] = named
                m.edits.append((start, toks[q].start, ""))
            else:
                m.exports["default"] = "__default"
                m.edits.append((start, toks[q].start, "const __default = "))
            k = q
            continue
        if w == "{":
            lst, j = name_list(j)
            if j < n and toks[j].value == "from":
                dep, j = from_clause(j)
                m.deps.append(dep)
                m.reexports.append((dep, lst))
            else:
                for local, exported in lst:
                    if local in top_lets:
                        fail(f"exported '{local}' is a top-level let/var: a live binding the bundle cannot keep", t)
                    m.exports[exported] = local
            j = end_stmt(j)
            m.edits.append((start, stmt_end_pos(j), ""))
            k = j
            continue
        if w == "*":
            j += 1
            ns = None
            if toks[j].value == "as":
                ns, j = ident(j + 1)
            dep, j = from_clause(j)
            j = end_stmt(j)
            m.deps.append(dep)
            if ns:
                m.reexports.append((dep, [("*", ns)]))
            else:
                m.stars.append(dep)
            m.edits.append((start, stmt_end_pos(j), ""))
            k = j
            continue
        fail(f"unsupported export form 'export {w}'", t)
    return m


def export_names(mods, path, seen=None):
    """Every name module `path` exports (its own, re-exported and export * ones)."""
    seen = seen or set()
    if path in seen:
        return set()
    seen.add(path)
    mod = mods[path]
    names = set(mod.exports) | {e for _, lst in mod.reexports for _, e in lst}
    for dep in mod.stars:
        names |= export_names(mods, dep, seen) - {"default"}
    return names


def bundle(root, entry, classic=False, prefix="__saywhere_mod_"):
    """One script running `entry` (relative to `root`) and every module it imports."""
    root = pathlib.Path(root)
    mods = {}
    order = []

    def visit(path, chain):
        if path in chain:
            raise BundleError("import cycle: " + " -> ".join(chain[chain.index(path):] + [path]))
        if path in mods:
            return
        src = (root / path).read_text(encoding="utf-8")
        mod = parse_module(path, src, root)
        mods[path] = mod
        for dep in mod.deps:
            visit(dep, chain + [path])
        mod.var = prefix + str(len(order)) + "_" + re.sub(r"\W", "_", posixpath.splitext(posixpath.basename(path))[0])
        order.append(path)

    visit(posixpath.normpath(entry), [])

    parts = []
    for path in order:
        mod = mods[path]
        # imports, checked against what the module exports
        head = []
        for dep, names in mod.imports:
            have = export_names(mods, dep)
            binds = []
            for imported, local in names:
                if imported == "*":
                    head.append(f"const {local} = {mods[dep].var};")
                    continue
                if imported not in have:
                    raise BundleError(f"{path}: imports '{imported}' from {dep}, which does not export it")
                binds.append(local if imported == local else f"{imported}: {local}")
            if binds:
                head.append(f"const {{ {', '.join(binds)} }} = {mods[dep].var};")
        body = mod.src
        for s, e, rep in sorted(mod.edits, reverse=True):
            body = body[:s] + rep + body[e:]
        if classic and "import.meta" in body:
            body = body.replace("import.meta.url", "self.location.href")
            if re.search(r"\bimport\s*\.\s*meta\b", body):
                raise BundleError(f"{path}: import.meta (other than import.meta.url) in a classic script")
        fields = [("__proto__", "null")]
        for dep in mod.stars:
            fields.append(("...", f"__saywhere_omitDefault({mods[dep].var})"))
        for dep, lst in mod.reexports:
            for imported, exported in lst:
                if imported == "*":
                    fields.append((exported, mods[dep].var))
                    continue
                if imported not in export_names(mods, dep):
                    raise BundleError(f"{path}: re-exports '{imported}' from {dep}, which does not export it")
                fields.append((exported, f"{mods[dep].var}[{json.dumps(imported)}]"))
        for exported, local in mod.exports.items():
            fields.append((exported, local))
        obj = ", ".join(f"...{v}" if k == "..." else f"{k}: {v}" if k != "__proto__" else "__proto__: null" for k, v in fields)
        parts.append(f"// ---- {path}\nconst {mod.var} = (() => {{\n" + "\n".join(head) + ("\n" if head else "")
                     + body.rstrip() + f"\nreturn Object.freeze({{ {obj} }});\n}})();\n")
    helper = ""
    if any(mods[p].stars for p in order):
        helper = "const __saywhere_omitDefault = (m) => { const o = { ...m }; delete o.default; return o; };\n"
    out = helper + "\n".join(parts)
    # Whatever went in, nothing that makes this a module may come out (but import.meta in a
    # module script is the page's own and fine).
    toks = tokenize(out, "bundle of " + entry)
    for k, t in enumerate(toks):
        if t.kind != "ident" or t.value not in ("import", "export") or (k and toks[k - 1].value in (".", "?.")):
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        if t.value == "import" and nxt is not None and nxt.value == ".":
            continue  # import.meta
        if t.value == "export" and nxt is not None and nxt.value in (":", ",", "}", ")", "("):
            continue  # a property or parameter named export
        raise BundleError(f"bundle of {entry}: {t.value!r} survived at line {line_of(out, t.start)}")
    if classic and re.search(r"\bimport\s*\.\s*meta\b", out):
        raise BundleError(f"bundle of {entry}: import.meta in a classic script")
    return out, order


if __name__ == "__main__":
    import sys
    args = [a for a in sys.argv[1:] if a != "--classic"]
    if len(args) != 2:
        sys.exit("usage: jsbundle.py ROOT ENTRY [--classic]   (prints the bundle)")
    try:
        code, _ = bundle(args[0], args[1], classic="--classic" in sys.argv)
    except BundleError as e:
        sys.exit(f"jsbundle.py: {e}")
    sys.stdout.write(code)
