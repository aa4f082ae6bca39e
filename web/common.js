// Helpers every part of the dashboard shares: DOM and SVG builders, the JSON
// API client, status lines, and UTF-8 byte offsets to string indexes.  All
// text is inserted with textContent (never innerHTML), so stored text cannot
// inject markup.

export const $ = (sel) => document.querySelector(sel);

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : String(c));
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

// An SVG element with a hover title.
export function titled(node, title) {
  node.append(svg('title', {}, title));
  return node;
}

export async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body && body.error ? body.error : `HTTP ${res.status}`);
  return body;
}

export function setStatus(node, text, isError) {
  node.textContent = text;
  node.classList.toggle('error', !!isError);
}

export function truncate(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

export function plural(n, word) { return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`; }

export const QUAD_NAMES = { 1: 'verbal cooperation', 2: 'material cooperation', 3: 'verbal conflict', 4: 'material conflict' };

// The API gives byte offsets into UTF-8 text; JS strings index UTF-16 units.
export function byteToIndexMap(text) {
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

// Guards a view against answers arriving out of order: latest('events')
// returns a check that stays true only until the next latest('events').
const generations = new Map();
export function latest(view) {
  const n = (generations.get(view) || 0) + 1;
  generations.set(view, n);
  return () => generations.get(view) === n;
}
