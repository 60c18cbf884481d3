#!/usr/bin/env python3
"""Check lexicon and gazetteer files against the formats of config/lexicons/README.md.

Usage:
    python3 scripts/check_lexicons.py                 # every known file under config/
    python3 scripts/check_lexicons.py FILE [FILE ...] # the given files (kind from the file name)

Checks, for every non-comment, non-blank line: the exact number of tab-separated columns, no
empty column (write `-`), no empty `|`-separated form, and the allowed values of the closed
columns (kinds, types, gender, number, ISO codes, numbers). Word-class files
(`config/lexicons/{ar,en}/words/*.tsv`) have the one column `forms`, and each class of the
`word_classes!` table in src/pipeline/lexicon/words.rs needs its file in both languages. Places files also need unique ids,
numeric lat/lon in range and an integer population; actors files need unique ids.
Warnings (not errors): a form listed twice in one file with different ids/values.
Exit status 1 when any error is found. Standard library only.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

ISO2 = re.compile(r'^[A-Z]{2}$')


def iso_or_dash(v):
    return v == '-' or bool(ISO2.match(v))


def one_of(*vals):
    s = set(vals)
    return lambda v: v in s


def integer(v):
    return re.fullmatch(r'-?\d+', v) is not None


def number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


def any_value(v):
    return True


def event_types():
    """The type names of config/event_types.tsv (the one list of event types), and none."""
    names = ['none']
    with open(os.path.join(REPO, 'config', 'event_types.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith('#'):
                names.append(line.split('\t')[0].strip())
    return tuple(names)


EVENT_TYPES = event_types()

# file name -> list of (column name, validator); the first column is always `forms`
SCHEMAS = {
    'events.tsv': [('forms', None), ('kind', one_of('noun', 'verb', 'phrase')),
                   ('type', one_of(*EVENT_TYPES)), ('subtype', lambda v: re.fullmatch(r'[a-z_]+|-', v) is not None),
                   ('weight', one_of('1', '2', '3'))],
    'quote_cues.tsv': [('forms', None), ('kind', one_of('verb', 'according', 'source')),
                       ('role', one_of('speech', 'announce', 'none'))],
    'complementizers.tsv': [('forms', None), ('kind', one_of('that', 'colon', 'from'))],
    'modality.tsv': [('forms', None), ('modality', one_of('uncertain', 'planned', 'negated', 'hypothetical', 'reported')),
                     ('position', one_of('before', 'after')), ('window', lambda v: integer(v) and int(v) >= 0)],
    'numbers.tsv': [('forms', None), ('value', lambda v: v == '-' or number(v)),
                    ('kind', one_of('unit', 'teen', 'ten', 'hundred', 'thousand', 'dozen', 'vague', 'single', 'exact_thousand'))],
    'qualifiers.tsv': [('forms', None), ('qualifier', one_of('up_to', 'at_least', 'about', 'more_than', 'exact', 'vague')),
                       ('position', one_of('before', 'after'))],
    'time.tsv': [('forms', None), ('kind', one_of('weekday', 'month', 'relative_day', 'past', 'next', 'current', 'duration')),
                 ('value', lambda v: v == '-' or integer(v))],
    'actors.tsv': [('forms', None), ('id', lambda v: re.fullmatch(r'[A-Za-z0-9:._\-]+', v) is not None),
                   ('type', one_of('country', 'organization', 'armed_group', 'media', 'person')),
                   ('name', any_value), ('country', iso_or_dash)],
    'nationalities.tsv': [('forms', None), ('country', lambda v: bool(ISO2.match(v))), ('adjective', any_value)],
    'roles.tsv': [('forms', None), ('role', lambda v: re.fullmatch(r'[a-z_]+', v) is not None),
                  ('gender', one_of('m', 'f')), ('number', one_of('sg', 'pl'))],
    'coreference.tsv': [('forms', None), ('kind', one_of('distinct'))],
    'abbreviations.tsv': [('forms', None)],
    'function_words.tsv': [('forms', None)],
    'name_connectors.tsv': [('forms', None)],
    'title_modifiers.tsv': [('forms', None)],
    'place_links.tsv': [('forms', None)],
}
PLACES = [('id', lambda v: integer(v) or re.fullmatch(r'(x:[a-z0-9\-]+|iso:[A-Z]{2}-[A-Z0-9]{1,3})', v) is not None), ('name', any_value),
          ('kind', one_of('site', 'city', 'region', 'country', 'area')), ('country', iso_or_dash),
          ('admin1', any_value), ('lat', lambda v: number(v) and -90 <= float(v) <= 90),
          ('lon', lambda v: number(v) and -180 <= float(v) <= 180),
          ('population', lambda v: integer(v) and int(v) >= 0), ('forms', None)]


# config/event_types.tsv: the columns the Rust loader (src/pipeline/lexicon/event_types.rs) reads
EVENT_TYPE_TABLE = [('type', lambda v: re.fullmatch(r'[a-z_]+', v) is not None and v != 'none'),
                    ('frame', one_of('meeting', 'agreement', 'attack', 'toll', 'actors')),
                    ('core', one_of('yes', 'no')), ('location', one_of('own', 'inherit')),
                    ('causes', one_of('yes', 'no')),
                    ('weapons', lambda v: v == '-' or re.fullmatch(r'[a-z_]+=[a-z_]+(,[a-z_]+=[a-z_]+)*', v) is not None),
                    ('days', lambda v: integer(v) and int(v) >= 0),
                    ('tolls', lambda v: v == '-' or (integer(v) and int(v) >= 1))]


WORDS = [('forms', None)]

# config/gazetteer/names.tsv (scripts/gen_place_names.py): the names answers show
NAMES = [('key', lambda v: re.fullmatch(r'\d+|(x|iso|actor):\S+', v) is not None),
         ('name_en', lambda v: v.isascii()),
         ('name_ar', lambda v: v == '-' or any('\u0600' <= c <= '\u06ff' for c in v))]

# config/lexicons/{ar,en}/morphology/: the files src/pipeline/lexicon/matcher/morphology.rs reads
MORPHOLOGY = {
    'proclitics.tsv': [('forms', None),
                       ('kind', one_of('conjunction', 'preposition', 'article', 'fused_article', 'present_verb',
                                       'verbal_noun'))],
    'enclitics.tsv': [('forms', None), ('kind', one_of('pronoun', 'after_ta', 'possessive', 'ta_marbuta'))],
    'verb_paradigm.tsv': [('forms', None), ('tense', one_of('past', 'present', 'present_prefix')),
                          ('gender', one_of('m', 'f', '-')), ('number', one_of('sg', 'du', 'pl', '-')),
                          ('weak', any_value)],
}
WORD_TABLE = os.path.join(REPO, 'src', 'pipeline', 'lexicon', 'words.rs')


def schema_for(path):
    base = os.path.basename(path)
    if base == 'event_types.tsv':
        return EVENT_TYPE_TABLE, 'event_types'
    if os.path.basename(os.path.dirname(os.path.abspath(path))) == 'words':
        return WORDS, 'words/' + base
    if os.path.basename(os.path.dirname(os.path.abspath(path))) == 'morphology' and base in MORPHOLOGY:
        return MORPHOLOGY[base], 'morphology/' + base
    if base.startswith('places'):
        return PLACES, 'places'
    if base == 'names.tsv' and os.path.basename(os.path.dirname(os.path.abspath(path))) == 'gazetteer':
        return NAMES, 'names'
    if base in SCHEMAS:
        return SCHEMAS[base], base
    return None, base


def check_file(path):
    schema, kind = schema_for(path)
    if schema is None:
        return [], ['%s: unknown file kind, not checked' % path]
    errors, warnings = [], []
    ids = {}
    forms_seen = {}
    n = 0
    with open(path, encoding='utf-8') as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip('\n').rstrip('\r')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            n += 1
            where = '%s:%d' % (path, lineno)
            cols = line.split('\t')
            if len(cols) != len(schema):
                errors.append('%s: %d columns, expected %d (%s)' % (
                    where, len(cols), len(schema), ' '.join(c for c, _ in schema)))
                continue
            for (cname, check), val in zip(schema, cols):
                if val.strip() == '' or val != val.strip():
                    errors.append('%s: column %s is empty or has surrounding spaces' % (where, cname))
                    continue
                if cname == 'forms':
                    parts = val.split('|')
                    if any(p.strip() == '' for p in parts):
                        errors.append('%s: empty form in %r' % (where, val[:80]))
                elif check is not None and not check(val):
                    errors.append('%s: bad %s %r' % (where, cname, val))
            key_col = {'places': 'id', 'actors.tsv': 'id', 'event_types': 'type', 'names': 'key'}.get(kind)
            if key_col:
                idx = [c for c, _ in schema].index(key_col)
                v = cols[idx]
                if v in ids:
                    errors.append('%s: duplicate id %s (first on line %d)' % (where, v, ids[v]))
                else:
                    ids[v] = lineno
            # (a morphology form may well stand in several kinds: ل is a preposition and a verb prefix)
            if kind not in ('places', 'event_types', 'names') and not kind.startswith('morphology/'):
                fidx = [c for c, _ in schema].index('forms')
                rest = tuple(c for i, c in enumerate(cols) if i != fidx)
                for form in cols[fidx].split('|'):
                    k = form.strip().lower()
                    if k in forms_seen and forms_seen[k][0] != rest:
                        warnings.append('%s: form %r also on line %d with other values' % (where, form, forms_seen[k][1]))
                    forms_seen.setdefault(k, (rest, lineno))
    return errors, warnings, n


def word_class_files():
    """The file names of the `word_classes!` table (`Variant => "file": "doc"`)."""
    with open(WORD_TABLE, encoding='utf-8') as f:
        return re.findall(r'^\s*[A-Z][A-Za-z]* => "([a-z_]+)":', f.read(), re.M)


def check_word_classes():
    """Errors for a class without its file in a language, or a file without its class."""
    errors = []
    classes = set(word_class_files())
    for lang in ('ar', 'en'):
        d = os.path.join(REPO, 'config', 'lexicons', lang, 'words')
        files = {x[:-4] for x in os.listdir(d) if x.endswith('.tsv')} if os.path.isdir(d) else set()
        for c in sorted(classes - files):
            errors.append('config/lexicons/%s/words/%s.tsv: missing (class in src/pipeline/lexicon/words.rs)' % (lang, c))
        for c in sorted(files - classes):
            errors.append('config/lexicons/%s/words/%s.tsv: no class in src/pipeline/lexicon/words.rs' % (lang, c))
    return errors


def main(argv):
    verbose = '-v' in argv
    paths = [a for a in argv if a != '-v']
    if not paths:
        paths.append(os.path.join(REPO, 'config', 'event_types.tsv'))
        for sub in ('config/lexicons/ar', 'config/lexicons/en', 'config/lexicons/ar/words', 'config/lexicons/en/words',
                    'config/lexicons/ar/morphology', 'config/lexicons/en/morphology', 'config/gazetteer'):
            d = os.path.join(REPO, sub)
            if os.path.isdir(d):
                paths += [os.path.join(d, x) for x in sorted(os.listdir(d)) if x.endswith('.tsv')]
    total_err = 0
    if not paths or any(os.path.basename(os.path.dirname(os.path.abspath(p))) == 'words' for p in paths):
        for e in check_word_classes():
            print('FAIL ' + e)
            total_err += 1
    for p in paths:
        res = check_file(p)
        if len(res) == 2:
            print(res[1][0])
            continue
        errors, warnings, n = res
        total_err += len(errors)
        status = 'OK' if not errors else 'FAIL'
        print('%-4s %s: %d entries, %d errors, %d warnings' % (status, os.path.relpath(p, REPO), n, len(errors), len(warnings)))
        for e in errors[:50]:
            print('  error: ' + e)
        for w in warnings[:(len(warnings) if verbose else 5)]:
            print('  warning: ' + w)
        if len(warnings) > 5 and not verbose:
            print('  ... %d more warnings (-v to list)' % (len(warnings) - 5))
    return 1 if total_err else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
