// The MapLibre map: one vector source per level from the server's tiles, no basemap. The children of
// the current area are drawn at their level (filtered by their parent's code) and coloured through
// feature-state keyed by code (promoteId), so a drill needs no new tiles at the same zoom.
// MapLibre's CSP build, with its worker run from its own script file beside the bundle (copied as published by
// build.mjs, so esbuild does not touch it): the default build carries its worker as stringified functions inside the
// bundle, and esbuild's lowering of class fields (target es2020) puts a helper outside them, so the worker's GeoJSON
// path failed with "… is not defined". A file of our own origin, not a blob: URL, so the server's
// Content-Security-Policy can allow scripts and workers from 'self' only.
import maplibregl from 'maplibre-gl/dist/maplibre-gl-csp.js';

maplibregl.setWorkerUrl(new URL('maplibre-gl-csp-worker.js', document.baseURI).href);

export const LEVELS = ['country', 'system', 'icp', 'place', 'neighbourhood'];
// The first zoom of the neighbourhood tiles, as their TileJSON says (TileSettings.NeighbourhoodMinZoom on the server):
// below it a city's neighbourhoods are a few pixels each, and the map shows their parents' outlines instead.
export const NEIGHBOURHOOD_MIN_ZOOM = 8;
const CHILD_LEVELS = LEVELS.slice(1);
const NONE = ['==', ['get', 'code'], '\u0000'];
const EMPTY = { type: 'FeatureCollection', features: [] };
const CATCHMENTS = { source: 'catchments' };

function hatchImage() {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const on = (x + y) % size < 2;
      data.set(on ? [60, 60, 60, 255] : [0, 0, 0, 0], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

export function createMap(container) {
  const origin = location.origin;
  // finest level first: MapLibre asks for tiles source by source in this order, and its worker parses them
  // in turn, so the children of a drill (finer than the outlined area) arrive before the area's outline
  const sources = {};
  for (const level of [...LEVELS].reverse()) {
    sources[level] = { type: 'vector', url: `${origin}/tiles/${level}.json`, promoteId: 'code' };
  }
  sources.catchments = { type: 'geojson', data: EMPTY, promoteId: 'provider' };
  const layers = [
    // no background layer (the container's CSS background shows through) and no fill antialiasing (the
    // line layers draw the edges): each full-screen pass costs a software-rendered frame tens of ms
    { id: 'country-fill', type: 'fill', source: 'country', 'source-layer': 'country', paint: { 'fill-color': '#ffffff', 'fill-antialias': false } },
  ];
  // the hotspot classes of the area's neighbourhoods, under the children's lines (whose fill is then clear)
  layers.push(
    {
      id: 'cluster-fill', type: 'fill', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE,
      paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'cls'], '#ffffff']], 'fill-opacity': 0.9, 'fill-antialias': false },
    },
    { id: 'cluster-line', type: 'line', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE, paint: { 'line-color': '#777777', 'line-width': 0.3 } },
  );
  for (const level of CHILD_LEVELS) {
    layers.push(
      {
        id: `${level}-fill`, type: 'fill', source: level, 'source-layer': level, filter: NONE,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], '#ffffff']], 'fill-opacity': 0.9, 'fill-antialias': false },
      },
      { id: `${level}-hatch`, type: 'fill', source: level, 'source-layer': level, filter: NONE, paint: { 'fill-pattern': 'hatch', 'fill-antialias': false } },
      {
        id: `${level}-line`, type: 'line', source: level, 'source-layer': level, filter: NONE,
        paint: { 'line-color': '#4d4d4d', 'line-width': level === 'neighbourhood' ? 0.4 : 0.8 },
      },
    );
  }
  for (const level of LEVELS) {
    layers.push({
      id: `${level}-outline`, type: 'line', source: level, 'source-layer': level, filter: NONE,
      paint: { 'line-color': '#111111', 'line-width': 2.5 },
    });
  }
  // Hover and selection by feature-state, not by filter: a changed filter makes MapLibre parse every
  // tile of the source again, and on a software-rendered map that held up the next drill's frames.
  const focused = (selected, hovered, otherwise) =>
    ['case', ['boolean', ['feature-state', 'selected'], false], selected, ['boolean', ['feature-state', 'hover'], false], hovered, otherwise];
  for (const level of CHILD_LEVELS) {
    layers.push({
      id: `${level}-focus`, type: 'line', source: level, 'source-layer': level, filter: NONE,
      paint: { 'line-color': '#000000', 'line-width': focused(3.5, 2, 0), 'line-opacity': focused(1, 1, 0) },
    });
  }
  // providers' catchments: dashed outlines on a white casing above the children (whose fills stay visible),
  // in Okabe-Ito bluish green, a hue the fills do not use; the dashes tell them from area edges without colour
  const catchmentWidth = focused(4.5, 3.5, 2.2);
  layers.push(
    {
      id: 'catchment-casing', type: 'line', source: 'catchments', layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': ['+', catchmentWidth, 2], 'line-opacity': 0.85 },
    },
    {
      id: 'catchment-line', type: 'line', source: 'catchments', layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': '#009E73', 'line-width': catchmentWidth, 'line-dasharray': [2, 1] },
    },
  );
  layers.push(
    { id: 'hotspot', type: 'line', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE, paint: { 'line-color': '#e0007a', 'line-width': 4 } },
    { id: 'country-line', type: 'line', source: 'country', 'source-layer': 'country', paint: { 'line-color': '#222222', 'line-width': 1.5 } },
  );

  // hidden until drawn: a hidden layer's source loads no tiles
  for (const layer of layers) {
    if (layer.filter === NONE) layer.layout = { visibility: 'none' };
    if (layer.source === 'neighbourhood') layer.minzoom = NEIGHBOURHOOD_MIN_ZOOM;
  }

  const map = new maplibregl.Map({
    container,
    // no transitions or fades: each extra frame costs 50-100 ms on a software-rendered map
    style: { version: 8, sources, layers, transition: { duration: 0, delay: 0 } },
    fadeDuration: 0,
    bounds: [-6.4, 49.8, 1.9, 55.9],
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
  });
  map.touchZoomRotate.disableRotation();
  map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
  map.on('styleimagemissing', (e) => {
    if (e.id === 'hatch') map.addImage('hatch', hatchImage());
  });
  map.addImage('hatch', hatchImage());
  return map;
}

