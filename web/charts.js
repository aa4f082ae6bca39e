// The two time charts.  Volume over time (GET /v1/counts): one line per CAMEO
// root or quad class on a true time axis — x is the period's date, so a
// period without events is a gap in the line, never bridged.  The dyad
// timeline (GET /v1/dyads/{a}/{b}/timeline): stacked quad-class bars and the
// mean Goldstein score per period.
import { svg, titled, QUAD_NAMES } from './common.js';

const DAY = 86400000;
const utc = (iso) => Date.parse(iso + 'T00:00:00Z');
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);

// The period after `t` (a period start) for day, week and month intervals.
function nextPeriod(t, interval) {
  if (interval === 'day') return t + DAY;
  if (interval === 'week') return t + 7 * DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

// Labelled ticks at round dates: days, Mondays, months or years, whichever
// gives at most ~8 over the span.
function ticks(t0, t1) {
  const span = t1 - t0;
  const out = [];
  if (span <= 10 * DAY) {
    for (let t = t0; t <= t1; t += DAY) out.push([t, isoDay(t).slice(5)]);
  } else if (span <= 120 * DAY) {
    const step = Math.ceil(span / DAY / 7 / 8) * 7 * DAY;
    for (let t = t0; t <= t1; t += step) out.push([t, isoDay(t).slice(5)]);
  } else {
    const months = span / DAY / 30.4;
    const every = months <= 8 ? 1 : months <= 24 ? 3 : months <= 96 ? 12 : Math.ceil(months / 12 / 8) * 12;
    const d = new Date(t0);
    let t = Date.UTC(d.getUTCFullYear(), every >= 12 ? 0 : d.getUTCMonth() + 1, 1);
    for (; t <= t1; t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth() + every, 1)) {
      out.push([t, every >= 12 ? isoDay(t).slice(0, 4) : isoDay(t).slice(0, 7)]);
    }
  }
  return out;
}

const ROOT_COLOURS = ['#2456a6', '#c8423a', '#2f8f4e', '#b7660b', '#7a3fb8', '#1c8a99', '#8a5a2b', '#d4418e'];
const QUAD_COLOURS = { 1: '#7fb3e6', 2: '#2f6fb5', 3: '#f0a868', 4: '#c8423a' };
const MAX_ROOTS = ROOT_COLOURS.length - 1;  // the rest summed as "other"

// points: [{period, group, events}] as /v1/counts answers; group: 'root' or
// 'quad_class'; interval: 'day', 'week' or 'month'.
export function drawVolume(box, points, group, interval) {
  box.textContent = '';
  if (!points.length) return;
  // Series: per group, events per period start (ms).
  const totals = new Map();
  for (const p of points) totals.set(p.group, (totals.get(p.group) || 0) + p.events);
  let keys = [...totals.keys()].sort((a, b) => (group === 'quad_class' ? String(a).localeCompare(String(b)) : totals.get(b) - totals.get(a)));
  const other = group === 'root' && keys.length > MAX_ROOTS + 1 ? new Set(keys.slice(MAX_ROOTS)) : new Set();
  if (other.size) keys = [...keys.slice(0, MAX_ROOTS), 'other'];
  const series = new Map(keys.map((k) => [k, new Map()]));
  for (const p of points) {
    const k = other.has(p.group) ? 'other' : p.group;
    const m = series.get(k);
    const t = utc(p.period);
    m.set(t, (m.get(t) || 0) + p.events);
  }
  const times = points.map((p) => utc(p.period));
  let t0 = Math.min(...times), t1 = Math.max(...times);
  if (t0 === t1) { t1 = nextPeriod(t0, interval); t0 -= t1 - t0; }
  const maxCount = Math.max(1, ...[...series.values()].flatMap((m) => [...m.values()]));
  const W = 960, H = 260, L = 46, R = 16, T = 18, B = 54;
  const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
  const y = (c) => H - B - (c / maxCount) * (H - T - B);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `volume by ${group} per ${interval}` });
  for (const f of [0, 0.5, 1]) {
    const c = Math.round(maxCount * f);
    root.append(svg('line', { class: f ? 'grid' : 'axis', x1: L, x2: W - R, y1: y(c), y2: y(c) }));
    root.append(svg('text', { x: L - 6, y: y(c) + 4, 'text-anchor': 'end' }, String(c)));
  }
  for (const [t, label] of ticks(t0, t1)) {
    root.append(svg('line', { class: 'tick', x1: x(t), x2: x(t), y1: H - B, y2: H - B + 4 }));
    root.append(svg('text', { x: x(t), y: H - B + 16, 'text-anchor': 'middle' }, label));
  }
  keys.forEach((k, i) => {
    const colour = group === 'quad_class' ? QUAD_COLOURS[k] || '#9aa1ad' : ROOT_COLOURS[Math.min(i, ROOT_COLOURS.length - 1)];
    const m = series.get(k);
    const ts = [...m.keys()].sort((a, b) => a - b);
    // A run of consecutive periods is one segment; a missing period breaks it.
    let d = '';
    ts.forEach((t, j) => {
      const joined = j > 0 && nextPeriod(ts[j - 1], interval) === t;
      d += `${joined ? 'L' : 'M'}${x(t).toFixed(1)},${y(m.get(t)).toFixed(1)}`;
    });
    const g = svg('g', { class: 'series', 'data-group': k });
    g.append(svg('path', { class: 'vline', d, stroke: colour }));
    for (const t of ts) {
      g.append(titled(svg('circle', { class: 'pt', cx: x(t).toFixed(1), cy: y(m.get(t)).toFixed(1), r: 3, fill: colour }),
        `${isoDay(t)} · ${groupName(group, k)}: ${m.get(t)}`));
    }
    root.append(g);
    const lx = L + (i % 5) * 180, ly = H - 22 + Math.floor(i / 5) * 14;
    root.append(svg('rect', { x: lx, y: ly - 8, width: 10, height: 10, fill: colour }));
    root.append(svg('text', { x: lx + 14, y: ly + 1 }, truncateLabel(groupName(group, k))));
  });
  box.append(root);
}

