// hadath web page: sends an article to POST /v1/extract and shows the events and quotes
// highlighted in the text. Plain ES module, no dependencies; everything is built with DOM
// calls (no innerHTML of response data) so the page works under a strict CSP.

const EVENT_TYPES = new Set(['meeting', 'strike', 'casualties']);
const NEGATIVE_MODALITIES = new Set(['negated', 'hypothetical']);
const COUNT_KINDS = ['killed', 'injured'];

const $ = (id) => document.getElementById(id);

const els = {
  form: $('extract-form'),
  text: $('article-text'),
  date: $('published-at'),
  language: $('language'),
  submit: $('submit'),
  sample: $('sample'),
  clear: $('clear'),
  status: $('status'),
  error: $('error'),
  results: $('results'),
  summary: $('summary'),
  view: $('article-view'),
  details: $('details'),
  eventsList: $('events-list'),
  eventsCount: $('events-count'),
  quotesList: $('quotes-list'),
  quotesCount: $('quotes-count'),
  placesPlot: $('places-plot'),
  placesList: $('places-list'),
  copy: $('copy-json'),
  download: $('download-json'),
  copyStatus: $('copy-status'),
  tooltip: $('tooltip'),
};

/** State of the result currently shown. */
const state = {
  raw: '',          // the response body exactly as received
  result: null,     // parsed response
  text: '',         // the text that was submitted (offsets index it, UTF-16)
  segCovers: new Map(), // segment element -> spans covering it
  itemSegs: new Map(),  // 'e:<id>' | 'q:<id>' -> segment elements belonging to the item
  triggerSeg: new Map(),// 'e:<id>' | 'q:<id>' -> first segment of its trigger / content
  active: [],       // segments currently marked active
  controller: null, // AbortController of the request in flight
};

// ---------------------------------------------------------------- helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

const typeClass = (type) => (EVENT_TYPES.has(type) ? type : 'other');
const isSpan = (s, len) =>
  s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end <= len && s.start < s.end;
const truncate = (s, n = 160) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s || '');
const humanise = (s) => (s ? String(s).replace(/_/g, ' ') : '');
const capital = (s) => (s ? s.charAt(0).toUpperCase() + s.slice(1) : '');

/** A count object ({min, max, qualifier, text}) as words. */
function formatCount(c) {
  if (!c) return '';
  const { min, max, qualifier } = c;
  const has = (v) => v !== null && v !== undefined;
  let n;
  switch (qualifier) {
    case 'at_least': n = `at least ${has(min) ? min : max}`; break;
    case 'up_to': n = `up to ${has(max) ? max : min}`; break;
    case 'about': n = `about ${has(min) ? min : max}`; break;
    case 'more_than': n = `more than ${has(min) ? min : max}`; break;
    case 'vague': n = 'an unspecified number'; break;
    default:
      if (has(min) && has(max)) n = min === max ? `${min}` : `${min}–${max}`;
      else if (has(min)) n = `at least ${min}`;
      else if (has(max)) n = `up to ${max}`;
      else n = 'unspecified';
  }
  return n;
}

function formatCoord(lat, lon) {
  const f = (v, pos, neg) => `${Math.abs(v).toFixed(2)}° ${v >= 0 ? pos : neg}`;
  return `${f(lat, 'N', 'S')}, ${f(lon, 'E', 'W')}`;
}

const hasCoords = (loc) => loc && Number.isFinite(loc.lat) && Number.isFinite(loc.lon);

function textLang() {
  const lang = state.result && state.result.language;
  return lang === 'ar' ? { lang: 'ar', dir: 'rtl' } : { lang: lang || 'en', dir: 'ltr' };
}

/** An inline piece of article text, in the article's language and direction. */
function quoteText(s, n) {
  const { lang } = textLang();
  return el('bdi', { class: 'src-text', lang, dir: 'auto' }, truncate(s, n));
}

function setStatus(msg) {
  els.status.textContent = msg;
}

// ---------------------------------------------------------------- errors

