// "Population": the focused area's population by age band as a small SVG pyramid (each band's share of the area, with
// England's share marked), and for indicators read by age band the area's age-specific rates with 95% intervals beside
// England's, shown only where the server shows them (all bands or none: docs/methods.md, "Age-specific rates").
import { getJson } from './api.js';
import { escapeHtml, fmtCount, fmtInterval, fmtValue, problemWords } from './format.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const pct = (x) => `${(x * 100).toFixed(1)}%`;

const W = 320, ROW = 11, L = 46, R = 40, T = 4;

/** Horizontal bars from a centre line, youngest at the bottom; a tick marks the country's share of each band. */
export function pyramidSvg(pop) {
  const bands = pop.bands;
  const max = Math.max(...bands.map((b) => Math.max(b.share, b.countryShare)), 1e-9);
  const half = (W - L - R) / 2, mid = L + half;
  const h = T * 2 + bands.length * ROW + 12;
  const y = (i) => T + (bands.length - 1 - i) * ROW;
  const bars = bands.map((b, i) => {
    const w = (b.share / max) * half, cw = (b.countryShare / max) * half;
    const label = `${b.band}: ${fmtCount(b.count)} people, ${pct(b.share)} of the area (country ${pct(b.countryShare)})`;
    return `<g class="band" data-band="${escapeHtml(b.band)}" role="listitem" aria-label="${escapeHtml(label)}"><title>${escapeHtml(label)}</title>` +
      `<rect x="${(mid - w).toFixed(1)}" y="${y(i) + 1}" width="${(2 * w).toFixed(1)}" height="${ROW - 2}" fill="#005eb8"/>` +
      `<line x1="${(mid - cw).toFixed(1)}" x2="${(mid - cw).toFixed(1)}" y1="${y(i)}" y2="${y(i) + ROW}" stroke="#d5281b"/>` +
      `<line x1="${(mid + cw).toFixed(1)}" x2="${(mid + cw).toFixed(1)}" y1="${y(i)}" y2="${y(i) + ROW}" stroke="#d5281b"/>` +
      `<text x="${L - 4}" y="${y(i) + ROW - 2}" text-anchor="end">${escapeHtml(b.band)}</text>` +
      `<text x="${W - R + 4}" y="${y(i) + ROW - 2}">${pct(b.share)}</text></g>`;
  }).join('');
  return `<svg class="pyramid" viewBox="0 0 ${W} ${h}" role="list" aria-label="Population of ${escapeHtml(pop.name)} by age band, ` +
    `${fmtCount(pop.total)} people">${bars}<line x1="${mid}" x2="${mid}" y1="${T}" y2="${T + bands.length * ROW}" stroke="#000"/></svg>`;
}

/** The age-specific rates beside the country's, as a table; a reason instead when there are none or they are withheld. */
export function ratesHtml(rates) {
  if (!rates) return '';
  if (rates.reason) return `<p class="hint" data-field="age-rates-reason">${escapeHtml(rates.reason)}</p>`;
  if (!rates.shown) return `<p class="why" data-field="age-rates-withheld">${escapeHtml(rates.withheld ?? 'Withheld.')}</p>`;
  return `<table class="age-rates"><caption>Age-specific rates (${escapeHtml(rates.unit)}), 95% CI</caption>` +
    '<thead><tr><th scope="col">Age</th><th scope="col">Here</th><th scope="col">95% CI</th><th scope="col">England</th></tr></thead><tbody>' +
    rates.bands.map((b) => `<tr data-band="${escapeHtml(b.band)}"><th scope="row">${escapeHtml(b.band)}</th><td>${fmtValue(b.rate)}</td>` +
      `<td>${fmtInterval(b.lower95, b.upper95)}</td><td>${fmtValue(b.countryRate)}</td></tr>`).join('') + '</tbody></table>';
}

export function renderPyramid(pop, rates, error) {
  const box = $('pyramid');
  if (!box) return;
  if (!pop || pop.reason) {
    box.innerHTML = `<p class="hint">No population: ${escapeHtml(pop?.reason ?? error ?? 'not available')}</p>`;
    return;
  }
  box.innerHTML = `<p data-field="population-total">${fmtCount(pop.total)} residents</p>` + pyramidSvg(pop) +
    `<p class="hint">Bars: each age band's share of the area; red ticks: the whole country's share. ${escapeHtml(pop.sex ?? '')}</p>` +
    ratesHtml(rates);
}

/** Fetches and draws the section for the focused area; resolves to a summary for the test hook. */
export async function renderPyramidOf(ind, code, period, pool, isCurrent) {
  let pop = null, rates = null, error = null;
  try {
    [pop, rates] = await Promise.all([
      getJson(`/api/areas/${enc(code)}/population`),
      getJson(`/api/indicators/${enc(ind)}/areas/${enc(code)}/age-rates?period=${enc(period)}${pool > 1 ? `&pool=${pool}` : ''}`),
    ]);
  } catch (err) {
    error = problemWords(err);
  }
  if (!isCurrent()) return null;
  renderPyramid(pop, rates, error);
  return pop ? { code, bands: pop.bands.length, ratesShown: !!rates?.shown } : null;
}
