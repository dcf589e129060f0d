// The JSON API, with answers kept for the page's lifetime: the data do not change while a server runs.
const cache = new Map();
const enc = encodeURIComponent;

/**
 * A request the server refused or could not answer. `message` is the problem's detail (the server's words), never the
 * status: the panel turns an ApiError into sentences with `problemWords` (format.js), so no status reaches the screen.
 */
export class ApiError extends Error {
  constructor(status, title, detail, parameter) {
    super(detail || title || 'The server gave no answer.');
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.parameter = parameter;
  }
}

export async function getJson(url) {
  if (!cache.has(url)) {
    const pending = fetch(url).catch(() => {
      cache.delete(url);
      throw new ApiError(0, 'Unreachable', '');
    }).then(async (response) => {
      if (!response.ok) {
        cache.delete(url);
        let problem = {};
        try { problem = await response.json(); } catch { /* not problem details */ }
        throw new ApiError(response.status, problem.title ?? '', problem.detail ?? '', problem.parameter);
      }
      return response.json();
    });
    cache.set(url, pending);
  }
  return cache.get(url);
}

const indicatorArea = (ind, code) => `/api/indicators/${enc(ind)}/areas/${enc(code)}`;
/** Rolling pools of k periods (1: single periods, left out of the URL). */
const poolQ = (pool) => (pool > 1 ? `&pool=${pool}` : '');

export const api = {
  dataset: () => getJson('/api/dataset'),
  area: (code) => getJson(`/api/areas/${enc(code)}`),
  search: (q, limit = 8) => fetch(`/api/areas?q=${enc(q)}&limit=${limit}`).then((r) => (r.ok ? r.json() : [])),
  children: (ind, code, period, pool, funnel) => getJson(childrenUrl(ind, code, period, '', pool, funnel)),
  row: (ind, code, period, pool) => getJson(`${indicatorArea(ind, code)}?period=${enc(period)}${poolQ(pool)}`),
  /** The published values of every area of a level across the country, ascending: a national distribution. */
  levelValues: (ind, level, period, pool) =>
    getJson(`/api/indicators/${enc(ind)}/levels/${enc(level)}/values?period=${enc(period)}${poolQ(pool)}`),
  hotspots: (ind, code, period, by, top, pool) => getJson(hotspotsUrl(ind, code, period, by, top, '', pool)),
  /** Core20 against the rest, each IMD decile's value, SII and RII (400 for score indicators). */
  inequality: (ind, code, period, pool) => getJson(`${indicatorArea(ind, code)}/inequality?period=${enc(period)}${poolQ(pool)}`),
  /** Every neighbourhood of the area with its Gi* (gistar) or local Moran (moran) class. */
  hotspotClasses: (ind, code, period, by, pool) =>
    getJson(`${indicatorArea(ind, code)}/hotspot-classes?period=${enc(period)}&by=${enc(by)}${poolQ(pool)}`),
  /** The area's value and 95% limits per period up to `period`, the recent-trend marker and an SPC chart (never pooled); chart: its
   * kind (none: the value type's own). */
  trend: (ind, code, period, chart) => getJson(`${indicatorArea(ind, code)}/trend?period=${enc(period)}${chart ? `&chart=${enc(chart)}` : ''}`),
  /** The providers whose catchment (by `method`) has a neighbourhood in the area, with sizes and overlaps. */
  catchments: (code, method) => getJson(`/api/catchments?area=${enc(code)}&method=${enc(method)}`),
  /** Those catchments' dissolved boundaries: a GeoJSON FeatureCollection in WGS84. */
  catchmentBoundaries: (code, method) => getJson(`/api/catchments/boundaries?area=${enc(code)}&method=${enc(method)}`),
  catchment: (provider, method) => getJson(`/api/catchments/${enc(provider)}?method=${enc(method)}`),
  catchmentIndicator: (provider, ind, period, method) =>
    getJson(`/api/catchments/${enc(provider)}/indicators/${enc(ind)}?period=${enc(period)}&method=${enc(method)}`),
  compare: (ind, codes, period, pool) =>
    getJson(`/api/compare?indicator=${enc(ind)}&areas=${codes.map(enc).join(',')}&period=${enc(period)}${poolQ(pool)}`),
};

/** The children's rows as JSON ('') or as the export files ('.csv', '.geojson'); funnel: their limits (none: exact). */
export function childrenUrl(ind, code, period, ext, pool, funnel) {
  return `${indicatorArea(ind, code)}/children${ext}?period=${enc(period)}${poolQ(pool)}${funnel ? `&funnel=${enc(funnel)}` : ''}`;
}

export function hotspotsUrl(ind, code, period, by, top, ext, pool) {
  return `${indicatorArea(ind, code)}/hotspots${ext}?period=${enc(period)}&by=${enc(by)}&top=${top}${poolQ(pool)}`;
}
