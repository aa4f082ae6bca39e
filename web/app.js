// parley workbench: talks to the JSON API of `parley serve` on the same
// origin.  Every value shown comes from the server; all text is inserted with
// textContent (never innerHTML), so stored text cannot inject markup.
'use strict';

const $ = (sel) => document.querySelector(sel);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const msg = body && body.error ? body.error : `HTTP ${res.status}`;
    throw new Error(msg);
  }
  return body;
}

function setStatus(node, text, isError) {
  node.textContent = text;
  node.classList.toggle('error', !!isError);
}

// ---------------------------------------------------------------- offsets
// The API gives byte offsets into UTF-8 text; JS strings index UTF-16 units.
function byteToIndexMap(text) {
  const map = new Map();
  let bytes = 0, i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return map;
}

// ---------------------------------------------------------------- code a text
let lastCoded = null;  // {text, events, selected}

function spansOf(ev, map) {
  const out = [];
  const e = ev.evidence || {};
  const add = (off, cls) => {
    if (!off) return;
    const a = map.get(off[0]), b = map.get(off[1]);
    if (a !== undefined && b !== undefined && b > a) out.push({ a, b, cls });
  };
  add(e.source_offsets, 'src');
  add(e.verb_offsets, 'verb');
  add(e.target_offsets, 'tgt');
  if (ev.type === 'quote') add(e.text_offsets, 'quote');
  if (ev.type === 'deadline') add(e.offsets, 'deadline');
  return out;
}

function renderHighlights() {
  const out = $('#code-output');
  out.textContent = '';
  if (!lastCoded) return;
  const { text, events, selected } = lastCoded;
  const map = byteToIndexMap(text);
  const spans = [];
  events.forEach((ev, i) => spansOf(ev, map).forEach((s) => spans.push({ ...s, ev: i })));
  const cuts = new Set([0, text.length]);
  spans.forEach((s) => { cuts.add(s.a); cuts.add(s.b); });
  const points = [...cuts].sort((x, y) => x - y);
  for (let k = 0; k + 1 < points.length; ++k) {
    const a = points[k], b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.a <= a && s.b >= b);
    if (!covering.length) { out.append(piece); continue; }
    const mine = selected === null ? covering : covering.filter((s) => s.ev === selected);
    const pick = (mine.length ? mine : covering)[0];
    const mark = el('mark', { class: pick.cls + (mine.length ? '' : ' dim'), title: describe(events[pick.ev]) }, piece);
    mark.addEventListener('click', () => selectEvent(pick.ev));
    out.append(mark);
  }
}

function describe(ev) {
  if (ev.type === 'quote') return `${ev.speaker || '?'}: “${ev.text}”`;
  if (ev.type === 'deadline') return deadlineText(ev);
  return `${ev.source} → ${ev.target}  ${ev.code}${ev.code_name ? ' ' + ev.code_name : ''}`;
}

// One line for a deadline record (the same fields in /v1/code and /v1/deadlines).
function deadlineText(d) {
  const who = d.setter || d.setter_code || '?';
  const whom = d.target || d.target_code;
  return `${d.date || d.date_text || '?'}: ${d.about || '(unspecified)'} — set by ${who}${whom ? ' for ' + whom : ''}`;
}

function selectEvent(i) {
  if (!lastCoded) return;
  lastCoded.selected = lastCoded.selected === i ? null : i;
  document.querySelectorAll('#code-events li').forEach((li, k) => li.classList.toggle('selected', k === lastCoded.selected));
  renderHighlights();
}

function renderCodedEvents() {
  const list = $('#code-events');
  list.textContent = '';
  lastCoded.events.forEach((ev, i) => {
    const item = ev.type === 'quote'
      ? el('li', {}, el('span', { class: 'quote' }, 'quote'), ' ', describe(ev))
      : ev.type === 'deadline'
      ? el('li', {}, el('span', { class: 'deadline' }, 'deadline'), ' ', describe(ev))
      : el('li', {}, el('code', {}, ev.source), ' → ', el('code', {}, ev.target), ' ',
           el('strong', {}, ev.code), ' ', ev.code_name || '', ' · ',
           el('em', {}, (ev.evidence && ev.evidence.verb) || ''),
           ev.goldstein === null ? '' : ` · ${ev.goldstein}`);
    item.addEventListener('click', () => selectEvent(i));
    list.append(item);
  });
}

function codeRequest() {
  const text = $('#code-text').value;
  const date = $('#code-date').value;
  const id = $('#code-id').value.trim() || defaultId(text, date);
  return { id, date: date || null, text };
}

function defaultId(text, date) {
  let h = 2166136261;
  for (let i = 0; i < text.length; ++i) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return `pasted-${date || 'undated'}-${h.toString(16)}`;
}

