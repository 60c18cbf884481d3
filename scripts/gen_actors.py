#!/usr/bin/env python3
"""Generate the English armed-group and international-body rows of config/lexicons/en/actors.tsv
from the Phoenix (PETRARCH/CAMEO) actor dictionaries, MIT licence (openeventdata/UniversalPetrarch).

Usage (run by hand from the repository root; the output is committed):

    pip install pycountry wordfreq
    python3 scripts/gen_actors.py [--phoenix ../shared/resources/phoenix]
    python3 scripts/check_lexicons.py config/lexicons/en/actors.tsv

The file keeps two parts:
1. a generated part (everything above the marker line `# ==== HAND-KEPT`), rewritten on each run
   from `Phoenix.MilNonState.actors.txt` (armed non-state groups -> type `armed_group`, id
   `grp:<slug>`) and `Phoenix.International.actors.txt` (international organisations -> type
   `organization`, id `org:<slug>`);
2. the hand-kept part (from the marker line to the end), never touched by this script. Hand rows
   win: a generated entry whose id, or any of whose forms, is already in the hand part is left out
   (so the hand part can give Hezbollah, Hamas, ISIS, NATO ... their complete alias lists).

What is kept ("likely in news"):
- armed groups: entries whose CAMEO country/region code is in the Middle East, Africa, South,
  Central or South-East Asia, or international (IMG/INT); persons (names without a group word),
  aliases that are person names or common English words, and aliases of fewer than 3 letters are
  dropped. Underscored names become words (`AL-QAEDA_IN_IRAQ_` -> `Al-Qaeda in Iraq`).
- international bodies: IGO entries with an organisation word or an acronym; persons (entries with
  date ranges or without an organisation word) dropped; NGOs only from a short whitelist of
  bodies that news quotes (Red Cross, Amnesty, Human Rights Watch, MSF ...).
"""
import argparse
import os
import re
import sys

import pycountry
from wordfreq import zipf_frequency

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
MARKER = '# ==== HAND-KEPT'

RELEVANT_REGIONS = set('''
IRQ SYR LBN PSE ISR JOR IRN YEM SAU QAT KWT BHR OMN ARE EGY SDN SSD LBY TUN DZA MAR MRT SOM ETH
ERI KEN UGA NGA NER MLI TCD CMR CAF COD BFA SEN AFG PAK IND BGD LKA NPL PHL IDN THA MMR TUR UZB
TJK KGZ KAZ RUS AZE ARM GEO MEA EAF WAF NAF AFR SAS SEA CAS IMG INT KAS
'''.split())

def sp(s):
    return s.replace('_', ' ')


GROUP_WORDS = re.compile(r"""\b(ARMY|FRONT|BRIGADES?|MOVEMENT|ORGANI[SZ]ATION|PARTY|GROUPS?|FORCES?|
ISLAMI[CY]?A?|JIHAD|MUJAHIDEEN|MUJAHEDIN|TALIBAN|HAMAS|QAEDA|QA'IDA|QAIDA|SHABAA?B|HARAM|HEZBOLLAH|
HIZB\w*|LIBERATION|RESISTANCE|COMMANDOS?|CELLS?|COMMITTEE|COUNCIL|BATTALIONS?|JAMAA?T?|JAMA'A|
ANSAR\w*|JAISH|JAYSH|JABHAT|HARAKAT|HARKAT|LASHKAR|TEHRIK|TEHREEK|MILITIAS?|UNION|LEAGUE|
FEDERATION|SQUADS?|FIGHTERS|TIGERS|REBELS?|GUERRILLAS?|MARTYRS|STATE|EMIRATE|CALIPHATE|SOLDIERS|
GUARDIANS|DEFENDERS|VANGUARD|LEGION|ALLIANCE|NETWORK|FACTION|BLOC|REVOLUTIONARY|NATIONAL|
DEMOCRATIC|PEOPLE'?S|POPULAR|SONS|BRIGADA|KATAIB|KATA'IB|ASA'IB|ASAIB|SARAYA|LIWA|FATAH|PKK|PFLP)\b""",
                         re.X)
ORG_WORDS = re.compile(r"""\b(ORGANI[SZ]ATION|UNITED NATIONS|COUNCIL|AGENCY|FUND|BANK|UNION|COMMISSION|
COURT|LEAGUE|COMMITTEE|PROGRAMM?E|ASSOCIATION|FEDERATION|CONFERENCE|ASSEMBLY|PARLIAMENT|
SECRETARIAT|TRIBUNAL|OFFICE|INSTITUTE|COMMUNITY|ALLIANCE|FORUM|PANEL|MISSION|FORCE|CROSS|CRESCENT|
WATCH|TREATY|PACT|GROUP|SECRETARY|CORPS|AUTHORITY|CENTRE|CENTER|BOARD|DIRECTORATE)\b""", re.X)

