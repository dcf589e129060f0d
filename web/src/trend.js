// An area's trend in the panel: the value with its 95% interval per period, the recent-trend marker in words, and the
// SPC chart (plain SVG, like charts.js) with each special cause marked and explained. Suppressed periods have no point.
import { escapeHtml, fmtInterval, fmtValue } from './format.js';

const $ = (id) => document.getElementById(id);

/** Laney's chart for a value type: p′ for proportions, u′ for crude rates and ratios; null where there is none (an XmR chart). */
export const laneyChart = (valueType) => ({ proportion: 'pprime', 'crude-rate': 'uprime', isr: 'uprime' })[valueType] ?? null;

// Making Data Count's colours: grey common cause, orange concern, blue improvement, purple neutral.
const VARIATION = {
  'common-cause': { colour: '#7f7f7f', words: 'common cause' },
  concern: { colour: '#E46C0A', words: 'special cause of concern' },
  improvement: { colour: '#0072B2', words: 'special cause of improvement' },
  'neutral-high': { colour: '#7030A0', words: 'special cause, higher' },
  'neutral-low': { colour: '#7030A0', words: 'special cause, lower' },
};

const W = 320, H = 170, L = 44, R = 26, T = 8, B = 34;

function frame(periods, lo, hi) {
  const span = hi - lo || 1;
  const min = lo - span * 0.08, max = hi + span * 0.08;
  const step = periods.length > 1 ? (W - L - R) / (periods.length - 1) : 0;
  const sx = (i) => L + (periods.length > 1 ? i * step : (W - L - R) / 2);
  const sy = (v) => T + (1 - (v - min) / (max - min)) * (H - T - B);
  const every = Math.ceil(periods.length / 5);
  const last = periods.length - 1;
  const ticks = periods.map((p, i) => ((i % every === 0 && last - i >= every) || i === last
    ? `<text x="${sx(i).toFixed(1)}" y="${H - B + 14}" text-anchor="middle">${escapeHtml(p)}</text>` : '')).join('');
  const axes = `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000"/>` +
    `<text x="${L - 4}" y="${T + 8}" text-anchor="end">${fmtValue(max)}</text><text x="${L - 4}" y="${H - B}" text-anchor="end">${fmtValue(min)}</text>${ticks}`;
  return { sx, sy, axes };
}

/** Each period's value with its 95% whisker; a suppressed period is marked on the axis, not plotted. */
export function trendSvg(answer) {
  const ps = answer.periods;
  const shown = ps.filter((p) => p.value != null);
  if (shown.length === 0) return '<p class="hint">No published value in any period.</p>';
  const { sx, sy, axes } = frame(ps.map((p) => p.period), Math.min(...shown.map((p) => p.lower95 ?? p.value)),
    Math.max(...shown.map((p) => p.upper95 ?? p.value)));
  const marks = ps.map((p, i) => {
    if (p.value == null) {
      return `<text class="hidden-period" x="${sx(i).toFixed(1)}" y="${H - B - 4}" text-anchor="middle" fill="#7a3d00">×<title>${escapeHtml(`${p.period}: ${p.suppressed ? 'suppressed' : 'no value'}`)}</title></text>`;
    }
    const whisker = p.lower95 != null && p.upper95 != null
      ? `<line x1="${sx(i).toFixed(1)}" x2="${sx(i).toFixed(1)}" y1="${sy(p.lower95).toFixed(1)}" y2="${sy(p.upper95).toFixed(1)}" stroke="#003087"/>` : '';
    return `${whisker}<circle cx="${sx(i).toFixed(1)}" cy="${sy(p.value).toFixed(1)}" r="3" fill="#003087" data-period="${escapeHtml(p.period)}">` +
      `<title>${escapeHtml(`${p.period}: ${fmtValue(p.value)} (95% CI ${fmtInterval(p.lower95, p.upper95)})`)}</title></circle>`;
  }).join('');
  return `<svg class="trend-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Value and 95% interval in ${shown.length} of ${ps.length} periods">${axes}${marks}</svg>`;
}

