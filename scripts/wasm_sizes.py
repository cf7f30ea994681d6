"""Section sizes of a wasm module and code bytes per crate (from its name section, so build
without stripping names: the raw cargo output, before wasm-bindgen --remove-name-section).
Usage: python3 scripts/wasm_sizes.py MODULE.wasm"""
import sys, re, gzip, zlib, collections
data = open(sys.argv[1], 'rb').read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
i = 8; secs = []
names = {}; bodies = []; nimports = 0
NAMES = {0:'custom',1:'type',2:'import',3:'function',5:'memory',6:'global',7:'export',8:'start',9:'element',10:'code',11:'data',12:'datacount',13:'tag'}
while i < len(data):
    sid = data[i]; i += 1
    size, i = leb(data, i)
    body = data[i:i+size]
    label = NAMES.get(sid, str(sid))
    if sid == 0:
        n, j = leb(body, 0); label = 'custom:' + body[j:j+n].decode()
        if body[j:j+n] == b'name':
            k = j + n
            while k < len(body):
                sub = body[k]; k += 1; sz, k = leb(body, k); end = k + sz
                if sub == 1:
                    cnt, k2 = leb(body, k)
                    for _ in range(cnt):
                        idx, k2 = leb(body, k2); ln, k2 = leb(body, k2); names[idx] = body[k2:k2+ln].decode('utf8', 'replace'); k2 += ln
                k = end
    if sid == 2:
        cnt, j = leb(body, 0)
        for _ in range(cnt):
            for _ in range(2):
                ln, j = leb(body, j); j += ln
            kind = body[j]; j += 1
            if kind == 0: _, j = leb(body, j); nimports += 1
            elif kind == 1: j += 1; fl, j = leb(body, j); _, j = leb(body, j); j = leb(body, j)[1] if fl & 1 else j
            elif kind == 2: fl, j = leb(body, j); _, j = leb(body, j); j = leb(body, j)[1] if fl & 1 else j
            elif kind == 3: j += 2
    if sid == 10:
        cnt, j = leb(body, 0)
        for f in range(cnt):
            sz, j2 = leb(body, j); bodies.append((f, j2 - j + sz)); j = j2 + sz
    secs.append((label, size, len(zlib.compress(body, 9))))
    i += size
print(f'{"section":28s} {"bytes":>9s} {"deflate":>8s}')
for label, size, z in secs:
    print(f'{label:28s} {size:9d} {z:8d}')
print(f'{"whole module":28s} {len(data):9d} {len(gzip.compress(data, 9)):8d} (gzip)')
def crate(n):
    m = re.match(r'_ZN(\d+)', n)
    if m:
        L = int(m.group(1)); ident = n[m.end():m.end()+L]
        # `<T as Trait>` items: the crate of T ("_$LT$alloc..vec..Vec...", "$RF$", "mut$u20$").
        ident = re.sub(r'^_?(\$LT\$|\$RF\$|mut\$u20\$|\$u5b\$)+', '', ident)
        return ident.split('..')[0] or '(other)'

    if n.startswith('_R'):
        m = re.search(r'C(?:s[0-9A-Za-z]*_)?(\d+)', n)
        if m:
            L = int(m.group(1)); return n[m.end():m.end()+L]
    m = re.match(r'^[<&]*(?:mut )?([A-Za-z_][A-Za-z0-9_]*)::', n)
    if m: return m.group(1)
    return '(runtime, intrinsics, exports)'
per = collections.Counter(); cnt = collections.Counter()
for f, sz in bodies:
    nm = names.get(f + nimports, '?')
    c = crate(nm)
    if c in ('core', 'alloc', 'std', 'hashbrown', 'dlmalloc', 'compiler_builtins'): c = c
    per[c] += sz; cnt[c] += 1
print('\ncode bytes per crate (function bodies, by name):')
for c, sz in per.most_common(20):
    print(f'  {c:40s} {sz:8d} ({cnt[c]} functions)')