/** Draws `rows` (all children of `parentCode`, at `level`) with the colour `colourOf(row)` gives. */
export function drawChildren(map, level, parentCode, rows, colourOf) {
  const byParent = ['==', ['get', 'parent'], parentCode];
  const suppressed = rows.filter((r) => r.suppressed).map((r) => r.code);
  for (const other of CHILD_LEVELS) {
    const on = other === level;
    // a level drawn nowhere is hidden, so that its source loads no tiles and idle does not wait for them
    for (const kind of ['fill', 'hatch', 'line', 'focus']) show(map, `${other}-${kind}`, on);
    map.setFilter(`${other}-fill`, on ? byParent : NONE);
    map.setFilter(`${other}-line`, on ? byParent : NONE);
    map.setFilter(`${other}-focus`, on ? byParent : NONE);
    map.setFilter(`${other}-hatch`, on ? ['all', byParent, ['in', ['get', 'code'], ['literal', suppressed]]] : NONE);
  }
  for (const row of rows) {
    map.setFeatureState({ source: level, sourceLayer: level, id: row.code }, { fill: colourOf(row) });
  }
}

/**
 * Colours the neighbourhoods `codes` by `colourOf(code)` under the children (or hides them: codes null),
 * by feature-state `cls`, so that the children's own colours are left alone.
 */
export function drawClusters(map, codes, colourOf) {
  show(map, 'cluster-fill', !!codes);
  show(map, 'cluster-line', !!codes);
  const filter = codes ? ['in', ['get', 'code'], ['literal', codes]] : NONE;
  map.setFilter('cluster-fill', filter);
  map.setFilter('cluster-line', filter);
  for (const code of codes ?? []) {
    map.setFeatureState({ source: 'neighbourhood', sourceLayer: 'neighbourhood', id: code }, { cls: colourOf(code) });
  }
}

function show(map, layer, on) {
  const visibility = on ? 'visible' : 'none';
  if (map.getLayoutProperty(layer, 'visibility') !== visibility) map.setLayoutProperty(layer, 'visibility', visibility);
}

export function outlineArea(map, level, code) {
  for (const other of LEVELS) {
    show(map, `${other}-outline`, other === level && other !== 'country');
    map.setFilter(`${other}-outline`, other === level && other !== 'country' ? ['==', ['get', 'code'], code] : NONE);
  }
}

const marked = { selected: null, hover: null };

/** Outlines one feature of `level` (or none) by feature-state `key` (selected or hover). */
function mark(map, key, level, code) {
  const was = marked[key];
  if (was && was.level === level && was.code === code) return;
  if (was) map.setFeatureState({ source: was.level, sourceLayer: was.level, id: was.code }, { [key]: false });
  marked[key] = code ? { level, code } : null;
  if (code) map.setFeatureState({ source: level, sourceLayer: level, id: code }, { [key]: true });
}

export function markSelected(map, level, code) {
  mark(map, 'selected', level, code);
}

export function markHover(map, level, code) {
  mark(map, 'hover', level, code);
}

