// Two indicators side by side (issue 19 §3): the children of the area drawn coloured by their 3×3 bivariate class (the
// rank tertile of each indicator, from GET …/bivariate?with=), a 3×3 legend with both indicators named, Spearman's ρ with
// its 95% interval in words, a scatter plot of the pairs (plain SVG, like charts.js) and the pairs as CSV. Only children
// with a published value of both are paired: suppressed ones are counted, never placed.
import { escapeHtml, fmtRatio, fmtValue } from './format.js';
import { SUPPRESSED } from './colour.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

// A multiply blend of a pink ramp (the first indicator, across) and a blue ramp (the second, up), in the manner of
// Stevens' bivariate schemes: both hues stay apart with red-green colour-blindness, and the diagonal darkens.
export const BIVARIATE_COLOURS = {
  '1-1': '#e9e9e9', '2-1': '#de9fba', '3-1': '#c93d7a',
  '1-2': '#95c2d3', '2-2': '#8e84a7', '3-2': '#80336e',
  '1-3': '#2c89b0', '2-3': '#2a5d8c', '3-3': '#26245c',
};

// darker than the palest class (low on both), which the viewer's usual light grey for "no value" would be mistaken for
export const UNPAIRED = '#a3a3a3';
// cells light enough to need dark numbers
const LIGHT = new Set(['1-1', '2-1', '1-2']);

const THIRDS = { 1: 'low', 2: 'middle', 3: 'high' };
const NOUNS = { system: 'systems', icp: 'partnerships', place: 'places', neighbourhood: 'neighbourhoods' };

export function bivariateUrl(ind, code, period, second, ext = '') {
  return `/api/indicators/${enc(ind)}/areas/${enc(code)}/bivariate${ext}?with=${enc(second)}&periodX=${enc(period)}`;
}

/** The second indicator's choices: none, or any indicator other than the one shown. */
export function fillSecondIndicator(select, indicators, first, chosen) {
  select.innerHTML = '<option value="">none</option>' + indicators.filter((i) => i.id !== first)
    .map((i) => `<option value="${escapeHtml(i.id)}">${escapeHtml(i.name)}</option>`).join('');
  select.value = chosen && chosen !== first ? chosen : '';
}

/**
 * The class of one of the children drawn: its bivariate class when it is paired; suppressed or "not paired" otherwise
 * (a child left out says nothing about which indicator it lacks).
 */
export function bivariateClassifier(answer, xName, yName) {
  const paired = new Map(answer.pairs.filter((p) => p.bivariateClass).map((p) => [p.code, p]));
  return (row) => {
    const p = paired.get(row.code);
    if (p) {
      return { key: p.bivariateClass, colour: BIVARIATE_COLOURS[p.bivariateClass], label: `${xName}: ${THIRDS[p.xClass]} third; ${yName}: ${THIRDS[p.yClass]} third` };
    }
    if (row.suppressed) return { key: 'suppressed', colour: SUPPRESSED, label: 'suppressed (small numbers): not paired' };
    return { key: 'unpaired', colour: UNPAIRED, label: 'not paired: no published value of both indicators' };
  };
}

/** Whether the answer can colour the map: enough pairs for the tertile classes. */
export const canColour = (answer) => !!answer && answer.pairs.some((p) => p.bivariateClass);

/** The 3×3 legend: the second indicator up (high at the top), the first across (high on the right), with counts. */
export function renderBivariateLegend(xName, yName, counts, childLevel) {
  const cell = (x, y) => {
    const key = `${x}-${y}`;
    const n = counts.get(key) ?? 0;
    return `<span class="bv-cell${LIGHT.has(key) ? ' light' : ''}" data-class="${key}" data-colour="${BIVARIATE_COLOURS[key]}" title="${escapeHtml(`${xName} ${THIRDS[x]}, ${yName} ${THIRDS[y]}: ${n}`)}">${n || ''}</span>`;
  };
  const grid = [3, 2, 1].map((y) => [1, 2, 3].map((x) => cell(x, y)).join('')).join('');
  const tail = [['suppressed', SUPPRESSED, 'suppressed: not paired'], ['unpaired', UNPAIRED, 'no published value of both']]
    .filter(([k]) => counts.has(k))
    .map(([k, colour, label]) => `<li data-key="${k}" data-colour="${colour}"><span class="swatch${k === 'suppressed' ? ' hatch' : ''}"></span>${label} <span class="n">(${counts.get(k)})</span></li>`)
    .join('');
  const nouns = NOUNS[childLevel] ?? 'areas';
  $('legend').innerHTML = `<strong>${escapeHtml(nouns[0].toUpperCase() + nouns.slice(1))} by thirds of both indicators</strong>` +
    '<div class="bv-legend">' +
    `<span class="bv-y" id="bv-axis-y">${escapeHtml(yName)}: low → high</span>` +
    `<div class="bv-grid" role="img" aria-label="3 by 3 key: ${escapeHtml(xName)} across, ${escapeHtml(yName)} up">${grid}</div>` +
    `<span class="bv-x" id="bv-axis-x">${escapeHtml(xName)}: low → high</span></div>` +
    (tail ? `<ul>${tail}</ul>` : '') +
    '<p class="hint">Thirds by rank among the areas drawn; numbers: areas in each class. Dark purple: high on both; pale: low on both.</p>';
  $('legend').querySelectorAll('[data-colour]').forEach((e) => {
    (e.classList.contains('bv-cell') ? e : e.querySelector('.swatch')).style.backgroundColor = e.dataset.colour;
  });
}

/** Strength of a rank correlation in words (Evans' bands: 0.2, 0.4, 0.6, 0.8). */
function strength(rho) {
  const a = Math.abs(rho);
  return a < 0.2 ? 'very weak' : a < 0.4 ? 'weak' : a < 0.6 ? 'moderate' : a < 0.8 ? 'strong' : 'very strong';
}

