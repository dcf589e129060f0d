// Area segmentation in the viewer: the user picks two or more neighbourhood indicators and k (or auto); the server
// clusters the selected area's neighbourhoods by k-means on their standardised values (GET /api/areas/{code}/segments);
// the clusters are drawn over the map in Okabe-Ito colours and each cluster's size and profile (mean and standard
// deviation per indicator, in its own units) listed in the panel. Neighbourhoods left out (suppressed, or without a
// value) stay uncoloured and are counted. Its own layers and feature-state key, so the drill's colours are untouched.
import { getJson } from './api.js';
import { escapeHtml, fmtCount, fmtValue, problemWords } from './format.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const NONE = ['==', ['get', 'code'], '\u0000'];

// Okabe and Ito (2008): eight colours told apart with any colour-blindness; the server's k is at most eight
export const SEGMENT_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

let map = null;
let area = null; // the area the controls act on: { code, name, level }
let drawn = null; // the area code whose segments are on the map
const hook = () => (window.geoViewer.segments ??= { area: null, k: null, drawn: 0, clusters: [] });

/** Adds the layers (under the area outlines) and fills the controls with the indicators published by neighbourhood. */
export function setupSegments(theMap, indicators) {
  map = theMap;
  const before = 'country-outline';
  map.addLayer({
    id: 'segment-fill', type: 'fill', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE, minzoom: 8,
    layout: { visibility: 'none' },
    paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'segment'], '#ffffff']], 'fill-opacity': 0.85, 'fill-antialias': false },
  }, before);
  map.addLayer({
    id: 'segment-line', type: 'line', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE, minzoom: 8,
    layout: { visibility: 'none' }, paint: { 'line-color': '#ffffff', 'line-width': 0.5 },
  }, before);
  fillIndicators(indicators);
  $('segment-run').addEventListener('click', run);
  $('segment-clear').addEventListener('click', clear);
}

/** Offers the indicators published by neighbourhood (again after an upload); the first two are ticked. */
export function fillIndicators(indicators) {
  const usable = indicators.filter((i) => i.dataLevel === 'neighbourhood');
  const ticked = new Set([...document.querySelectorAll('#segment-indicators input:checked')].map((c) => c.value));
  const tick = (i, n) => (ticked.size ? ticked.has(i.id) : n < 2);
  $('segment-indicators').innerHTML = usable.map((i, n) => `<li><label><input type="checkbox" value="${escapeHtml(i.id)}"` +
    `${tick(i, n) ? ' checked' : ''}> ${escapeHtml(i.name)}</label></li>`).join('');
  $('segment-hint').textContent = usable.length < 2
    ? 'Segments need two indicators published by neighbourhood; this dataset has ' + (usable.length ? 'one: add another with "Add data".' : 'none.')
    : 'Clusters the neighbourhoods on the indicators ticked (each standardised), by k-means.';
}

/** The drill moved to `next`: segments drawn for another area are taken off the map. */
export function segmentArea(next) {
  area = next;
  $('segment-title').textContent = `Segments of the neighbourhoods of ${next.name}`;
  if (drawn && drawn !== next.code) clear();
}

async function run() {
  if (!area || !map) return;
  const chosen = [...document.querySelectorAll('#segment-indicators input:checked')].map((c) => c.value);
  const k = $('segment-k').value;
  const url = `/api/areas/${enc(area.code)}/segments?indicators=${chosen.map(enc).join(',')}${k === 'auto' ? '' : `&k=${k}`}`;
  $('segment-result').innerHTML = '<p class="hint">Clustering…</p>';
  let answer;
  try {
    answer = await getJson(url);
  } catch (err) {
    draw(null);
    $('segment-result').innerHTML = `<p class="why">${escapeHtml(problemWords(err, 'Tick other indicators or choose another k.'))}</p>`;
    return;
  }
  if (answer.area.code !== area?.code) return; // the drill moved on meanwhile
  draw(answer);
  $('segment-result').innerHTML = profileHtml(answer, url);
  colourSwatches($('segment-result'));
}

// colours set through the CSSOM: the server's Content-Security-Policy allows no inline style attributes
function colourSwatches(box) {
  box.querySelectorAll('.swatch[data-colour]').forEach((s) => { s.style.background = s.dataset.colour; });
}

function clear() {
  draw(null);
  $('segment-result').innerHTML = '';
}

