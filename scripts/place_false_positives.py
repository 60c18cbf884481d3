#!/usr/bin/env python3
"""Simulate hadath's place matching on the news corpus and list the most frequent matches.

Usage (from the repository root):

    python3 scripts/place_false_positives.py [--corpus ../shared/corpus] [--top 300]
        [--places config/gazetteer/places.tsv] [--extra config/gazetteer/places_extra.tsv]
        [--lang ar|en] [--context] [--gold ../shared/eval/dev]

Mirrors src/pipeline/text/normalise.rs and src/pipeline/lexicon/{matcher,gazetteer}.rs closely enough to review false positives:
- text and forms are normalised alike (NFD, combining marks and tatweel dropped,
  أ إ آ ٱ → ا, ى ی → ي, ة → ه, ک → ك, case folded);
- every `|` form of a row and the row's `name` column are forms (Arabic-script ones for
  Arabic text, the others for English text); forms shorter than 3 letters are ignored
  (English all-caps codes excepted);
- Arabic: a form may carry the proclitics [و|ف][ب|ل|ك|س][ال] / لل before it and an
  enclitic (ه ها هما هم هن ك كم كما كن نا ي ني) after it; a form starting with ال also
  matches without it after ال/لل; a form ending in ه matches stem+ت before a suffix;
  multiword forms take proclitics on the first word and enclitics on the last;
- English: whole words (a trailing 's is allowed); tokens are runs of letters, so
  "Sana'a" is the two tokens "sana a" on both sides;
- leftmost-longest, non-overlapping.
Standard library only. Prints match totals and the top matches with the places they name.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

ENCLITICS = ['ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كم', 'كما', 'كن', 'نا', 'ي', 'ني']
AFTER_T = ['ان', 'ين', 'ه', 'ها', 'هما', 'هم', 'هن', 'ك', 'كم', 'نا', 'ي', 'يه', 'يها', 'يهم', 'اه', 'اها', 'اهم']
FOLD = {'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ة': 'ه', 'ۃ': 'ه', 'ک': 'ك'}


def proclitics():
    """All valid proclitic strings (matcher.rs is_arabic_proclitic), longest first."""
    out = set()
    for conj in ('', 'و', 'ف'):
        out.add(conj)
        out.add(conj + 'ال')
        out.add(conj + 'لل')
        for prep in ('ب', 'ل', 'ك', 'س'):
            out.add(conj + prep)
            out.add(conj + prep + 'ال')
    return sorted(out, key=len, reverse=True)


PROCLITICS = proclitics()


def normalise(s):
    """The text layer's folding, near enough (NormText::new)."""
    out = []
    for c in unicodedata.normalize('NFD', s):
        if unicodedata.combining(c) or c == '\u0640' or '\u064b' <= c <= '\u065f' or c == '\u0670' \
                or '\u0610' <= c <= '\u061a' or '\u06d6' <= c <= '\u06ed':
            continue
        c = FOLD.get(c, c)
        out.append(c.lower())
    # NFD splits آ into ا + madda (dropped) and أ into ا + hamza above (dropped): already alef
    return ''.join(out)


def is_arabic_script(s):
    return any('\u0600' <= c <= '\u06ff' for c in s)


def tokens(norm):
    return re.findall(r'[^\W\d_]+', norm)


def form_key(form):
    """A form as a tuple of normalised tokens."""
    return tuple(tokens(normalise(form.strip())))


def load_places(paths):
    """-> rows (list of dicts), ar forms {key: [row idx]}, en forms {key: [row idx]}."""
    rows, ar, en = [], collections.defaultdict(list), collections.defaultdict(list)
    for path in paths:
        if not os.path.exists(path):
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                if not line.strip() or line.startswith('#'):
                    continue
                cols = line.rstrip('\n').split('\t')
                if len(cols) != 9:
                    continue
                i = len(rows)
                rows.append({'id': cols[0], 'name': cols[1], 'kind': cols[2], 'country': cols[3],
                             'population': int(cols[7]), 'forms': cols[8]})
                for form in cols[8].split('|') + [cols[1]]:
                    arabic = is_arabic_script(form)
                    norm = normalise(form.strip())
                    letters = re.sub(r'\s', '', norm)
                    if len(letters) < 3 and not (not arabic and norm.isalpha() and norm.isascii() and form.isupper()):
                        continue
                    key = tuple(tokens(norm))
                    if not key:
                        continue
                    table = ar if arabic else en
                    if i not in table[key]:
                        table[key].append(i)
    return rows, ar, en


def ar_first_cores(tok):
    """(core, needs_article_form) for a first token: proclitic stripped."""
    out = []
    for p in PROCLITICS:
        if tok.startswith(p) and len(tok) > len(p):
            core = tok[len(p):]
            out.append((core, False))
            if p.endswith('ال') or p.endswith('لل'):
                out.append(('ال' + core, True))
    return out


def ar_last_cores(tok):
    out = [tok]
    for s in ENCLITICS:
        if tok.endswith(s) and len(tok) > len(s):
            out.append(tok[:-len(s)])
    for s in AFTER_T:
        if tok.endswith(s) and len(tok) > len(s) + 1 and tok[:-len(s)].endswith('ت'):
            out.append(tok[:-len(s) - 1] + 'ه')
    return out