function truncateLabel(s) { return s.length > 26 ? s.slice(0, 25) + '…' : s; }

function groupName(group, k) {
  if (k === 'other') return 'other roots';
  if (!k) return group === 'root' ? 'no root' : 'no quad class';
  return group === 'quad_class' ? `${k} ${QUAD_NAMES[k] || ''}` : `${k} ${ROOT_NAMES[k] || ''}`;
}

export const ROOT_NAMES = {
  '01': 'make public statement', '02': 'appeal', '03': 'express intent to cooperate', '04': 'consult',
  '05': 'engage in diplomatic cooperation', '06': 'engage in material cooperation', '07': 'provide aid', '08': 'yield',
  '09': 'investigate', '10': 'demand', '11': 'disapprove', '12': 'reject', '13': 'threaten', '14': 'protest',
  '15': 'exhibit force posture', '16': 'reduce relations', '17': 'coerce', '18': 'assault', '19': 'fight',
  '20': 'use unconventional mass violence',
};

// A timeline point's count of each quad class ('none': no class), by the
// names the API and its CSV give them.
const QUAD_COLUMNS = { 1: 'verbal_coop', 2: 'material_coop', 3: 'verbal_conflict', 4: 'material_conflict', none: 'unclassified' };

// The dyad timeline: stacked quad-class bars per period, mean Goldstein line.
export function drawTimeline(box, data) {
  box.textContent = '';
  const pts = data.points;
  if (!pts.length) return;
  const W = 960, H = 240, L = 44, R = 44, T = 14, B = 34;
  const maxCount = Math.max(1, ...pts.map((p) => p.events));
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
      const c = p[QUAD_COLUMNS[q]];
      if (!c) continue;
      const y1 = yCount(base + c), y0 = yCount(base);
      root.append(titled(svg('rect', { class: `bar q${q === 'none' ? 0 : q}`, x, y: y1, width: barW, height: Math.max(1, y0 - y1) }),
        `${p.period}: ${c} ${QUAD_NAMES[q] || 'unclassed'}`));
      base += c;
    }
    if (i % labelEvery === 0) root.append(svg('text', { x: L + slot * i + slot / 2, y: H - B + 16, 'text-anchor': 'middle' }, p.period));
  });
  const line = [];
  pts.forEach((p, i) => { if (p.goldstein_mean !== null) line.push([L + slot * i + slot / 2, yG(p.goldstein_mean), p.goldstein_mean]); });
  if (line.length) {
    root.append(svg('polyline', { class: 'gline', points: line.map(([x, y]) => `${x},${y}`).join(' ') }));
    for (const [x, y, g] of line) root.append(titled(svg('circle', { class: 'gdot', cx: x, cy: y, r: 3.5 }), `mean Goldstein ${g.toFixed(2)}`));
  }
  const legend = [['q1', QUAD_NAMES[1]], ['q2', QUAD_NAMES[2]], ['q3', QUAD_NAMES[3]], ['q4', QUAD_NAMES[4]]];
  legend.forEach(([cls, name], k) => {
    root.append(svg('rect', { class: `bar ${cls}`, x: L + k * 150, y: H - 12, width: 10, height: 10 }));
    root.append(svg('text', { x: L + k * 150 + 14, y: H - 3 }, name));
  });
  root.append(svg('line', { class: 'gline', x1: L + 4 * 150, x2: L + 4 * 150 + 16, y1: H - 7, y2: H - 7 }));
  root.append(svg('text', { x: L + 4 * 150 + 20, y: H - 3 }, 'mean Goldstein (right axis)'));
  box.append(root);
}
