// The MapLibre map: one vector source per level from the server's tiles, no basemap. The children of
// the current area are drawn at their level (filtered by their parent's code) and coloured through
// feature-state keyed by code (promoteId), so a drill needs no new tiles at the same zoom.
import maplibregl from 'maplibre-gl';

export const LEVELS = ['country', 'system', 'icp', 'place', 'neighbourhood'];
const CHILD_LEVELS = LEVELS.slice(1);
const NONE = ['==', ['get', 'code'], '\u0000'];

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
  const sources = {};
  for (const level of LEVELS) {
    sources[level] = { type: 'vector', url: `${origin}/tiles/${level}.json`, promoteId: 'code' };
  }
  const layers = [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
    { id: 'country-fill', type: 'fill', source: 'country', 'source-layer': 'country', paint: { 'fill-color': '#ffffff' } },
  ];
  for (const level of CHILD_LEVELS) {
    layers.push(
      {
        id: `${level}-fill`, type: 'fill', source: level, 'source-layer': level, filter: NONE,
        paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], '#ffffff']], 'fill-opacity': 0.9 },
      },
      { id: `${level}-hatch`, type: 'fill', source: level, 'source-layer': level, filter: NONE, paint: { 'fill-pattern': 'hatch' } },
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
  for (const level of CHILD_LEVELS) {
    layers.push(
      { id: `${level}-hover`, type: 'line', source: level, 'source-layer': level, filter: NONE, paint: { 'line-color': '#000000', 'line-width': 2 } },
      { id: `${level}-selected`, type: 'line', source: level, 'source-layer': level, filter: NONE, paint: { 'line-color': '#000000', 'line-width': 3.5 } },
    );
  }
  layers.push(
    { id: 'hotspot', type: 'line', source: 'neighbourhood', 'source-layer': 'neighbourhood', filter: NONE, paint: { 'line-color': '#e0007a', 'line-width': 4 } },
    { id: 'country-line', type: 'line', source: 'country', 'source-layer': 'country', paint: { 'line-color': '#222222', 'line-width': 1.5 } },
  );

  // hidden until drawn: a hidden layer's source loads no tiles
  for (const layer of layers) {
    if (layer.filter === NONE) layer.layout = { visibility: 'none' };
  }

  const map = new maplibregl.Map({
    container,
    style: { version: 8, sources, layers },
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
    for (const kind of ['fill', 'hatch', 'line', 'hover', 'selected']) show(map, `${other}-${kind}`, on);
    map.setFilter(`${other}-fill`, on ? byParent : NONE);
    map.setFilter(`${other}-line`, on ? byParent : NONE);
    map.setFilter(`${other}-hatch`, on ? ['all', byParent, ['in', ['get', 'code'], ['literal', suppressed]]] : NONE);
    if (!on) {
      map.setFilter(`${other}-hover`, NONE);
      map.setFilter(`${other}-selected`, NONE);
    }
  }
  for (const row of rows) {
    map.setFeatureState({ source: level, sourceLayer: level, id: row.code }, { fill: colourOf(row) });
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

export function markSelected(map, level, code) {
  map.setFilter(`${level}-selected`, code ? ['==', ['get', 'code'], code] : NONE);
}

export function markHover(map, level, code) {
  map.setFilter(`${level}-hover`, code ? ['==', ['get', 'code'], code] : NONE);
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
