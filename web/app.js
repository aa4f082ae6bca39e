// parley workbench: talks to the JSON API of `parley serve` on the same
// origin.  The view's state — the event filters, the table's sort, order and
// page, the volume chart's grouping and the open document — lives in the
// page's query string: every change pushes it, a reload or a shared link
// restores it, and Back/Forward walk through it.
import { $, el, api, setStatus, truncate, plural, latest } from './common.js';
import { RecordView, deadlineText, speakerText, flagBadges } from './highlight.js';
import { loadOutlines, drawMap } from './map.js';
import { drawVolume, drawTimeline } from './charts.js';

// ---------------------------------------------------------------- view state
// Filters and sort keys are named as the fields they read (docs/STORE.md);
// a link made with the older names (country, plover, doc) still restores.
const FILTERS = ['actor', 'source', 'target', 'code', 'root', 'quad_class', 'plover_type', 'place_country', 'from', 'to', 'q', 'exclude'];
const PAGE = 25;
const SORTS = ['date', 'source', 'target', 'code', 'place_country', 'goldstein', 'id'];
const OLDER_NAMES = { plover: 'plover_type', country: 'place_country', doc: 'id' };

const state = {
  filters: new URLSearchParams(),  // only the FILTERS, non-empty
  sort: 'date', order: 'desc', offset: 0,
  group: 'quad_class', interval: 'day',
  document: '',
};

function readUrl() {
  const url = new URLSearchParams(location.search);
  state.filters = new URLSearchParams();
  for (const [older, name] of Object.entries(OLDER_NAMES)) {
    if (url.get(older) && !url.get(name)) url.set(name, url.get(older));
  }
  for (const k of FILTERS) if (url.get(k)) state.filters.set(k, url.get(k));
  const sort = OLDER_NAMES[url.get('sort')] || url.get('sort');
  state.sort = SORTS.includes(sort) ? sort : 'date';
  state.order = url.get('order') === 'asc' ? 'asc' : 'desc';
  state.offset = Math.max(0, Number.parseInt(url.get('offset') || '0', 10) || 0);
  state.group = url.get('group') === 'root' ? 'root' : 'quad_class';
  state.interval = ['day', 'week', 'month'].includes(url.get('interval')) ? url.get('interval') : 'day';
  state.document = url.get('document') || '';
}

function writeUrl() {
  const url = new URLSearchParams(state.filters);
  if (state.sort !== 'date') url.set('sort', state.sort);
  if (state.order !== 'desc') url.set('order', state.order);
  if (state.offset) url.set('offset', state.offset);
  if (state.group !== 'quad_class') url.set('group', state.group);
  if (state.interval !== 'day') url.set('interval', state.interval);
  if (state.document) url.set('document', state.document);
  const search = url.toString() ? '?' + url : '';
  if (search !== location.search) history.pushState(null, '', location.pathname + search);
}

function formToFilters() {
  const form = $('#event-filters');
  const out = new URLSearchParams();
  const exclude = [];
  for (const [k, v] of new FormData(form)) {
    const value = String(v).trim();
    if (!value) continue;
    if (k === 'exclude') exclude.push(value);
    else out.set(k, value);
  }
  if (exclude.length) out.set('exclude', exclude.join(','));
  return out;
}

function filtersToForm() {
  const form = $('#event-filters');
  for (const k of FILTERS) {
    if (k === 'exclude') continue;
    form.elements[k].value = state.filters.get(k) || '';
  }
  const excluded = new Set((state.filters.get('exclude') || '').split(',').filter(Boolean));
  for (const box of form.querySelectorAll('input[name=exclude]')) box.checked = excluded.has(box.value);
  $('#volume-group').value = state.group;
  $('#volume-interval').value = state.interval;
}

