// The world map of events: Natural Earth country outlines (world-atlas, from
// npm, vendored at build time) in d3-geo's Natural Earth projection, each
// country shaded by how many matching events happen there (GET
// /v1/countries), and a marker per place with stored coordinates (GET
// /v1/places), its area proportional to its events.
import { svg, titled, plural } from './common.js';

const W = 960, H = 500;
let outlines = null;  // {features, alpha2ByNumeric} once loaded

// The outlines and the ISO 3166 numeric -> alpha-2 table (Debian's iso-codes):
// world-atlas names countries by numeric code, the store by alpha-2.
export async function loadOutlines() {
  if (outlines) return outlines;
  if (!window.d3 || !window.d3.geoPath || !window.topojson) {
    throw new Error('this build of parley has no map libraries (run npm ci in web/vendor and rebuild)');
  }
  const [atlas, iso] = await Promise.all([
    fetch('/vendor/countries-110m.json').then((r) => { if (!r.ok) throw new Error('no country outlines in this build'); return r.json(); }),
    fetch('/vendor/iso_3166-1.json').then((r) => { if (!r.ok) throw new Error('no ISO 3166 table in this build'); return r.json(); }),
  ]);
  const alpha2ByNumeric = new Map(iso['3166-1'].map((c) => [c.numeric, c.alpha_2]));
  const features = window.topojson.feature(atlas, atlas.objects.countries).features;
  outlines = { features, alpha2ByNumeric };
  return outlines;
}

// Seven shades, by the log of the count (news volume is heavy-tailed).
const SHADES = ['#e3ecf7', '#c6d9ef', '#9ec1e3', '#6fa2d3', '#4683c0', '#2763a6', '#123f7a'];
function shadeOf(count, max) {
  if (!count) return null;
  const k = max <= 1 ? SHADES.length - 1 : Math.round((Math.log(count) / Math.log(max)) * (SHADES.length - 1));
  return SHADES[Math.min(SHADES.length - 1, Math.max(0, k))];
}

// countries: [{place_country, events, ...}]; places: [{place_name,
// place_lat, place_lon, events, ...}]; onCountry(alpha2) on a click.
export function drawMap(box, countries, places, onCountry) {
  const { features, alpha2ByNumeric } = outlines;
  const d3 = window.d3;
  const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [W - 4, H - 4]], { type: 'Sphere' });
  const path = d3.geoPath(projection);
  const counts = new Map(countries.map((c) => [c.place_country, c.events]));
  const max = Math.max(1, ...countries.map((c) => c.events));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'map of events' });
  root.append(svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) }));
  root.append(svg('path', { class: 'graticule', d: path(d3.geoGraticule10()) }));
  const land = svg('g', { class: 'countries' });
  for (const f of features) {
    const alpha2 = alpha2ByNumeric.get(f.id);
    const n = (alpha2 && counts.get(alpha2)) || 0;
    const shape = svg('path', { class: n ? 'country has-events' : 'country', d: path(f) || '' });
    if (alpha2) shape.dataset.country = alpha2;
    if (n) {
      shape.style.fill = shadeOf(n, max);  // a style: the stylesheet's grey would beat an attribute
      shape.addEventListener('click', () => onCountry(alpha2));
    }
    titled(shape, `${f.properties.name}${alpha2 ? ' (' + alpha2 + ')' : ''}: ${plural(n, 'event')}`);
    land.append(shape);
  }
  root.append(land);
  const maxPlace = Math.max(1, ...places.map((p) => p.events));
  const dots = svg('g', { class: 'markers' });
  // Largest first, so small places stay clickable on top.
  for (const p of [...places].sort((a, b) => b.events - a.events)) {
    const xy = projection([p.place_lon, p.place_lat]);
    if (!xy || !Number.isFinite(xy[0])) continue;
    const r = 3 + 12 * Math.sqrt(p.events / maxPlace);
    const dot = svg('circle', { class: 'marker', cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1) });
    dot.dataset.place = p.place_name;
    dot.addEventListener('click', () => onCountry(p.place_country));
    titled(dot, `${p.place_name} (${p.place_country}, ${p.place_kind}) ${p.place_lat.toFixed(2)}, ${p.place_lon.toFixed(2)}: ${plural(p.events, 'event')}`);
    dots.append(dot);
  }
  root.append(dots);
  // The shading's key: the count each shade starts at.
  const key = svg('g', { class: 'map-key', transform: `translate(12 ${H - 28})` });
  key.append(svg('text', { x: 0, y: -4 }, 'events per country'));
  SHADES.forEach((c, k) => {
    const from = max <= 1 ? 1 : Math.max(1, Math.round(Math.exp(((k - 0.5) / (SHADES.length - 1)) * Math.log(max))));
    key.append(svg('rect', { x: k * 34, y: 0, width: 34, height: 8, fill: c }));
    if (k % 2 === 0 || k === SHADES.length - 1) key.append(svg('text', { x: k * 34, y: 20 }, k === 0 ? '1' : `${from}`));
  });
  box.textContent = '';
  box.append(root);
}
