// A text with its coded records (events, quotes, deadlines — the records of
// POST /v1/code and of GET /v1/documents/{id}, which share one vocabulary):
// the text with each record's evidence spans marked, and the list of records.
// Clicking a record or a mark selects that record and dims the others.
import { el, byteToIndexMap } from './common.js';

// One line for a deadline record (the same fields in /v1/code, /v1/deadlines
// and /v1/documents/{id}).
export function deadlineText(d) {
  const who = d.setter || d.setter_code || '?';
  const whom = d.target || d.target_code;
  return `${d.date || d.date_text || '?'}: ${d.about || '(unspecified)'} — set by ${who}${whom ? ' for ' + whom : ''}`;
}

export function speakerText(q) {
  return `${q.speaker || q.speaker_code || '?'}${q.speaker && q.speaker_code ? ' (' + q.speaker_code + ')' : ''}`;
}

function quoteText(q) { return `${speakerText(q)}: “${q.text}”`; }

function describe(r) {
  if (r.type === 'quote') return quoteText(r);
  if (r.type === 'deadline') return deadlineText(r);
  return `${r.source} → ${r.target}  ${r.code}${r.code_name ? ' ' + r.code_name : ''}`;
}

// Modality and other flags worth a badge; every record has them all.
const FLAGS = ['negated', 'conditional', 'hypothetical', 'future', 'reported', 'one_sided'];
export function flagBadges(ev) {
  return FLAGS.filter((f) => ev[f]).map((f) => el('span', { class: `flag flag-${f}`, title: f === 'conditional' && ev.condition ? `if ${ev.condition}` : f }, f.replace('_', '-')));
}

function spansOf(r, map) {
  const out = [];
  const e = r.evidence || {};
  const add = (off, cls) => {
    if (!off) return;
    const a = map.get(off[0]), b = map.get(off[1]);
    if (a !== undefined && b !== undefined && b > a) out.push({ a, b, cls });
  };
  if (r.type === 'quote') add(e.text_offsets, 'quote');
  else if (r.type === 'deadline') add(e.offsets, 'deadline');
  else {
    add(e.source_offsets, 'src');
    add(e.verb_offsets, 'verb');
    add(e.target_offsets, 'tgt');
  }
  return out;
}

export class RecordView {
  constructor(textBox, listBox) {
    this.textBox = textBox;
    this.listBox = listBox;
    this.text = '';
    this.records = [];
    this.selected = null;
  }

  show(text, records) {
    this.text = text;
    this.records = records;
    this.selected = null;
    this.renderText();
    this.renderList();
  }

  clear() { this.show('', []); }

  select(i) {
    this.selected = this.selected === i ? null : i;
    this.listBox.querySelectorAll(':scope > li').forEach((li, k) => li.classList.toggle('selected', k === this.selected));
    this.renderText();
  }

  renderText() {
    const out = this.textBox;
    out.textContent = '';
    if (!this.text) return;
    const { text, records, selected } = this;
    const map = byteToIndexMap(text);
    const spans = [];
    records.forEach((r, i) => spansOf(r, map).forEach((s) => spans.push({ ...s, rec: i })));
    const cuts = new Set([0, text.length]);
    spans.forEach((s) => { cuts.add(s.a); cuts.add(s.b); });
    const points = [...cuts].sort((x, y) => x - y);
    for (let k = 0; k + 1 < points.length; ++k) {
      const a = points[k], b = points[k + 1];
      const piece = text.slice(a, b);
      const covering = spans.filter((s) => s.a <= a && s.b >= b);
      if (!covering.length) { out.append(piece); continue; }
      const mine = selected === null ? covering : covering.filter((s) => s.rec === selected);
      // The narrowest covering span wins: a source inside a quote shows as a source.
      const pick = (mine.length ? mine : covering).reduce((x, y) => (y.b - y.a < x.b - x.a ? y : x));
      const mark = el('mark', { class: pick.cls + (mine.length ? '' : ' dim'), title: describe(records[pick.rec]) }, piece);
      mark.addEventListener('click', () => this.select(pick.rec));
      out.append(mark);
    }
  }

  renderList() {
    const list = this.listBox;
    list.textContent = '';
    this.records.forEach((r, i) => {
      const item = r.type === 'quote'
        ? el('li', {}, el('span', { class: 'quote' }, 'quote'), ' ', describe(r))
        : r.type === 'deadline'
        ? el('li', {}, el('span', { class: 'deadline' }, 'deadline'), ' ', describe(r))
        : el('li', {}, el('code', {}, r.source), ' → ', el('code', {}, r.target), ' ',
             el('strong', {}, r.code), ' ', r.code_name || '', ' · ',
             el('em', {}, (r.evidence && r.evidence.verb) || ''),
             r.goldstein === null ? '' : ` · ${r.goldstein}`,
             r.date ? ` · ${r.date}` : '', r.place ? ` · ${r.place.name}` : '', ' ', ...flagBadges(r));
      item.addEventListener('click', () => this.select(i));
      list.append(item);
    });
  }
}