NGO_WHITELIST = re.compile(r"""^(INTERNATIONAL_COMMITTEE_OF_THE_RED_CROSS|RED_CROSS|ICRC|RED_CRESCENT|
INTERNATIONAL_FEDERATION_OF_RED_CROSS|AMNESTY_INTERNATIONAL|AMNESTY|HUMAN_RIGHTS_WATCH|
DOCTORS_WITHOUT_BORDERS|MEDECINS_SANS_FRONTIERES|MSF|SAVE_THE_CHILDREN|OXFAM|
REPORTERS_WITHOUT_BORDERS|COMMITTEE_TO_PROTECT_JOURNALISTS|TRANSPARENCY_INTERNATIONAL|
INTERNATIONAL_CRISIS_GROUP|GREENPEACE|CARE_INTERNATIONAL|NORWEGIAN_REFUGEE_COUNCIL|
INTERNATIONAL_RESCUE_COMMITTEE|SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS|WHITE_HELMETS)""", re.X)

# aliases never used (wrong or too ambiguous for a news matcher)
ALIAS_BLACKLIST = set('''
islamic jihad|islamic jihad for the liberation of palestine|party of god|la liga|camo|
triple a|al-aqsa|al aksa|jtmm|qaeda group|the volcano organization|martyrs of democracy|
black friday|black december|black hand|anarchist faction|the base|base|state|the state|
islamic state|is|national front|popular front|liberation front|the organization|the party|
the movement|the front|the group|the army|the union|the league|the council|the agency|
the commission|the court|the bank|the fund|the committee|islamic party|islamic union|
islamic unity|islamic society|islamic community|islamic group|jihad group|al-jihad|movement of hope|
islamic movement|the group of death|armed islamic group|army of the pure|army of the righteous|
army of jihad|army of the prophet|green cells|green battalion|islamic task organization|
al-qaeda organization|al-jihad al-islami|brigades of vengeance|islamic freedom fighters group
'''.replace('\n', '').split('|'))
ALIAS_BLACKLIST = set(a.strip() for a in ALIAS_BLACKLIST if a.strip())

SMALL = {'of', 'the', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'al', 'el', 'ul', 'e', 'i', 'de',
         'la', 'du', 'des', 'li', 'bin', 'ibn', 'wal'}


def iso2(code3):
    c = pycountry.countries.get(alpha_3=code3)
    return c.alpha_2 if c else '-'


def words(name):
    """UNDERSCORE_NAMES_ -> words, acronyms kept, others title-cased."""
    s = name.strip().strip('_').replace('__', '_').replace('_', ' ')
    s = re.sub(r'\([^)]*$', '', s)  # unbalanced "(..."
    s = re.sub(r'\s+', ' ', s).strip()
    toks = s.split(' ')
    out = []
    for i, w in enumerate(toks):
        lw = w.lower()
        if i > 0 and lw in SMALL:
            out.append(lw)
        elif (len(toks) == 1 and re.fullmatch(r"[A-Z.&\-]{2,6}", w)) or \
                re.fullmatch(r"[B-DF-HJ-NP-TV-Z]{2,6}", w) or re.fullmatch(r'(?:[A-Z]\.){2,}', w):
            out.append(w)  # acronym: IAEA, NATO, PKK, U.N.
        else:
            out.append('-'.join(p[:1].upper() + p[1:].lower()
                                if j == 0 or p.lower() not in ('al', 'el', 'ul', 'e', 'i') else p.lower()
                                for j, p in enumerate(w.split('-'))))
    return ' '.join(out)


def slug(name):
    s = words(name).lower()
    s = re.sub(r'\(.*?\)', '', s)
    return re.sub(r'[^a-z0-9]+', '-', s).strip('-')[:48]


def parse_blocks(path):
    """Yield (name, aliases, codes, comment) for each entry of a PETRARCH actor file."""
    blocks = []
    cur = None
    with open(path, encoding='utf-8', errors='replace') as f:
        for raw in f:
            line = raw.rstrip('\n')
            if not line.strip() or line.lstrip().startswith('#'):
                continue
            body, _, comment = line.partition('#')
            codes = re.findall(r'\[([^\]]*)\]', body)
            text = re.sub(r'\[[^\]]*\]', '', body).strip()
            if line.startswith('+'):
                if cur is not None:
                    for a in text[1:].split('+'):
                        if a.strip():
                            cur[1].append(a.strip())
                    cur[2].extend(codes)
                continue
            if line[0] in ' \t':
                if cur is not None:
                    cur[2].extend(codes)
                continue
            cur = [text, [], list(codes), comment.strip()]
            blocks.append(cur)
    return [b for b in blocks if b[0]]


def clean_forms(name, aliases, keep_alias):
    forms = []
    for n in [name] + aliases:
        m = re.search(r'\(([A-Z0-9\-]{3,8})\)', n)
        base = re.sub(r'\([^)]*\)', '', n).strip(' _')
        cands = [base] + ([m.group(1)] if m else [])
        for c in cands:
            w = words(c)
            if not w:
                continue
            lw = w.lower()
            letters = re.sub(r'[^a-z]', '', lw)
            if len(letters) < 3 or lw in ALIAS_BLACKLIST:
                continue
            if ' ' not in w and not w.isupper() and zipf_frequency(lw, 'en') >= 4.0:
                continue  # a common English word
            if n is not name and not keep_alias(c):
                continue
            if lw not in (f.lower() for f in forms):
                forms.append(w)
    return forms