function friendlyMessage(status, problem) {
  const blob = `${problem.title || ''} ${problem.detail || ''}`.toLowerCase();
  switch (status) {
    case 400:
      return 'The server could not read the request. Please try again.';
    case 401:
    case 403:
      return 'This server requires an API key, so this page cannot use it directly. Ask its operator for access.';
    case 413:
      return 'The article is too long to process in one request. Shorten it or split it into parts.';
    case 415:
      return 'The request was sent in a format the server does not accept.';
    case 422:
      if (/empty|blank|no text|missing text/.test(blob)) return 'The article text is empty. Paste an article (or load the sample) first.';
      if (/lang/.test(blob)) return 'That language is not supported. Choose Arabic, English, or automatic detection.';
      if (/date|published/.test(blob)) return 'The publication date could not be read. Use a date like 2023-11-15.';
      return 'The server could not use this input: the text may be empty, the language unsupported, or the date unreadable.';
    case 429:
    case 503:
      return 'The server is busy right now. Please try again in a moment.';
    default:
      if (status >= 500) return 'The server ran into a problem. Please try again later.';
      return `The request failed (HTTP ${status}).`;
  }
}

function showError(message, problem, status) {
  els.error.replaceChildren();
  els.error.append(el('p', { class: 'error-title' }, el('strong', {}, message)));
  if (problem && (problem.title || problem.detail)) {
    const parts = [problem.title, problem.detail].filter(Boolean).join(': ');
    els.error.append(el('p', { class: 'error-detail' }, `Server said: ${parts}${status ? ` (HTTP ${status})` : ''}`));
  }
  els.error.hidden = false;
}

function clearError() {
  els.error.hidden = true;
  els.error.replaceChildren();
  els.text.removeAttribute('aria-invalid');
  els.date.removeAttribute('aria-invalid');
  els.language.removeAttribute('aria-invalid');
}

// ---------------------------------------------------------------- request