/** The control chart: the published values joined, centre line, control limits (dashed), special causes coloured. */
export function spcSvg(answer) {
  const chart = answer.chart;
  if (!chart) return '';
  const ps = answer.periods.map((p) => p.period);
  const at = new Map(chart.points.map((p) => [p.period, p]));
  const pts = chart.points;
  const { sx, sy, axes } = frame(ps, Math.min(...pts.map((p) => Math.min(p.value, p.lowerLimit))), Math.max(...pts.map((p) => Math.max(p.value, p.upperLimit))));
  const xs = (p) => sx(ps.indexOf(p.period)).toFixed(1);
  const line = (key, extra) => `<polyline points="${pts.map((p) => `${xs(p)},${sy(p[key]).toFixed(1)}`).join(' ')}" fill="none" ${extra}/>`;
  const dots = ps.map((period) => {
    const p = at.get(period);
    if (!p) return '';
    const v = VARIATION[p.variation] ?? VARIATION['common-cause'];
    const special = p.variation !== 'common-cause';
    return `<circle class="spc-point${special ? ' special' : ''}" cx="${xs(p)}" cy="${sy(p.value).toFixed(1)}" r="${special ? 4.5 : 3}" fill="${v.colour}" ` +
      `stroke="#222" stroke-width="0.5" data-period="${escapeHtml(p.period)}" data-variation="${escapeHtml(p.variation)}" data-rules="${escapeHtml(p.rules.join(' '))}">` +
      `<title>${escapeHtml(`${p.period}: ${fmtValue(p.value)}${p.explanation.length ? ` – ${p.explanation.join('; ')}` : ''}`)}</title></circle>`;
  }).join('');
  return `<svg class="spc-chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(answer.chartType)} control chart of ${pts.length} periods">${axes}` +
    line('upperLimit', 'stroke="#555" stroke-dasharray="4,3"') + line('lowerLimit', 'stroke="#555" stroke-dasharray="4,3"') +
    line('centre', 'stroke="#000"') + line('value', 'stroke="#8aa0c8" stroke-width="1.2"') + dots + '</svg>';
}

/**
 * The trend section: marker, the two charts and the special causes in words, or why there are none; for a p- or u-chart, a
 * switch to Laney's p′/u′ (`laney`: { on, onChange }), whose limits allow for the points' spread beyond chance.
 */
export function renderTrend(answer, error, laney = null) {
  const box = $('trend');
  if (!answer) {
    box.innerHTML = `<p class="hint">No trend: ${escapeHtml(error ?? 'not available')}</p>`;
    return;
  }
  const chartName = { xmr: 'XmR chart', p: 'p-chart', u: 'u-chart', pprime: 'Laney p′-chart', uprime: 'Laney u′-chart' }[answer.chartType] ?? answer.chartType;
  const specials = (answer.chart?.points ?? []).filter((p) => p.variation !== 'common-cause');
  const causes = specials.length === 0
    ? '<p class="hint" id="spc-causes">Common-cause variation only: no special cause.</p>'
    : `<ul id="spc-causes" class="spc-causes">${specials.map((p) =>
      `<li data-period="${escapeHtml(p.period)}"><span class="swatch" data-colour="${VARIATION[p.variation]?.colour ?? ''}"></span>` +
      `<strong>${escapeHtml(p.period)}</strong> ${fmtValue(p.value)}: ${escapeHtml(p.explanation.join('; '))} ` +
      `(${escapeHtml(VARIATION[p.variation]?.words ?? p.variation)})</li>`).join('')}</ul>`;
  const last = answer.chart ? VARIATION[answer.chart.variation]?.words : null;
  box.innerHTML =
    `<p id="trend-marker" data-direction="${escapeHtml(answer.marker.direction)}"><strong>Recent trend:</strong> ${escapeHtml(answer.marker.words)}.</p>` +
    trendSvg(answer) +
    '<p class="hint">Value with 95% confidence interval per year; × marks a suppressed year (no value is shown or used). Each point is a period as the indicator is published.</p>' +
    `<h4 id="spc-title">${escapeHtml(chartName)}${last ? ` <small>latest: ${escapeHtml(last)}</small>` : ''}</h4>` +
    (laney ? `<label class="spc-laney"><input type="checkbox" id="spc-laney" ${laney.on ? 'checked' : ''}> Laney's ${answer.chartType.startsWith('p') ? 'p′' : 'u′'}: ` +
      'limits allowing for more (or less) spread between periods than chance</label>' : '') +
    spcSvg(answer) + causes +
    `<p class="hint">${escapeHtml(answer.chartMethod)}${answer.chartNote ? ` ${escapeHtml(answer.chartNote)}` : ''}</p>`;
  // colours through the DOM, not inline style attributes, which the viewer's Content-Security-Policy refuses
  box.querySelectorAll('.swatch[data-colour]').forEach((s) => { s.style.background = s.dataset.colour; });
  $('spc-laney')?.addEventListener('change', (e) => laney.onChange(e.target.checked));
}