def find_ar(toks, table, maxn):
    i, n_tok = 0, len(toks)
    while i < n_tok:
        hit = None
        for n in range(min(maxn, n_tok - i), 0, -1):
            if n == 1:
                for core, _ in ar_first_cores(toks[i]):
                    for c in ar_last_cores(core):
                        if (c,) in table:
                            hit = ((c,), toks[i])
                            break
                    if hit:
                        break
            else:
                mid = tuple(toks[i + 1:i + n - 1])
                for core, _ in ar_first_cores(toks[i]):
                    for last in ar_last_cores(toks[i + n - 1]):
                        key = (core,) + mid + (last,)
                        if key in table:
                            hit = (key, ' '.join(toks[i:i + n]))
                            break
                    if hit:
                        break
            if hit:
                yield hit[0], hit[1], i
                i += n
                break
        else:
            i += 1


def find_en(toks, table, maxn):
    i, n_tok = 0, len(toks)
    while i < n_tok:
        for n in range(min(maxn, n_tok - i), 0, -1):
            key = tuple(toks[i:i + n])
            if key in table:
                yield key, ' '.join(key), i
                i += n
                break
        else:
            i += 1


def scan(corpus, rows, ar, en, langs=('ar', 'en')):
    """-> {lang: Counter(form key)}, {lang: {key: example context}}, {lang: total}"""
    counts = {l: collections.Counter() for l in langs}
    ctx = {l: {} for l in langs}
    for lang in langs:
        table = ar if lang == 'ar' else en
        maxn = max((len(k) for k in table), default=1)
        finder = find_ar if lang == 'ar' else find_en
        for path in sorted(glob.glob(os.path.join(corpus, lang, '*.txt'))):
            with open(path, encoding='utf-8') as f:
                toks = tokens(normalise(f.read()))
            for key, surface, i in finder(toks, table, maxn):
                counts[lang][key] += 1
                if key not in ctx[lang]:
                    ctx[lang][key] = '%s: …%s…' % (os.path.basename(path), ' '.join(toks[max(0, i - 4):i + 5]))
    return counts, ctx


def describe(rows, idxs, k=3):
    best = sorted(idxs, key=lambda i: -rows[i]['population'])[:k]
    return '; '.join('%s %s/%s %d' % (rows[i]['name'], rows[i]['kind'], rows[i]['country'], rows[i]['population'])
                     for i in best) + (' (+%d)' % (len(idxs) - k) if len(idxs) > k else '')


def gold_locations(gold_dir):
    """-> list of (file, alternatives) for every gold event location."""
    out = []
    for path in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        with open(path, encoding='utf-8') as f:
            doc = json.load(f)
        for ev in doc.get('events', []):
            loc = ev.get('location')
            if isinstance(loc, str):
                loc = [loc]
            if loc:
                out.append((os.path.basename(path), loc))
    return out


def check_gold(gold_dir, ar, en):
    """Gold locations none of whose alternatives is a form (article stripping allowed)."""
    missing = []
    for name, alts in gold_locations(gold_dir):
        ok = False
        for a in alts:
            key = form_key(a)
            if not key:
                continue
            table = ar if is_arabic_script(a) else en
            if key in table or (key[0].startswith('ال') and (key[0][2:],) + key[1:] in table) \
                    or ('ال' + key[0],) + key[1:] in table:
                ok = True
                break
        if not ok:
            missing.append((name, alts))
    return missing


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--corpus', default=os.path.join(os.path.dirname(REPO), 'shared', 'corpus'))
    ap.add_argument('--places', default=os.path.join(REPO, 'config', 'gazetteer', 'places.tsv'))
    ap.add_argument('--extra', default=os.path.join(REPO, 'config', 'gazetteer', 'places_extra.tsv'))
    ap.add_argument('--gold', default=os.path.join(os.path.dirname(REPO), 'shared', 'eval', 'dev'))
    ap.add_argument('--top', type=int, default=300)
    ap.add_argument('--lang', choices=('ar', 'en'), action='append')
    ap.add_argument('--context', action='store_true', help='show the first occurrence of each match')
    args = ap.parse_args()

    rows, ar, en = load_places([args.places, args.extra])
    langs = tuple(args.lang or ('ar', 'en'))
    counts, ctx = scan(args.corpus, rows, ar, en, langs)
    for lang in langs:
        c = counts[lang]
        table = ar if lang == 'ar' else en
        print('== %s: %d place matches (%d distinct forms) in %d files' % (
            lang, sum(c.values()), len(c), len(glob.glob(os.path.join(args.corpus, lang, '*.txt')))))
        for key, n in c.most_common(args.top):
            line = '%6d  %s\t%s' % (n, ' '.join(key), describe(rows, table[key]))
            if args.context:
                line += '\t' + ctx[lang][key]
            print(line)
    missing = check_gold(args.gold, ar, en)
    print('== gold locations not resolvable: %d' % len(missing))
    for name, alts in missing:
        print('   %s: %s' % (name, ' | '.join(alts)))
    return 1 if missing else 0


if __name__ == '__main__':
    sys.exit(main())