async function extract(ev) {
  ev.preventDefault();
  clearError();
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;

  const text = els.text.value;
  const body = { text, language: els.language.value || 'auto', offsets: 'utf16' };
  if (els.date.value) body.published_at = els.date.value;

  els.submit.disabled = true;
  els.results.setAttribute('aria-busy', 'true');
  setStatus('Extracting…');
  let resp;
  try {
    resp = await fetch('/v1/extract', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
  } catch (err) {
    if (err.name === 'AbortError') return;
    finish(controller);
    setStatus('');
    showError('Could not reach the hadath server. Check your network connection and try again.');
    return;
  }

  let raw = '';
  try {
    raw = await resp.text();
  } catch (err) {
    if (err.name === 'AbortError') return;
  }
  if (state.controller !== controller) return; // a newer request superseded this one
  finish(controller);

  if (!resp.ok) {
    let problem = {};
    try { problem = JSON.parse(raw) || {}; } catch { problem = {}; }
    if (typeof problem !== 'object') problem = {};
    setStatus('');
    const msg = friendlyMessage(resp.status, problem);
    showError(msg, problem, resp.status);
    if (resp.status === 422) {
      const blob = `${problem.title || ''} ${problem.detail || ''}`.toLowerCase();
      const target = /date|published/.test(blob) ? els.date : /lang/.test(blob) ? els.language : els.text;
      target.setAttribute('aria-invalid', 'true');
    }
    return;
  }

  let result;
  try {
    result = JSON.parse(raw);
  } catch {
    setStatus('');
    showError('The server sent a response that is not valid JSON.');
    return;
  }
  state.raw = raw;
  state.result = result;
  state.text = text;
  render();
  const ne = (result.events || []).length;
  const nq = (result.quotes || []).length;
  setStatus(`Done: ${ne} event${ne === 1 ? '' : 's'}, ${nq} quote${nq === 1 ? '' : 's'}.`);
}

function finish(controller) {
  if (state.controller === controller) state.controller = null;
  els.submit.disabled = false;
  els.results.removeAttribute('aria-busy');
}

async function loadSample() {
  clearError();
  setStatus('Loading the sample article…');
  try {
    const resp = await fetch('/static/sample.json');
    if (!resp.ok) throw new Error(`HTTP ${resp.status}`);
    const s = await resp.json();
    els.text.value = s.text || '';
    els.date.value = s.published_at || '';
    els.language.value = ['ar', 'en'].includes(s.language) ? s.language : 'auto';
    setStatus('Sample article loaded. Press “Extract events and quotes”.');
    els.text.focus();
  } catch (err) {
    setStatus('');
    showError(`Could not load the sample article (${err.message}).`);
  }
}

// ---------------------------------------------------------------- spans and segments

/**
 * Every highlightable span of the result: {start, end, kind, cls[], event?|quote?, label}.
 */
function collectSpans(result, len) {
  const spans = [];
  const add = (span, kind, cls, extra) => {
    if (isSpan(span, len)) spans.push({ start: span.start, end: span.end, kind, cls, span, ...extra });
  };
  for (const event of result.events || []) {
    const t = typeClass(event.type);
    const neg = NEGATIVE_MODALITIES.has(event.modality) ? ['mod-negated'] : [];
    add(event.trigger, 'trigger', ['trigger', `ev-${t}`, ...neg], { event, label: `${event.type} trigger` });
    for (const m of event.mentions || []) add(m, 'mention', ['mention', `mention-${t}`], { event, label: `mention of ${event.type}` });
    for (const a of event.actors || []) add(a, 'actor', ['arg', 'arg-actor'], { event, actor: a, label: `${a.role || 'actor'} of ${event.type}` });
    if (event.location) add(event.location, 'location', ['arg', 'arg-location'], { event, label: `place of ${event.type}` });
    if (event.time) add(event.time, 'time', ['arg', 'arg-time'], { event, label: `time of ${event.type}` });
    const cas = event.casualties || {};
    for (const k of COUNT_KINDS) if (cas[k]) add(cas[k], 'count', ['arg', 'arg-count'], { event, which: k, label: `${k} count` });
  }
  for (const quote of result.quotes || []) {
    add(quote.content, 'content', ['quote-content', `qk-${quote.kind || 'direct'}`], { quote, label: `${quote.kind || ''} quote` });
    add(quote.speaker, 'speaker', ['quote-speaker'], { quote, label: 'quote speaker' });
    add(quote.cue, 'cue', ['quote-cue'], { quote, label: 'speech cue' });
    add(quote.via, 'via', ['quote-via'], { quote, label: 'quoted via' });
  }
  return spans;
}

/** Non-overlapping segments [a, b) from all span boundaries, each with the spans covering it. */
function buildSegments(spans, len) {
  const cuts = new Set([0, len]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  const bounds = [...cuts].sort((x, y) => x - y);
  // Sweep: spans sorted by start; keep the active set.
  const byStart = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const segments = [];
  let next = 0;
  let open = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    while (next < byStart.length && byStart[next].start <= a) open.push(byStart[next++]);
    open = open.filter((s) => s.end > a);
    segments.push({ start: a, end: b, covers: open.filter((s) => s.start <= a && s.end >= b) });
  }
  return segments;
}

const itemKey = (s) => (s.event ? `e:${s.event.id}` : `q:${s.quote.id}`);

function pushMap(map, key, value) {
  const list = map.get(key);
  if (list) { if (!list.includes(value)) list.push(value); } else map.set(key, [value]);
}

function segmentLabel(text, covers) {
  const seen = [];
  for (const c of covers) if (!seen.includes(c.label)) seen.push(c.label);
  return `${truncate(text, 80)} — ${seen.join(', ')}`;
}

function renderArticle() {
  const { text, result } = state;
  const { lang, dir } = textLang();
  const view = els.view;
  view.replaceChildren();
  view.setAttribute('dir', dir);
  view.setAttribute('lang', lang);
  state.segCovers = new Map();
  state.itemSegs = new Map();
  state.triggerSeg = new Map();
  state.active = [];

  const spans = collectSpans(result, text.length);
  const frag = document.createDocumentFragment();
  for (const seg of buildSegments(spans, text.length)) {
    const piece = text.slice(seg.start, seg.end);
    if (!seg.covers.length) { frag.append(piece); continue; }

    const cls = new Set(['hl', 'seg']);
    for (const c of seg.covers) for (const k of c.cls) cls.add(k);
    const node = el('span', { class: [...cls].join(' '), tabindex: '0', role: 'button' }, piece);
    node.setAttribute('aria-label', segmentLabel(piece, seg.covers));

    const triggers = uniqueBy(seg.covers.filter((c) => c.kind === 'trigger'), (c) => c.event.id);
    const contents = uniqueBy(seg.covers.filter((c) => c.kind === 'content'), (c) => c.quote.id);
    const mentions = uniqueBy(seg.covers.filter((c) => c.kind === 'mention'), (c) => c.event.id);
    if (triggers.length) node.dataset.eventId = triggers[0].event.id;
    if (contents.length) node.dataset.quoteId = contents[0].quote.id;
    if (mentions.length) node.dataset.mentionOf = mentions.map((c) => c.event.id).join(' ');

    // A small tag where a trigger or a quote starts: a cue beside colour.
    const tags = [];
    for (const c of triggers) if (c.start === seg.start) tags.push(c.event.type || 'event');
    for (const c of contents) if (c.start === seg.start) tags.push(`${c.quote.kind || ''} quote`.trim());
    if (tags.length) { node.dataset.tag = tags.join(' · '); node.classList.add('tagged'); }

    state.segCovers.set(node, seg.covers);
    for (const c of seg.covers) pushMap(state.itemSegs, itemKey(c), node);
    for (const c of triggers) if (!state.triggerSeg.has(`e:${c.event.id}`)) state.triggerSeg.set(`e:${c.event.id}`, node);
    for (const c of contents) if (!state.triggerSeg.has(`q:${c.quote.id}`)) state.triggerSeg.set(`q:${c.quote.id}`, node);

    // Further triggers / quotes sharing this segment: wrap it so each id has its element.
    let outer = node;
    for (const c of triggers.slice(1)) outer = el('span', { class: 'alias trigger', 'data-event-id': c.event.id }, outer);
    for (const c of contents.slice(1)) outer = el('span', { class: 'alias', 'data-quote-id': c.quote.id }, outer);
    frag.append(outer);
  }
  view.append(frag);
}

function uniqueBy(list, key) {
  const seen = new Set();
  return list.filter((x) => { const k = key(x); if (seen.has(k)) return false; seen.add(k); return true; });
}

// ---------------------------------------------------------------- details

function row(dl, term, ...value) {
  const vals = value.flat().filter((v) => v !== undefined && v !== null && v !== '');
  if (!vals.length) return;
  dl.append(el('dt', {}, term), el('dd', {}, ...vals));
}

function eventById(id) {
  return (state.result.events || []).find((e) => e.id === id);
}

function eventCard(event, roles) {
  const t = typeClass(event.type);
  const card = el('section', { class: `card ev-${t}` });
  card.append(el('h4', {},
    el('span', { class: `type-tag ev-${t}` }, event.type || 'event'),
    ' ', capital(humanise(event.subtype || event.type)), ' ', el('span', { class: 'id' }, `(${event.id})`)));
  if (roles && roles.length) card.append(el('p', { class: 'role-note' }, `This passage: ${roles.join(', ')}`));
  const dl = el('dl');
  row(dl, 'Type', event.type);
  row(dl, 'Subtype', humanise(event.subtype));
  row(dl, 'Modality', event.modality ? [event.modality, NEGATIVE_MODALITIES.has(event.modality) ? ' (not counted as an event)' : ''] : '');
  if (event.background) row(dl, 'Background', 'yes: the setting of the news, not the news itself');
  if (event.trigger) row(dl, 'Trigger', quoteText(event.trigger.text));
  if ((event.mentions || []).length) {
    row(dl, `Mentions (${event.mentions.length})`, el('ul', { class: 'plain' }, event.mentions.map((m) => el('li', {}, quoteText(m.text, 80)))));
  }
  if ((event.actors || []).length) {
    row(dl, 'Actors', el('ul', { class: 'plain' }, event.actors.map((a) => el('li', {},
      el('span', { class: 'role' }, humanise(a.role || 'actor')), ': ', quoteText(a.text, 80),
      a.name && a.name !== a.text ? ` → ${a.name}` : '', a.entity ? el('span', { class: 'id' }, ` [${a.entity}]`) : ''))));
  }
  const loc = event.location;
  if (loc) {
    row(dl, 'Place', quoteText(loc.text, 80),
      loc.name && loc.name !== loc.text ? ` → ${loc.name}` : '', loc.country ? ` (${loc.country})` : '',
      hasCoords(loc) ? el('span', { class: 'coords' }, ` · ${formatCoord(loc.lat, loc.lon)}`) : '');
  }
  if (event.time) {
    row(dl, 'Time', quoteText(event.time.text, 80), event.time.date ? [' → ', el('time', { datetime: event.time.date }, event.time.date)] : '');
  }
  const cas = event.casualties || {};
  for (const k of COUNT_KINDS) {
    const c = cas[k];
    if (!c) continue;
    const range = `min ${c.min ?? '–'}, max ${c.max ?? '–'}`;
    row(dl, capital(k), `${formatCount(c)} `, el('span', { class: 'muted' }, `(qualifier: ${humanise(c.qualifier || 'exact')}; ${range})`),
      c.text ? [' — ', quoteText(c.text, 80)] : '');
  }
  if (event.cause) {
    const cause = eventById(event.cause);
    row(dl, 'Caused by', itemLink(`e:${event.cause}`, cause ? `${cause.type} “${truncate(cause.trigger && cause.trigger.text, 40)}” (${event.cause})` : event.cause));
  }
  if (Number.isFinite(event.confidence)) {
    const pct = Math.round(event.confidence * 100);
    row(dl, 'Confidence', el('meter', { min: '0', max: '1', value: String(event.confidence), 'aria-label': `confidence ${pct}%` }), ` ${pct}%`);
  }
  if (Number.isInteger(event.sentence)) row(dl, 'Sentence', String(event.sentence));
  card.append(dl);
  return card;
}

function quoteCard(quote, roles) {
  const card = el('section', { class: 'card quote-card' });
  card.append(el('h4', {}, el('span', { class: 'type-tag quote-tag' }, `${quote.kind || ''} quote`.trim()), ' ', el('span', { class: 'id' }, `(${quote.id})`)));
  if (roles && roles.length) card.append(el('p', { class: 'role-note' }, `This passage: ${roles.join(', ')}`));
  const dl = el('dl');
  row(dl, 'Kind', quote.kind);
  if (quote.content) row(dl, 'Content', quoteText(quote.content.text, 400));
  const sp = quote.speaker;
  if (sp) {
    row(dl, 'Speaker', quoteText(sp.text, 80), sp.name && sp.name !== sp.text ? ` → ${sp.name}` : '');
    row(dl, 'Resolution', sp.resolution);
  } else {
    row(dl, 'Speaker', 'unknown');
  }
  if (quote.cue) row(dl, 'Cue', quoteText(quote.cue.text, 80));
  if (quote.via) row(dl, 'Via', quoteText(quote.via.text, 80), quote.via.name && quote.via.name !== quote.via.text ? ` → ${quote.via.name}` : '');
  if (Number.isInteger(quote.sentence)) row(dl, 'Sentence', String(quote.sentence));
  card.append(dl);
  return card;
}

/** Cards for each event / quote among the spans (with what role this passage plays). */
function cardsFor(covers) {
  const items = new Map();
  for (const c of covers) {
    const key = itemKey(c);
    if (!items.has(key)) items.set(key, { c, roles: [] });
    const roles = items.get(key).roles;
    let role = c.kind;
    if (c.kind === 'actor') role = c.actor.role || 'actor';
    if (c.kind === 'count') role = `${c.which} count`;
    if (c.kind === 'content') role = 'quoted words';
    if (!roles.includes(role)) roles.push(role);
  }
  return [...items.values()].map(({ c, roles }) => (c.event ? eventCard(c.event, roles) : quoteCard(c.quote, roles)));
}

function showDetails(covers, keys) {
  clearActive();
  els.details.replaceChildren(...cardsFor(covers));
  for (const key of keys || uniqueBy(covers, itemKey).map(itemKey)) {
    for (const s of state.itemSegs.get(key) || []) { s.classList.add('active'); state.active.push(s); }
  }
}

function clearActive() {
  for (const s of state.active) s.classList.remove('active');
  state.active = [];
}

/** A button that jumps to an event / quote in the text and shows its details. */
function itemLink(key, label) {
  return el('button', { type: 'button', class: 'linklike', 'data-item': key }, label);
}

function focusItem(key) {
  const [kind, id] = [key.slice(0, 1), key.slice(2)];
  const item = kind === 'e' ? eventById(id) : (state.result.quotes || []).find((q) => q.id === id);
  if (!item) return;
  const covers = [kind === 'e' ? { event: item, kind: 'trigger', label: 'trigger' } : { quote: item, kind: 'content', label: 'quote' }];
  showDetails(covers, [key]);
  const seg = state.triggerSeg.get(key);
  if (seg) {
    seg.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    seg.focus({ preventScroll: true });
  }
}

// ---------------------------------------------------------------- tooltip

function showTooltip(node) {
  const covers = state.segCovers.get(node);
  if (!covers) return;
  const tip = els.tooltip;
  tip.replaceChildren();
  for (const item of uniqueBy(covers, itemKey)) {
    const roles = uniqueBy(covers.filter((c) => itemKey(c) === itemKey(item)), (c) => c.label).map((c) => c.label);
    if (item.event) {
      const e = item.event;
      const bits = [e.subtype && humanise(e.subtype), e.modality, e.location && (e.location.name || e.location.text),
        e.time && (e.time.date || e.time.text)].filter(Boolean);
      const cas = e.casualties || {};
      for (const k of COUNT_KINDS) if (cas[k]) bits.push(`${k}: ${formatCount(cas[k])}`);
      tip.append(el('div', { class: 'tip-row' },
        el('span', { class: `type-tag ev-${typeClass(e.type)}` }, e.type || 'event'), ' ',
        el('span', {}, `${bits.join(' · ')}`), el('div', { class: 'muted' }, roles.join(', '))));
    } else {
      const q = item.quote;
      const sp = q.speaker ? q.speaker.name || q.speaker.text : 'unknown speaker';
      tip.append(el('div', { class: 'tip-row' },
        el('span', { class: 'type-tag quote-tag' }, `${q.kind || ''} quote`.trim()), ' ',
        el('span', {}, 'speaker: ', el('bdi', {}, sp), q.via ? [' via ', el('bdi', {}, q.via.text)] : ''),
        el('div', { class: 'muted' }, roles.join(', '))));
    }
  }
  tip.append(el('div', { class: 'muted tip-hint' }, 'Enter or click for full details'));
  tip.hidden = false;
  const r = node.getBoundingClientRect();
  const tw = tip.offsetWidth;
  const th = tip.offsetHeight;
  let left = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - tw - 8);
  let top = r.bottom + window.scrollY + 6;
  if (r.bottom + th + 12 > window.innerHeight && r.top > th + 12) top = r.top + window.scrollY - th - 6;
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${top}px`;
  node.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip(node) {
  els.tooltip.hidden = true;
  if (node) node.removeAttribute('aria-describedby');
}

// ---------------------------------------------------------------- side lists

function renderEvents() {
  const events = [...(state.result.events || [])];
  const date = (e) => (e.time && e.time.date) || '';
  const start = (e) => (e.trigger && Number.isInteger(e.trigger.start) ? e.trigger.start : Infinity);
  events.sort((a, b) => {
    const da = date(a), db = date(b);
    if (da && !db) return -1;
    if (!da && db) return 1;
    if (da !== db) return da < db ? -1 : 1;
    return start(a) - start(b);
  });
  els.eventsCount.textContent = `(${events.length})`;
  els.eventsList.replaceChildren();
  if (!events.length) { els.eventsList.append(el('li', { class: 'empty' }, 'No events found.')); return; }
  let lastDate = null;
  for (const e of events) {
    const d = date(e);
    const t = typeClass(e.type);
    const bits = [];
    if (e.location) bits.push(e.location.name || e.location.text);
    const cas = e.casualties || {};
    for (const k of COUNT_KINDS) if (cas[k]) bits.push(`${k}: ${formatCount(cas[k])}`);
    if (e.modality && e.modality !== 'asserted') bits.push(e.modality);
    if (e.background) bits.push('background');
    const li = el('li', { class: `event-item ev-${t}${NEGATIVE_MODALITIES.has(e.modality) ? ' mod-negated' : ''}`, 'data-list-event-id': e.id },
      el('span', { class: 'when' }, d ? el('time', { datetime: d }, d) : 'undated'),
      el('button', { type: 'button', class: 'item-button', 'data-item': `e:${e.id}` },
        el('span', { class: `type-tag ev-${t}` }, e.type || 'event'), ' ',
        quoteText(e.trigger && e.trigger.text, 60),
        bits.length ? el('span', { class: 'muted' }, ` — ${bits.join(' · ')}`) : ''));
    if (d !== lastDate) li.classList.add('new-date');
    lastDate = d;
    els.eventsList.append(li);
  }
}

function renderQuotes() {
  const quotes = state.result.quotes || [];
  els.quotesCount.textContent = `(${quotes.length})`;
  els.quotesList.replaceChildren();
  if (!quotes.length) { els.quotesList.append(el('li', { class: 'empty' }, 'No quotes found.')); return; }
  const groups = new Map();
  for (const q of quotes) {
    const name = (q.speaker && (q.speaker.name || q.speaker.text)) || 'Unattributed';
    pushMap(groups, name, q);
  }
  for (const [name, qs] of groups) {
    const inner = el('ul', { class: 'plain quote-group' }, qs.map((q) => el('li', {},
      el('button', { type: 'button', class: 'item-button', 'data-item': `q:${q.id}` },
        el('span', { class: 'type-tag quote-tag' }, q.kind || 'quote'), ' ',
        quoteText(q.content && q.content.text, 120),
        q.via ? el('span', { class: 'muted' }, ' via ', el('bdi', {}, q.via.name || q.via.text)) : ''))));
    els.quotesList.append(el('li', { class: 'speaker-group' },
      el('h4', { class: 'speaker-name' }, el('bdi', { dir: 'auto' }, name), el('span', { class: 'count' }, ` (${qs.length})`)), inner));
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  for (const c of children) node.append(c);
  return node;
}

function renderPlaces() {
  const located = (state.result.events || []).filter((e) => hasCoords(e.location));
  els.placesPlot.replaceChildren();
  els.placesList.replaceChildren();
  if (!located.length) { els.placesList.append(el('li', { class: 'empty' }, 'No located events.')); return; }

  // One point per distinct place.
  const places = new Map();
  for (const e of located) {
    const key = `${e.location.lat.toFixed(3)},${e.location.lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, { lat: e.location.lat, lon: e.location.lon, name: e.location.name || e.location.text, country: e.location.country, events: [] });
    places.get(key).events.push(e);
  }
  const pts = [...places.values()];

  // Equirectangular plot of the points' bounding box (no map tiles), aspect kept.
  const W = 320, H = 200, PAD = 24;
  let minLat = Math.min(...pts.map((p) => p.lat)), maxLat = Math.max(...pts.map((p) => p.lat));
  let minLon = Math.min(...pts.map((p) => p.lon)), maxLon = Math.max(...pts.map((p) => p.lon));
  const midLat = (minLat + maxLat) / 2;
  const kx = Math.max(0.2, Math.cos((midLat * Math.PI) / 180));
  let spanLon = Math.max((maxLon - minLon) * kx, 2), spanLat = Math.max(maxLat - minLat, 2);
  const scale = Math.min((W - 2 * PAD) / spanLon, (H - 2 * PAD) / spanLat);
  const cx = (minLon + maxLon) / 2, cy = (minLat + maxLat) / 2;
  const X = (lon) => W / 2 + (lon - cx) * kx * scale;
  const Y = (lat) => H / 2 - (lat - cy) * scale;

  const plot = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'plot', role: 'img',
    'aria-label': `Plot of ${pts.length} place${pts.length === 1 ? '' : 's'} by latitude and longitude; listed below.` });
  plot.append(svg('rect', { x: 0.5, y: 0.5, width: W - 1, height: H - 1, class: 'plot-frame' }));
  // Graticule every 1, 5 or 10 degrees depending on the extent.
  const lonLo = cx - W / 2 / (kx * scale), lonHi = cx + W / 2 / (kx * scale);
  const latLo = cy - H / 2 / scale, latHi = cy + H / 2 / scale;
  const step = Math.max(lonHi - lonLo, latHi - latLo) > 40 ? 10 : Math.max(lonHi - lonLo, latHi - latLo) > 12 ? 5 : 1;
  for (let g = Math.ceil(lonLo / step) * step; g <= lonHi; g += step) {
    plot.append(svg('line', { x1: X(g), x2: X(g), y1: 0, y2: H, class: 'grid' }));
    plot.append(svg('text', { x: X(g) + 2, y: H - 4, class: 'grid-label' }, `${g}°`));
  }
  for (let g = Math.ceil(latLo / step) * step; g <= latHi; g += step) {
    plot.append(svg('line', { x1: 0, x2: W, y1: Y(g), y2: Y(g), class: 'grid' }));
    plot.append(svg('text', { x: 2, y: Y(g) - 2, class: 'grid-label' }, `${g}°`));
  }
  const placed = []; // label boxes already drawn, to skip labels that would collide
  for (const p of pts) {
    const t = typeClass(p.events[0].type);
    const x = X(p.lon), y = Y(p.lat);
    const g = svg('g', { class: `pt ev-${t}` });
    g.append(svg('title', {}, `${p.name}: ${formatCoord(p.lat, p.lon)} — ${p.events.map((e) => e.type).join(', ')}`));
    g.append(svg('circle', { cx: x, cy: y, r: 5 }));
    const anchor = x > W * 0.7 ? 'end' : 'start';
    const wide = 6.5 * String(p.name).length;
    const box = anchor === 'end' ? [x - 8 - wide, x - 8] : [x + 8, x + 8 + wide];
    if (!placed.some(([l, r, yy]) => Math.abs(yy - y) < 12 && box[0] < r && l < box[1])) {
      placed.push([box[0], box[1], y]);
      g.append(svg('text', { x: anchor === 'end' ? x - 8 : x + 8, y: y + 4, 'text-anchor': anchor, class: 'pt-label' }, p.name));
    }
    plot.append(g);
  }
  els.placesPlot.append(plot);

  for (const p of pts) {
    els.placesList.append(el('li', {},
      el('strong', {}, el('bdi', { dir: 'auto' }, p.name)), p.country ? ` (${p.country})` : '', ' ',
      el('span', { class: 'coords' }, formatCoord(p.lat, p.lon)), ' — ',
      ...p.events.flatMap((e, i) => [i ? ', ' : '', itemLink(`e:${e.id}`, `${e.type} (${e.id})`)])));
  }
}