// ---------------------------------------------------------------- code a text
const coded = new RecordView($('#code-output'), $('#code-events'));

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
    coded.show(doc.text, records);
    let msg = `${plural(records.filter((r) => r.type === 'event').length, 'event')} coded.`;
    if (store) {
      // Writes need the server's write token (serve --write-token); it is
      // kept only in the field, never stored by the page.
      const token = $('#code-token').value.trim();
      if (!token) throw new Error('Storing needs the write token parley serve was started with (--write-token).');
      const stored = await api('/v1/documents', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(doc),
      });
      msg += ` Stored as “${doc.id}”.`;
      showTotals(stored.totals);
      await Promise.all([refreshStoreViews(), loadTimeline(), loadQuotes(), loadDeadlines(), loadDocumentList(),
        state.document === doc.id ? openDocument(doc.id, false) : null]);
    }
    setStatus(status, msg);
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

// ---------------------------------------------------------------- store views
// Everything the filters drive.
function refreshStoreViews() {
  return Promise.all([loadEvents(), loadMap(), loadVolume(), loadTop()]);
}

function filterQuery(extra) {
  const params = new URLSearchParams(state.filters);
  for (const [k, v] of Object.entries(extra || {})) params.set(k, v);
  return params;
}

function eventQuery(extra) {
  return filterQuery({ sort: state.sort, order: state.order, limit: PAGE, offset: state.offset, ...extra });
}

async function loadEvents() {
  const status = $('#events-status');
  renderSortHeaders();
  const current = latest('events');
  try {
    const query = eventQuery();
    const data = await api('/v1/events?' + query);
    if (!current()) return;
    const body = $('#events-table tbody');
    body.textContent = '';
    for (const ev of data.events) body.append(eventRow(ev));
    const end = state.offset + data.events.length;
    $('#events-page').textContent = data.total ? `${state.offset + 1}–${end} of ${data.total}${data.total_exact ? '' : '+'}` : '';
    $('#events-prev').disabled = state.offset === 0;
    $('#events-next').disabled = data.total_exact ? end >= data.total : data.events.length < PAGE;
    $('#events-csv').href = '/v1/events?' + eventQuery({ format: 'csv' });
    $('#events-csv-all').href = '/v1/events?' + eventQuery({ format: 'csv', limit: 1000, offset: 0 });
    setStatus(status, data.total ? '' : 'No events match.');
    $('#events-table').dataset.shown = query.toString();  // what the rows are (for tests and the CSV)
  } catch (err) {
    if (current()) setStatus(status, err.message, true);
  }
}

function eventRow(ev) {
  const e = ev.evidence || {};
  const place = ev.place;
  return el('tr', {},
    el('td', {}, ev.date || '—', ev.date_text ? el('span', { class: 'name' }, ev.date_text) : null),
    el('td', {}, el('code', {}, ev.source), el('span', { class: 'name' }, e.source_text || '')),
    el('td', {}, el('strong', {}, ev.code), el('span', { class: 'name' }, ev.code_name || ''),
       ev.plover ? el('span', { class: 'name' }, `PLOVER ${ev.plover.type}${ev.plover.mode ? ' / ' + ev.plover.mode : ''}`) : null),
    el('td', {}, el('code', {}, ev.target), el('span', { class: 'name' }, e.target_text || '')),
    el('td', {}, place ? place.name : '—', place ? el('span', { class: 'name' }, place.country) : null),
    el('td', {}, ev.goldstein === null ? '—' : ev.goldstein),
    el('td', { class: 'evidence', title: ev.sentence_text || '' }, `“${e.verb || ''}” — ${truncate(ev.sentence_text || '', 110)}`,
       ' ', ...flagBadges(ev)),
    el('td', {}, el('button', { type: 'button', class: 'link', title: 'open the document', onclick: () => openDocument(ev.id, true) }, truncate(ev.id, 28))),
    el('td', {}, el('button', { type: 'button', title: 'timeline of this dyad', onclick: () => openDyad(ev.source, ev.target) }, 'timeline')));
}