function draw(answer) {
  const codes = answer && answer.k ? answer.areas.map((a) => a.code) : null;
  for (const layer of ['segment-fill', 'segment-line']) {
    map.setLayoutProperty(layer, 'visibility', codes ? 'visible' : 'none');
    map.setFilter(layer, codes ? ['in', ['get', 'code'], ['literal', codes]] : NONE);
  }
  for (const a of answer?.areas ?? []) {
    map.setFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: a.code }, { segment: SEGMENT_COLOURS[a.cluster - 1] });
  }
  drawn = codes ? answer.area.code : null;
  // the map's own key to the clusters, beside the drill's legend (which still explains the neighbourhoods left out)
  const legend = $('segment-legend');
  legend.hidden = !codes;
  legend.innerHTML = codes ? `<strong>Segments of ${escapeHtml(answer.area.name)}</strong><ul>` +
    answer.clusters.map((c) => `<li data-cluster="${c.cluster}"><span class="swatch" data-colour="${SEGMENT_COLOURS[c.cluster - 1]}"></span>` +
      `cluster ${c.cluster} (${fmtCount(c.size)})</li>`).join('') + '</ul>' : '';
  colourSwatches(legend);
  Object.assign(hook(), {
    area: drawn, k: answer?.k ?? null, drawn: codes?.length ?? 0, clusters: (answer?.clusters ?? []).map((c) => c.size), reason: answer?.reason ?? null,
  });
}

/** The legend and profile table: one row per cluster (colour, size), each indicator's mean and standard deviation. */
function profileHtml(answer, url) {
  const left = `${fmtCount(answer.clustered)} of ${fmtCount(answer.neighbourhoods)} neighbourhoods clustered` +
    (answer.suppressed + answer.noValue > 0
      ? `; left out: ${fmtCount(answer.suppressed)} suppressed in an indicator, ${fmtCount(answer.noValue)} without a value` : '') + '.';
  if (!answer.k) return `<p class="why" id="segment-reason">${escapeHtml(answer.reason)}</p><p class="hint">${escapeHtml(left)}</p>`;
  const names = answer.indicators.map((i) => i.indicatorName);
  const units = answer.indicators.map((i) => i.unit);
  const how = answer.kChosenBySilhouette ? `k = ${answer.k}, chosen by the highest mean silhouette` : `k = ${answer.k}`;
  const zoomed = map.getZoom() < 8 ? ' Zoom in to see the neighbourhoods.' : '';
  // Kaufman and Rousseeuw's (1990) reading of the mean silhouette
  const s = answer.silhouette;
  const silhouette = `mean silhouette ${s.toFixed(2)}: ` + (s > 0.7 ? 'a strong structure' : s > 0.5 ? 'a reasonable structure'
    : s > 0.25 ? 'a weak structure, which could be artificial' : 'no substantial structure: profiles shade into one another');
  return `<p class="hint">${escapeHtml(left)} ${escapeHtml(how)}; ${escapeHtml(silhouette)} (1 is perfectly separated).${zoomed}</p>` +
    '<table class="segment-profiles" id="segment-profiles"><thead><tr><th scope="col">Cluster</th><th scope="col">Size</th>' +
    names.map((n, j) => `<th scope="col">${escapeHtml(n)}${units[j] ? ` <small>(${escapeHtml(units[j])})</small>` : ''}<br><small>mean ± sd</small></th>`).join('') +
    '</tr></thead><tbody>' +
    answer.clusters.map((c) => `<tr data-cluster="${c.cluster}"><th scope="row"><span class="swatch" data-colour="${SEGMENT_COLOURS[c.cluster - 1]}"></span>${c.cluster}</th>` +
      `<td data-field="size">${fmtCount(c.size)}</td>` +
      c.profile.map((m) => `<td title="range ${escapeHtml(fmtValue(m.min))} to ${escapeHtml(fmtValue(m.max))}; mean z ${m.meanZ.toFixed(2)}">` +
        `${fmtValue(m.mean)} ± ${fmtValue(m.standardDeviation)}</td>`).join('') + '</tr>').join('') +
    '</tbody></table>' +
    `<p class="exports">Export the clusters: <a id="segment-csv" href="${escapeHtml(url.replace('/segments?', '/segments.csv?'))}&seed=${answer.seed}" download>CSV</a></p>`;
}