function render() {
  const { result } = state;
  hideTooltip();
  renderArticle();
  renderEvents();
  renderQuotes();
  renderPlaces();
  els.details.replaceChildren(el('p', { class: 'help' }, 'Select a highlighted passage or a list item.'));
  const langName = result.language === 'ar' ? 'Arabic' : result.language === 'en' ? 'English' : result.language || 'unknown';
  const ne = (result.events || []).length, nq = (result.quotes || []).length, nn = (result.entities || []).length;
  els.summary.textContent = `Language: ${langName} · ${ne} event${ne === 1 ? '' : 's'} · ${nq} quote${nq === 1 ? '' : 's'} · ${nn} entit${nn === 1 ? 'y' : 'ies'}`;
  els.results.hidden = false;
  els.copyStatus.textContent = '';
}

// ---------------------------------------------------------------- JSON export

async function copyJson() {
  if (!state.raw) return;
  const text = prettyRaw();
  try {
    if (navigator.clipboard && window.isSecureContext) await navigator.clipboard.writeText(text);
    else legacyCopy(text);
    els.copyStatus.textContent = 'JSON copied to the clipboard.';
  } catch {
    try { legacyCopy(text); els.copyStatus.textContent = 'JSON copied to the clipboard.'; } catch {
      els.copyStatus.textContent = 'Copying failed; use Download JSON instead.';
    }
  }
}