function renderSortHeaders() {
  for (const th of document.querySelectorAll('#events-table th[data-sort]')) {
    const on = th.dataset.sort === state.sort;
    th.setAttribute('aria-sort', on ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none');
    th.classList.toggle('sorted', on);
  }
}

function sortBy(key) {
  if (state.sort === key) state.order = state.order === 'asc' ? 'desc' : 'asc';
  else { state.sort = key; state.order = key === 'date' || key === 'goldstein' ? 'desc' : 'asc'; }
  state.offset = 0;
  writeUrl();
  loadEvents();
}

function page(delta) {
  state.offset = Math.max(0, state.offset + delta);
  writeUrl();
  loadEvents();
}

async function loadMap() {
  const status = $('#map-status');
  const current = latest('map');
  try {
    const [, countries, places] = await Promise.all([
      loadOutlines(), api('/v1/countries?' + filterQuery()), api('/v1/places?' + filterQuery({ limit: 1000 })),
    ]);
    if (!current()) return;
    drawMap($('#map'), countries.countries, places.places, (alpha2) => applyFilters({ place_country: alpha2 }));
    $('#map-csv').href = '/v1/places?' + filterQuery({ limit: 1000, format: 'csv' });
    const located = countries.countries.reduce((s, c) => s + c.events, 0);
    setStatus(status, located
      ? `${plural(located, 'event')} with a place in ${plural(countries.countries.length, 'country')}; ${plural(places.places.length, 'place')} marked. Click a country to filter by it.`
      : 'No matching event has a place.');
  } catch (err) {
    setStatus(status, err.message, true);
  }
}

async function loadVolume() {
  const status = $('#volume-status');
  const current = latest('volume');
  try {
    const data = await api('/v1/counts?' + filterQuery({ group: state.group, interval: state.interval }));
    if (!current()) return;
    drawVolume($('#volume'), data.points, state.group, state.interval);
    $('#volume-csv').href = '/v1/counts?' + filterQuery({ group: state.group, interval: state.interval, format: 'csv' });
    const n = data.points.reduce((s, p) => s + p.events, 0);
    const periods = new Set(data.points.map((p) => p.period)).size;
    setStatus(status, n ? `${plural(n, 'dated event')} in ${plural(periods, state.interval)} with events; a period without events is a gap.` : 'No dated events match.');
  } catch (err) {
    $('#volume').textContent = '';
    setStatus(status, err.message, true);
  }
}

function bar(label, count, max, title, onclick) {
  return el('li', { title },
    el('button', { type: 'button', class: 'link', onclick }, label),
    el('span', { class: 'bar-track' }, el('span', { class: 'bar-fill', style: `width:${((100 * count) / max).toFixed(1)}%` })),
    el('span', { class: 'count' }, count.toLocaleString('en')));
}

async function loadTop() {
  const actors = $('#top-actors'), dyads = $('#top-dyads');
  const current = latest('top');
  try {
    const [a, d] = await Promise.all([api('/v1/actors?' + filterQuery({ limit: 10 })), api('/v1/dyads?' + filterQuery({ limit: 10 }))]);
    if (!current()) return;
    actors.textContent = '';
    dyads.textContent = '';
    $('#actors-csv').href = '/v1/actors?' + filterQuery({ limit: 10, format: 'csv' });
    $('#dyads-csv').href = '/v1/dyads?' + filterQuery({ limit: 10, format: 'csv' });
    const maxA = Math.max(1, ...a.actors.map((x) => x.events));
    for (const x of a.actors) {
      actors.append(bar(x.actor, x.events, maxA, `${x.actor}: ${x.as_source} as source, ${x.as_target} as target`,
        () => applyFilters({ actor: x.actor })));
    }
    const maxD = Math.max(1, ...d.dyads.map((x) => x.events));
    for (const x of d.dyads) {
      dyads.append(bar(`${x.source} → ${x.target}`, x.events, maxD, `summed Goldstein ${x.goldstein}`,
        () => applyFilters({ source: x.source, target: x.target })));
    }
    if (!a.actors.length) actors.append(el('li', { class: 'meta' }, 'No actors.'));
    if (!d.dyads.length) dyads.append(el('li', { class: 'meta' }, 'No dyads.'));
  } catch (err) {
    actors.textContent = '';
    actors.append(el('li', { class: 'meta error' }, err.message));
  }
}

// Narrows the filters (a click on the map or a top list), keeping the rest.
function applyFilters(values) {
  for (const [k, v] of Object.entries(values)) state.filters.set(k, v);
  state.offset = 0;
  filtersToForm();
  writeUrl();
  refreshStoreViews();
}

// ---------------------------------------------------------------- document view
const documentView = new RecordView($('#document-text'), $('#document-records'));

async function loadDocumentList() {
  const list = $('#document-list');
  try {
    const data = await api('/v1/documents?sort=date&order=desc&limit=200');
    const keep = list.value;
    list.replaceChildren(el('option', { value: '' }, `choose one of ${plural(data.documents.length, 'stored document')}…`));
    for (const d of data.documents) list.append(el('option', { value: d.id }, `${d.date || 'undated'} · ${d.id} (${plural(d.events, 'event')})`));
    list.value = keep;
  } catch (err) {
    setStatus($('#document-status'), err.message, true);
  }
}

function startOf(r) {
  const e = r.evidence || {};
  const span = r.type === 'quote' ? e.text_offsets : r.type === 'deadline' ? e.offsets
    : e.source_offsets || e.verb_offsets || e.target_offsets;
  return span ? span[0] : Infinity;
}

async function openDocument(id, scroll) {
  state.document = id;
  writeUrl();
  const status = $('#document-status');
  setStatus(status, `Opening “${id}”…`);
  const current = latest('document');
  try {
    const doc = await api('/v1/documents/' + encodeURIComponent(id));
    if (!current()) return;
    const records = [...doc.events, ...doc.quotes, ...doc.deadlines]
      .sort((a, b) => a.sentence - b.sentence || startOf(a) - startOf(b));
    documentView.show(doc.text, records);
    $('#document-list').value = doc.id;
    $('#document-meta').textContent = `${doc.id} · ${doc.date || 'undated'}${doc.source_file ? ' · ' + doc.source_file : ''} · ` +
      `${plural(doc.sentences.length, 'sentence')}, ${plural(doc.events.length, 'event')}, ` +
      `${plural(doc.quotes.length, 'quote')}, ${plural(doc.deadlines.length, 'deadline')}`;
    setStatus(status, '');
    if (scroll) $('#document-panel').scrollIntoView({ behavior: 'smooth' });
  } catch (err) {
    documentView.clear();
    $('#document-meta').textContent = '';
    setStatus(status, err.message, true);
  }
}

// ---------------------------------------------------------------- dyad timeline
function openDyad(source, target) {
  $('#tl-a').value = source.slice(0, 3);
  $('#tl-b').value = target.slice(0, 3);
  loadTimeline();
  $('#timeline-panel').scrollIntoView({ behavior: 'smooth' });
}

async function loadTimeline() {
  const a = $('#tl-a').value.trim(), b = $('#tl-b').value.trim();
  const status = $('#tl-status');
  if (!a || !b) { setStatus(status, 'Give two actor codes.', true); return; }
  const current = latest('timeline');
  try {
    const data = await api(`/v1/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}/timeline?interval=${$('#tl-interval').value}`);
    if (!current()) return;
    drawTimeline($('#timeline'), data);
    const n = data.points.reduce((s, p) => s + p.events, 0);
    setStatus(status, n ? `${data.a} ↔ ${data.b}: ${plural(n, 'event')} in ${plural(data.points.length, data.interval)}` : `No events between ${data.a} and ${data.b}.`);
  } catch (err) {
    $('#timeline').textContent = '';
    setStatus(status, err.message, true);
  }
}

// ---------------------------------------------------------------- quotes, deadlines
function docLink(id) {
  return el('button', { type: 'button', class: 'link', title: 'open the document', onclick: () => openDocument(id, true) }, id);
}

async function loadQuotes() {
  const list = $('#quotes');
  const params = new URLSearchParams({ limit: 50, order: 'desc' });
  const speaker = new FormData($('#quote-filters')).get('speaker').trim();
  if (speaker) params.set('speaker', speaker);
  const current = latest('quotes');
  try {
    const data = await api('/v1/quotes?' + params);
    if (!current()) return;
    list.textContent = '';
    for (const q of data.quotes) {
      list.append(el('li', {}, `“${q.text}”`, el('div', { class: 'meta' }, `${speakerText(q)} · ${q.date || 'undated'} · `, docLink(q.id))));
    }
    if (!data.quotes.length) list.append(el('li', { class: 'meta' }, 'No quotes.'));
  } catch (err) {
    list.textContent = '';
    list.append(el('li', { class: 'meta' }, err.message));
  }
}

// Every deadline by default, past ones included and marked; "open as of"
// narrows to those still open on a date.
async function loadDeadlines() {
  const form = $('#deadline-filters');
  const list = $('#deadlines');
  const params = new URLSearchParams({ limit: 50 });
  if (form.elements.as_of.value) params.set('as_of', form.elements.as_of.value);
  const current = latest('deadlines');
  try {
    const data = await api('/v1/deadlines?' + params);
    if (!current()) return;
    list.textContent = '';
    for (const d of data.deadlines) {
      const past = d.date && d.date < data.today;
      list.append(el('li', past ? { class: 'past' } : {}, past ? el('span', { class: 'flag' }, 'past') : null, past ? ' ' : null,
        deadlineText(d), el('div', { class: 'meta' }, `reported ${d.doc_date || 'undated'} · `, docLink(d.id))));
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
$('#event-filters').addEventListener('submit', (e) => {
  e.preventDefault();
  state.filters = formToFilters();
  state.offset = 0;
  writeUrl();
  refreshStoreViews();
});
$('#event-filters').addEventListener('reset', () => setTimeout(() => {
  state.filters = new URLSearchParams();
  state.offset = 0;
  writeUrl();
  refreshStoreViews();
}, 0));
for (const th of document.querySelectorAll('#events-table th[data-sort]')) {
  th.querySelector('button').addEventListener('click', () => sortBy(th.dataset.sort));
}
$('#events-prev').addEventListener('click', () => page(-PAGE));
$('#events-next').addEventListener('click', () => page(PAGE));
$('#volume-group').addEventListener('change', (e) => { state.group = e.target.value; writeUrl(); loadVolume(); });
$('#volume-interval').addEventListener('change', (e) => { state.interval = e.target.value; writeUrl(); loadVolume(); });
$('#document-pick').addEventListener('submit', (e) => {
  e.preventDefault();
  if ($('#document-list').value) openDocument($('#document-list').value, false);
});
$('#tl-go').addEventListener('click', loadTimeline);
$('#quote-filters').addEventListener('submit', (e) => { e.preventDefault(); loadQuotes(); });
$('#deadline-filters').addEventListener('submit', (e) => { e.preventDefault(); loadDeadlines(); });

// The whole view from the address: on load and on Back/Forward.
function restore() {
  readUrl();
  filtersToForm();
  refreshStoreViews();
  if (state.document) openDocument(state.document, false);
  else { documentView.clear(); $('#document-meta').textContent = ''; }
}
window.addEventListener('popstate', restore);

api('/v1/stats').then(showTotals).catch(() => {});
restore();
loadDocumentList();
loadTimeline();
loadQuotes();
loadDeadlines();
