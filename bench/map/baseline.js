// The naive baseline: fetch ONE GeoJSON of every commune (geometry + the value in properties),
// put it in a MapLibre GeoJSON source and colour it with a `step` on the value (5 quantile
// classes). Switching indicator downloads the other indicator's whole GeoJSON. Query: w, h
// (map size in CSS pixels, the app's), indicators (comma-separated, the first is shown).
import * as maplibregl from '/maplibre-gl.mjs';

maplibregl.setWorkerUrl('/maplibre-gl-worker.mjs');
const COLORS = ['#e3f4b1', '#8ed1b9', '#36aac3', '#2156a1', '#0c2465'];
const FRANCE = [-12.2, 41.3, 9.6, 51.1];
const params = new URLSearchParams(location.search);
const indicators = (params.get('indicators') ?? 'ips').split(',');
const el = document.getElementById('map');
el.style.width = `${params.get('w') ?? 900}px`;
el.style.height = `${params.get('h') ?? 600}px`;
const select = document.getElementById('indicator-select');
for (const id of indicators) select.add(new Option(id, id));

const load = (id) => fetch(`/communes-${id}.geojson`).then((r) => r.json());

/** fill-color: a step over the value at the 5-quantile thresholds, grey without a value. */
function colour(fc) {
  const values = fc.features.map((f) => f.properties.value).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  const steps = [1, 2, 3, 4].flatMap((i) => [values[Math.floor((i * values.length) / 5)], COLORS[i]]);
  return ['case', ['==', ['typeof', ['get', 'value']], 'number'], ['step', ['get', 'value'], COLORS[0], ...steps], '#c4c8ce'];
}

const ready = () => map.once('idle', () => el.setAttribute('data-state', 'ready'));
const map = new maplibregl.Map({
  container: 'map-canvas',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f6f9' } }] },
  bounds: FRANCE,
  fitBoundsOptions: { padding: { top: 16, right: 52, bottom: 44, left: 16 } },
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
const first = load(indicators[0]);
map.on('load', async () => {
  const fc = await first;
  map.addSource('communes', { type: 'geojson', data: fc });
  map.addLayer({ id: 'fill', type: 'fill', source: 'communes', paint: { 'fill-color': colour(fc) } });
  ready();
});
select.addEventListener('change', async () => {
  el.setAttribute('data-state', 'loading');
  const fc = await load(select.value);
  map.getSource('communes').setData(fc);
  map.setPaintProperty('fill', 'fill-color', colour(fc));
  ready();
});