async function codeText(store) {
  const status = $('#code-status');
  const doc = codeRequest();
  if (!doc.text.trim()) { setStatus(status, 'Paste a text first.', true); return; }
  setStatus(status, store ? 'Coding and storing…' : 'Coding…');
  try {
    const records = await api('/v1/code', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc),
    });
    lastCoded = { text: doc.text, events: records, selected: null };
    renderHighlights();
    renderCodedEvents();
    const n = records.filter((r) => r.type === 'event').length;
    let msg = `${n} event${n === 1 ? '' : 's'} coded.`;
    if (store) {
      const stored = await api('/v1/documents', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc),
      });
      msg += ` Stored as “${doc.id}”.`;
      showTotals(stored.totals);
      await Promise.all([loadEvents(0), loadTimeline(), loadQuotes(), loadDeadlines(doc.date)]);
    }
    setStatus(status, msg);
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

// ---------------------------------------------------------------- events table
const PAGE = 25;
let eventsOffset = 0;

function eventQuery(offset) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('#event-filters'))) if (String(v).trim()) params.set(k, String(v).trim());
  params.set('limit', PAGE);
  params.set('offset', offset);
  return params;
}

async function loadEvents(offset) {
  const status = $('#events-status');
  try {
    const data = await api('/v1/events?' + eventQuery(offset));
    eventsOffset = offset;
    const body = $('#events-table tbody');
    body.textContent = '';
    for (const ev of data.events) {
      const e = ev.evidence || {};
      body.append(el('tr', {},
        el('td', {}, ev.date || '—'),
        el('td', {}, el('code', {}, ev.source), el('span', { class: 'name' }, e.source_text || '')),
        el('td', {}, el('strong', {}, ev.code), el('span', { class: 'name' }, ev.code_name || '')),
        el('td', {}, el('code', {}, ev.target), el('span', { class: 'name' }, e.target_text || '')),
        el('td', {}, ev.goldstein === null ? '—' : ev.goldstein),
        el('td', { class: 'evidence', title: ev.sentence_text || '' }, `“${e.verb || ''}” — ${truncate(ev.sentence_text || '', 110)}`),
        el('td', {}, el('button', { type: 'button', title: 'timeline of this dyad', onclick: () => openDyad(ev.source, ev.target) }, 'timeline'))));
    }
    const end = offset + data.events.length;
    $('#events-page').textContent = data.total ? `${offset + 1}–${end} of ${data.total}${data.total_exact ? '' : '+'}` : '';
    $('#events-prev').disabled = offset === 0;
    $('#events-next').disabled = end >= data.total;
    setStatus(status, data.total ? '' : 'No events match.');
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

function truncate(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

function openDyad(source, target) {
  $('#tl-a').value = source.slice(0, 3);
  $('#tl-b').value = target.slice(0, 3);
  loadTimeline();
  $('#timeline-panel').scrollIntoView({ behavior: 'smooth' });
}

// ---------------------------------------------------------------- timeline
async function loadTimeline() {
  const a = $('#tl-a').value.trim(), b = $('#tl-b').value.trim();
  const status = $('#tl-status');
  if (!a || !b) { setStatus(status, 'Give two actor codes.', true); return; }
  try {
    const data = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?interval=${$('#tl-interval').value}`);
    drawTimeline(data);
    const n = data.points.reduce((s, p) => s + p.events, 0);
    setStatus(status, n ? `${data.a} ↔ ${data.b}: ${n} event${n === 1 ? '' : 's'} in ${data.points.length} ${data.interval}${data.points.length === 1 ? '' : 's'}` : `No events between ${data.a} and ${data.b}.`);
  } catch (err) {
    $('#timeline').textContent = '';
    setStatus(status, err.message, true);
  }
}

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function drawTimeline(data) {
  const box = $('#timeline');
  box.textContent = '';
  const pts = data.points;
  if (!pts.length) return;
  const W = 900, H = 240, L = 44, R = 44, T = 14, B = 34;
  const maxCount = Math.max(1, ...pts.map((p) => p.events));
  const means = pts.map((p) => p.goldstein_mean);
  const gMax = 10;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `timeline ${data.a} ${data.b}` });
  const slot = (W - L - R) / pts.length;
  const barW = Math.min(48, slot * 0.6);
  const yCount = (c) => H - B - (c / maxCount) * (H - T - B);
  const yG = (g) => T + ((gMax - g) / (2 * gMax)) * (H - T - B);
  root.append(svg('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  root.append(svg('line', { class: 'zero', x1: L, x2: W - R, y1: yG(0), y2: yG(0) }));
  root.append(svg('text', { x: 4, y: T + 8 }, `${maxCount}`));
  root.append(svg('text', { x: 4, y: H - B }, '0'));
  root.append(svg('text', { x: W - R + 6, y: yG(10) + 8 }, '+10'));
  root.append(svg('text', { x: W - R + 6, y: yG(0) + 4 }, '0'));
  root.append(svg('text', { x: W - R + 6, y: yG(-10) }, '−10'));
  const labelEvery = Math.ceil(pts.length / 12);
  pts.forEach((p, i) => {
    const x = L + slot * i + (slot - barW) / 2;
    let base = 0;
    for (const q of ['1', '2', '3', '4', 'none']) {
      const c = p.quad_classes[q];
      if (!c) continue;
      const y1 = yCount(base + c), y0 = yCount(base);
      const rect = svg('rect', { class: `bar q${q === 'none' ? 0 : q}`, x, y: y1, width: barW, height: Math.max(1, y0 - y1) });
      rect.append(svg('title', {}, `${p.period}: ${c} ${quadName(q)}`));
      root.append(rect);
      base += c;
    }
    if (i % labelEvery === 0) root.append(svg('text', { x: L + slot * i + slot / 2, y: H - B + 16, 'text-anchor': 'middle' }, p.period));
  });
  const line = [];
  means.forEach((g, i) => { if (g !== null) line.push([L + slot * i + slot / 2, yG(g)]); });
  if (line.length) {
    root.append(svg('polyline', { class: 'gline', points: line.map((xy) => xy.join(',')).join(' ') }));
    line.forEach(([x, y], k) => {
      const dot = svg('circle', { class: 'gdot', cx: x, cy: y, r: 3.5 });
      dot.append(svg('title', {}, `mean Goldstein ${means.filter((m) => m !== null)[k].toFixed(2)}`));
      root.append(dot);
    });
  }
  const legend = [['q1', 'verbal coop.'], ['q2', 'material coop.'], ['q3', 'verbal conflict'], ['q4', 'material conflict']];
  legend.forEach(([cls, name], k) => {
    root.append(svg('rect', { class: `bar ${cls}`, x: L + k * 130, y: H - 12, width: 10, height: 10 }));
    root.append(svg('text', { x: L + k * 130 + 14, y: H - 3 }, name));
  });
  root.append(svg('line', { class: 'gline', x1: L + 4 * 130, x2: L + 4 * 130 + 16, y1: H - 7, y2: H - 7 }));
  root.append(svg('text', { x: L + 4 * 130 + 20, y: H - 3 }, 'mean Goldstein (right axis)'));
  box.append(root);
}

function quadName(q) {
  return { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict', none: 'unclassed' }[q];
}

// ---------------------------------------------------------------- quotes, deadlines
async function loadQuotes() {
  const list = $('#quotes');
  const params = new URLSearchParams({ limit: 50 });
  const speaker = new FormData($('#quote-filters')).get('speaker').trim();
  if (speaker) params.set('speaker', speaker);
  try {
    const data = await api('/v1/quotes?' + params);
    list.textContent = '';
    for (const q of data.quotes) {
      list.append(el('li', {}, `“${q.text}”`, el('div', { class: 'meta' },
        `${q.speaker || '?'}${q.speaker_code ? ' (' + q.speaker_code + ')' : ''} · ${q.date || 'undated'} · ${q.id}`)));
    }
    if (!data.quotes.length) list.append(el('li', { class: 'meta' }, 'No quotes.'));
  } catch (err) {
    list.textContent = '';
    list.append(el('li', { class: 'meta' }, err.message));
  }
}

async function loadDeadlines(asOf) {
  const form = $('#deadline-filters');
  if (asOf) form.elements.as_of.value = asOf;
  const list = $('#deadlines');
  const params = new URLSearchParams({ limit: 50 });
  if (form.elements.as_of.value) params.set('as_of', form.elements.as_of.value);
  try {
    const data = await api('/v1/deadlines?' + params);
    list.textContent = '';
    for (const d of data.deadlines) {
      const past = d.date && d.date < data.today;
      list.append(el('li', past ? { class: 'past' } : {}, el('strong', {}, d.date || '?'), past ? ' (past) — ' : ' — ',
        d.about || '(unspecified)',
        el('div', { class: 'meta' }, `set by ${d.setter || d.setter_code || '?'}` +
          `${d.target || d.target_code ? ' for ' + (d.target || d.target_code) : ''} · ${d.id}`)));
    }
    if (!data.deadlines.length) {
      list.append(el('li', { class: 'meta' }, data.as_of ? `No deadlines open as of ${data.as_of}.` : 'No deadlines.'));
    }
  } catch (err) {
    list.textContent = '';
    list.append(el('li', { class: 'meta' }, err.message));
  }
}

function showTotals(t) {
  if (!t) return;
  $('#totals').textContent = `${t.documents} documents · ${t.events} events · ${t.quotes} quotes · ${t.deadlines} deadlines`;
}

// ---------------------------------------------------------------- wiring
$('#code-run').addEventListener('click', () => codeText(false));
$('#code-store').addEventListener('click', () => codeText(true));
$('#event-filters').addEventListener('submit', (e) => { e.preventDefault(); loadEvents(0); });
$('#event-filters').addEventListener('reset', () => setTimeout(() => loadEvents(0), 0));
$('#events-prev').addEventListener('click', () => loadEvents(Math.max(0, eventsOffset - PAGE)));
$('#events-next').addEventListener('click', () => loadEvents(eventsOffset + PAGE));
$('#tl-go').addEventListener('click', loadTimeline);
$('#quote-filters').addEventListener('submit', (e) => { e.preventDefault(); loadQuotes(); });
$('#deadline-filters').addEventListener('submit', (e) => { e.preventDefault(); loadDeadlines(); });

api('/v1/stats').then(showTotals).catch(() => {});
loadEvents(0);
loadTimeline();
loadQuotes();
loadDeadlines();