/**
 * Resolves at the first frame drawn with every tile of the `levels`' sources at the current camera loaded:
 * the children drawn at the new zoom with their colours (feature-state is applied to a tile's features
 * before it is drawn). Not 'idle', which also waits for the other sources (country, outline).
 */
export function childrenDrawn(map, levels) {
  return new Promise((resolve) => {
    const check = () => {
      if (levels.every((level) => map.isSourceLoaded(level)) && !map.isMoving()) {
        map.off('render', check);
        resolve();
      }
    };
    map.on('render', check);
    map.triggerRepaint();
  });
}

export function markHotspot(map, code) {
  show(map, 'hotspot', !!code);
  map.setFilter('hotspot', code ? ['==', ['get', 'code'], code] : NONE);
}

/**
 * A point in page pixels inside the drawn feature `code` at `level`, found by asking the map what is
 * drawn at points across the feature's box; null when it is not on screen. Used by the browser tests
 * to click a real feature.
 */
export function pagePointOf(map, level, code) {
  const layer = `${level}-fill`;
  const found = map.queryRenderedFeatures({ layers: [layer], filter: ['==', ['get', 'code'], code] });
  if (found.length === 0) return null;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      const p = map.project(c);
      minX = Math.min(minX, p.x); maxX = Math.max(maxX, p.x);
      minY = Math.min(minY, p.y); maxY = Math.max(maxY, p.y);
    } else {
      c.forEach(visit);
    }
  };
  found.forEach((f) => visit(f.geometry.coordinates));
  const canvas = map.getCanvas();
  const rect = canvas.getBoundingClientRect();
  const steps = 24;
  for (let i = 0; i <= steps * steps; i++) {
    // centre-out order: the middle of the box first
    const gx = (i % (steps + 1)) / steps;
    const gy = Math.floor(i / (steps + 1)) / steps;
    const x = minX + (maxX - minX) * ((gx + 0.5) % 1);
    const y = minY + (maxY - minY) * ((gy + 0.5) % 1);
    if (x < 1 || y < 1 || x > rect.width - 1 || y > rect.height - 1) continue;
    const hit = map.queryRenderedFeatures([x, y], { layers: [layer] });
    const page = { x: rect.left + x, y: rect.top + y };
    // not under the legend or a control
    if (document.elementFromPoint(page.x, page.y) !== canvas) continue;
    if (hit.length > 0 && hit[0].properties.code === code) return page;
  }
  return null;
}

let catchmentMarks = { selected: null, hover: null };

/** Draws the catchment boundaries (a FeatureCollection from /api/catchments/boundaries), or hides them: null. */
export function drawCatchments(map, collection) {
  show(map, 'catchment-casing', !!collection);
  show(map, 'catchment-line', !!collection);
  map.getSource('catchments').setData(collection ?? EMPTY);
  map.removeFeatureState(CATCHMENTS);
  catchmentMarks = { selected: null, hover: null };
}

/** Widens one provider's outline by feature-state `key` (selected or hover); null for none. */
export function markCatchment(map, key, provider) {
  const was = catchmentMarks[key];
  if (was === provider) return;
  if (was) map.setFeatureState({ ...CATCHMENTS, id: was }, { [key]: false });
  catchmentMarks[key] = provider ?? null;
  if (provider) map.setFeatureState({ ...CATCHMENTS, id: provider }, { [key]: true });
}

const near = (p, r) => [[p.x - r, p.y - r], [p.x + r, p.y + r]];

/** The properties of the catchment outline drawn within a few pixels of `point`, or null. */
export function catchmentAt(map, point) {
  if (map.getLayoutProperty('catchment-line', 'visibility') !== 'visible') return null;
  return map.queryRenderedFeatures(near(point, 4), { layers: ['catchment-line'] })[0]?.properties ?? null;
}

/** A point in page pixels on the drawn outline of `provider`'s catchment (for the browser tests); null when none is on screen. */
export function catchmentPointOf(map, provider) {
  const found = map.queryRenderedFeatures({ layers: ['catchment-line'], filter: ['==', ['get', 'provider'], provider] });
  const canvas = map.getCanvas();
  const rect = canvas.getBoundingClientRect();
  const points = [];
  const visit = (c) => (typeof c[0] === 'number' ? points.push(c) : c.forEach(visit));
  found.forEach((f) => visit(f.geometry.coordinates));
  for (const c of points) {
    const p = map.project(c);
    if (p.x < 8 || p.y < 8 || p.x > rect.width - 8 || p.y > rect.height - 8) continue;
    const page = { x: rect.left + p.x, y: rect.top + p.y };
    if (document.elementFromPoint(page.x, page.y) !== canvas) continue;
    if (catchmentAt(map, p)?.provider === provider) return page;
  }
  return null;
}