function legacyCopy(text) {
  const ta = el('textarea', { class: 'offscreen', readonly: true, 'aria-hidden': 'true' });
  ta.value = text;
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('copy failed');
}

function prettyRaw() {
  try { return JSON.stringify(JSON.parse(state.raw), null, 2); } catch { return state.raw; }
}

function downloadJson() {
  if (!state.raw) return;
  const blob = new Blob([prettyRaw() + '\n'], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const id = (state.result && state.result.id) || 'result';
  const a = el('a', { href: url, download: `hadath-${String(id).replace(/[^\w.-]+/g, '_')}.json`, class: 'offscreen' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  els.copyStatus.textContent = 'JSON downloaded.';
}

// ---------------------------------------------------------------- wiring

els.form.addEventListener('submit', extract);
els.sample.addEventListener('click', loadSample);
els.clear.addEventListener('click', () => {
  els.text.value = '';
  els.date.value = '';
  els.language.value = 'auto';
  clearError();
  setStatus('');
  els.text.focus();
});
els.copy.addEventListener('click', copyJson);
els.download.addEventListener('click', downloadJson);

// Ctrl/Cmd+Enter in the textarea submits.
els.text.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); els.form.requestSubmit(); }
});

const segOf = (target) => (target instanceof Element ? target.closest('.seg') : null);

els.view.addEventListener('mouseover', (e) => { const s = segOf(e.target); if (s) showTooltip(s); });
els.view.addEventListener('mouseout', (e) => {
  const s = segOf(e.target);
  if (s && !s.contains(e.relatedTarget) && document.activeElement !== s) hideTooltip(s);
});
els.view.addEventListener('focusin', (e) => { const s = segOf(e.target); if (s) showTooltip(s); });
els.view.addEventListener('focusout', (e) => { const s = segOf(e.target); if (s) hideTooltip(s); });
els.view.addEventListener('click', (e) => {
  const s = segOf(e.target);
  if (s && state.segCovers.has(s)) showDetails(state.segCovers.get(s));
});
els.view.addEventListener('keydown', (e) => {
  const s = segOf(e.target);
  if (!s) return;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    if (state.segCovers.has(s)) showDetails(state.segCovers.get(s));
  } else if (e.key === 'Escape') {
    hideTooltip(s);
  }
});
document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hideTooltip(); });

// List items and links inside the details jump to the item in the text.
for (const container of [els.eventsList, els.quotesList, els.placesList, els.details]) {
  container.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('[data-item]') : null;
    if (b) focusItem(b.dataset.item);
  });
}