/** Spearman's ρ with its interval in a planner's words, and what was left out. */
export function rhoWords(answer, xName, yName, nouns) {
  const s = answer.spearman;
  const left = answer.suppressed + answer.noValue;
  const leftOut = left === 0 ? ''
    : ` ${left} ${left === 1 ? nouns.replace(/s$/, '') : nouns} without a published value of both indicators ` +
      `(${answer.suppressed} suppressed, ${answer.noValue} with no value) ${left === 1 ? 'is' : 'are'} not paired.`;
  if (s.rho == null) return `No correlation: ${answer.reason ?? 'too few pairs.'}${answer.reason ? '' : leftOut}`;
  const sign = s.rho > 0 ? 'positive' : s.rho < 0 ? 'negative' : 'no';
  const tendency = s.rho > 0 ? `${nouns} higher on ${xName} tend to be higher on ${yName}` : `${nouns} higher on ${xName} tend to be lower on ${yName}`;
  const sure = s.lower95 > 0 || s.upper95 < 0 ? 'the interval excludes no association' : 'the interval includes no association, so the data are consistent with none';
  return `Spearman's ρ = ${fmtRatio(s.rho)} (95% CI ${fmtRatio(s.lower95)} to ${fmtRatio(s.upper95)}) across ${s.n} ${nouns}: ` +
    `a ${strength(s.rho)} ${sign} association (${tendency}); ${sure}.${leftOut}`;
}

/** Value of the second indicator against the first, one clickable point per pair, the selected child ringed. */
export function scatterSvg(answer, xName, yName, sel) {
  const pts = answer.pairs;
  if (pts.length === 0) return '';
  const W = 320, H = 230, L = 44, R = 10, T = 8, B = 34;
  const range = (vs) => {
    const lo = Math.min(...vs), hi = Math.max(...vs), pad = (hi - lo || Math.abs(hi) || 1) * 0.05;
    return [lo - pad, hi + pad];
  };
  const [x0, x1] = range(pts.map((p) => p.x));
  const [y0, y1] = range(pts.map((p) => p.y));
  const sx = (v) => L + ((v - x0) / (x1 - x0)) * (W - L - R);
  const sy = (v) => T + (1 - (v - y0) / (y1 - y0)) * (H - T - B);
  // the selected child last, so that it is drawn on top
  const ordered = [...pts.filter((p) => p.code !== sel), ...pts.filter((p) => p.code === sel)];
  const dots = ordered.map((p) => {
    const selected = p.code === sel;
    return `<circle class="pair${selected ? ' selected' : ''}" cx="${sx(p.x).toFixed(1)}" cy="${sy(p.y).toFixed(1)}" r="${selected ? 6 : 3.5}" ` +
      `fill="${BIVARIATE_COLOURS[p.bivariateClass] ?? '#999'}" stroke="${selected ? '#000' : '#333'}" stroke-width="${selected ? 2.5 : 0.5}" ` +
      `data-code="${escapeHtml(p.code)}" tabindex="0" role="button" aria-label="${escapeHtml(p.name)}">` +
      `<title>${escapeHtml(`${p.name}: ${xName} ${fmtValue(p.x)}, ${yName} ${fmtValue(p.y)}`)}</title></circle>`;
  }).join('');
  const axes = `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000"/>` +
    `<text x="${L - 4}" y="${T + 8}" text-anchor="end">${fmtValue(y1)}</text><text x="${L - 4}" y="${H - B}" text-anchor="end">${fmtValue(y0)}</text>` +
    `<text x="${L}" y="${H - B + 12}">${fmtValue(x0)}</text><text x="${W - R}" y="${H - B + 12}" text-anchor="end">${fmtValue(x1)}</text>` +
    `<text x="${(L + W - R) / 2}" y="${H - 4}" text-anchor="middle">${escapeHtml(xName)} →</text>` +
    `<text transform="translate(10 ${(T + H - B) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(yName)} →</text>`;
  return `<svg class="scatter" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`${yName} against ${xName}, ${pts.length} areas`)}">${axes}${dots}</svg>`;
}

/**
 * The panel's section: ρ in words, the scatter plot and the CSV link; or why there is nothing (the server's reason, or
 * the problem the request met). Hidden when no second indicator is chosen.
 */
export function renderBivariate(result, { xName, yName, childLevel, sel, onOpen, csvUrl }) {
  const section = $('bivariate-section');
  section.hidden = !result;
  if (!result) { $('bivariate').innerHTML = ''; return; }
  const nouns = NOUNS[childLevel] ?? 'areas';
  $('bivariate-title').textContent = `${xName} beside ${yName}`;
  if (result.error) {
    $('bivariate').innerHTML = `<p class="why" id="bivariate-rho">No bivariate view here. ${escapeHtml(result.error)}</p>`;
    return;
  }
  const answer = result.answer;
  $('bivariate').innerHTML = `<p id="bivariate-rho" data-rho="${answer.spearman.rho ?? ''}">${escapeHtml(rhoWords(answer, xName, yName, nouns))}</p>` +
    scatterSvg(answer, xName, yName, sel) +
    (answer.pairs.length ? '<p class="hint">One point per area with a published value of both; colour: its class on the map. Click a point to open it.</p>' : '') +
    `<p class="exports">Export the pairs: <a id="export-bivariate-csv" href="${csvUrl}" download>CSV</a></p>`;
  $('bivariate').querySelectorAll('circle.pair').forEach((c) => {
    c.addEventListener('click', () => onOpen(c.dataset.code));
    c.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onOpen(c.dataset.code); } });
  });
}