def load_hand(path):
    hand_lines, ids, forms = [], set(), set()
    if os.path.exists(path):
        with open(path, encoding='utf-8') as f:
            lines = f.read().split('\n')
        starts = [i for i, l in enumerate(lines) if l.startswith(MARKER)]
        if starts:
            hand_lines = lines[starts[0]:]
        for line in hand_lines:
            if line.strip() and not line.startswith('#'):
                cols = line.split('\t')
                if len(cols) >= 2:
                    ids.add(cols[1])
                    forms.update(x.strip().lower() for x in cols[0].split('|'))
    if not hand_lines:
        hand_lines = [MARKER + ': rows below are kept by hand; gen_actors.py never rewrites them', '']
    while hand_lines and hand_lines[-1] == '':
        hand_lines.pop()
    return hand_lines, ids, forms


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--phoenix', default=os.path.join(os.path.dirname(REPO), 'shared', 'resources', 'phoenix'))
    ap.add_argument('--out', default=os.path.join(REPO, 'config', 'lexicons', 'en', 'actors.tsv'))
    args = ap.parse_args()

    hand_lines, hand_ids, hand_forms = load_hand(args.out)
    rows = {}
    used_forms = set(hand_forms)

    def add(rid, typ, forms, country):
        forms = [f for f in forms if f.lower() not in used_forms]
        if not forms or rid in hand_ids:
            return
        if rid in rows:
            old = rows[rid]
            old[1].extend(forms)
        else:
            rows[rid] = [typ, forms, forms[0], country]
        used_forms.update(f.lower() for f in forms)

    # ---- armed non-state groups
    for name, aliases, codes, comment in parse_blocks(os.path.join(args.phoenix, 'Phoenix.MilNonState.actors.txt')):
        code = (codes[0].split() or [''])[0] if codes else ''
        region = code[:3]
        if region not in RELEVANT_REGIONS:
            continue
        if not GROUP_WORDS.search(sp(name)) and not re.fullmatch(r'[A-Z]{3,6}_?', name):
            continue  # a person, or a name too vague
        if 'senior leader' in comment or 'leader' in comment.lower():
            continue
        country = iso2(region) if region not in ('IMG', 'INT', 'MEA', 'EAF', 'WAF', 'NAF', 'AFR', 'SAS',
                                                 'SEA', 'CAS', 'KAS') else '-'
        name_tokens = set(t for t in re.split(r'[_\-\s]+', name.upper()) if len(t) > 3)
        forms = clean_forms(name, aliases, lambda a: bool(GROUP_WORDS.search(sp(a))) or
                            re.fullmatch(r"[A-Z]{3,5}_?", a) is not None or
                            bool(name_tokens & set(re.split(r'[_\-\s]+', a.upper()))))
        if forms:
            add('grp:' + slug(name), 'armed_group', forms, country)

    # ---- international organisations
    for name, aliases, codes, comment in parse_blocks(os.path.join(args.phoenix, 'Phoenix.International.actors.txt')):
        if not codes:
            continue
        first = codes[0].strip()
        code = (first.split() or [''])[0]
        dated = any(re.search(r'\d{6}', c) for c in codes)
        if dated:
            continue  # a person holding an office for a period
        if code.startswith('IGO'):
            pass
        elif code.startswith('NGO') and NGO_WHITELIST.match(name.strip('_')):
            pass
        else:
            continue
        bare = name.strip('_ ')
        if not ORG_WORDS.search(sp(name)) and not re.fullmatch(r'[A-Z.]{2,8}', bare) and \
                not NGO_WHITELIST.match(bare) and bare not in ('NATO', 'THE_UNITED_NATIONS', 'UNITED_NATIONS'):
            continue
        forms = clean_forms(name, aliases, lambda a: bool(ORG_WORDS.search(sp(a))) or
                            re.fullmatch(r"[A-Z.]{3,6}_?", a) is not None)
        if forms:
            add('org:' + slug(name), 'organization', forms, '-')

    with open(args.out, 'w', encoding='utf-8', newline='\n') as f:
        f.write('# English actors: forms\tid\ttype\tname\tcountry (see config/lexicons/README.md)\n')
        f.write('# GENERATED part: scripts/gen_actors.py from the Phoenix dictionaries (MIT licence,\n')
        f.write('# openeventdata/UniversalPetrarch): armed non-state groups and international bodies.\n')
        f.write('# Do not edit above the HAND-KEPT marker: edit the script, or add a hand row below.\n')
        for rid in sorted(rows):
            typ, forms, name, country = rows[rid]
            f.write('%s\t%s\t%s\t%s\t%s\n' % ('|'.join(forms), rid, typ, name, country))
        f.write('\n' + '\n'.join(hand_lines) + '\n')
    print('wrote %d generated rows + %d hand lines to %s' % (len(rows), len(hand_lines), args.out),
          file=sys.stderr)


if __name__ == '__main__':
    main()
