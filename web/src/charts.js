// Plain SVG charts: children ranked as bars with 95% interval whiskers, a funnel plot, the areas compared,
// and the value of each deprivation decile with the SII's fitted line.
import { escapeHtml, fmtInterval, fmtValue, fmtCount, funnelWords, reason } from './format.js';

/** The share of the population behind a value, when it is not all of it: '53%'; '' otherwise. */
const partial = (r) => (r.coverage != null && r.coverage < 1 && r.value != null ? `${Math.round(r.coverage * 100)}%` : '');

/** One row per child, ranked by value; each row is a button that drills into (or selects) the child. */
export function barsHtml(rows, benchmark, colourOf) {
  const shown = rows.filter((r) => r.value != null).sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
  const hidden = rows.filter((r) => r.value == null);
  const max = Math.max(1e-9, ...shown.map((r) => r.upper95 ?? r.value), benchmark ?? 0);
  const w = 150, h = 14;
  const x = (v) => (v / max) * w;
  const bar = (r) => {
    const whisker = r.lower95 != null && r.upper95 != null
      ? `<line x1="${x(r.lower95)}" x2="${x(r.upper95)}" y1="${h / 2}" y2="${h / 2}" stroke="#000" stroke-width="1.2"/>` +
        `<line x1="${x(r.lower95)}" x2="${x(r.lower95)}" y1="3" y2="${h - 3}" stroke="#000"/>` +
        `<line x1="${x(r.upper95)}" x2="${x(r.upper95)}" y1="3" y2="${h - 3}" stroke="#000"/>`
      : '';
    const ref = benchmark != null ? `<line x1="${x(benchmark)}" x2="${x(benchmark)}" y1="0" y2="${h}" stroke="#444" stroke-dasharray="2,2"/>` : '';
    return `<svg class="bar" width="${w}" height="${h}" aria-hidden="true"><rect x="0" y="2" width="${x(r.value)}" height="${h - 4}" fill="${colourOf(r)}" stroke="#666" stroke-width="0.5"/>${whisker}${ref}</svg>`;
  };
  const item = (r, i) =>
    `<li><button type="button" class="child" data-code="${escapeHtml(r.code)}" title="${escapeHtml(`${r.name}: ${fmtValue(r.value)} (95% CI ${fmtInterval(r.lower95, r.upper95)})${partial(r) ? `, based on ${partial(r)} of its population` : ''}`)}">` +
    `<span class="rank">${i + 1}</span><span class="name">${escapeHtml(r.name)}</span>${bar(r)}<span class="num">${fmtValue(r.value)}</span>` +
    (partial(r) ? `<span class="cov" title="share of the population behind the value">${partial(r)}</span>` : '') + '</button></li>';
  const gone = (r) =>
    `<li><button type="button" class="child muted" data-code="${escapeHtml(r.code)}" title="${escapeHtml(reason(r))}">` +
    `<span class="rank">–</span><span class="name">${escapeHtml(r.name)}</span><span class="why">${r.suppressed ? 'suppressed' : r.coverage === 0 ? 'no data' : 'no value'}</span></button></li>`;
  return `<ol class="bars">${shown.map(item).join('')}${hidden.map(gone).join('')}</ol>` +
    (benchmark != null ? `<p class="hint">Dashed line: the selected area's value (${fmtValue(benchmark)}). Whiskers: 95% confidence interval.</p>` : '');
}

const FUNNEL_COLOURS = { above998: '#D55E00', above95: '#E69F00', within: '#999999', below95: '#56B4E9', below998: '#0072B2' };

/**
 * Value against size, with the 95% and 99.8% control limits around England's value (`england`), where each row's limits
 * are computed (docs/methods.md, "Funnel limits per area"): proportions by their denominator; rates, DSRs and ISRs by
 * their expected events, on which their limits depend (against the population, a DSR's limits zigzag with age structure).
 */
export function funnelSvg(rows, england, byExpected) {
  const size = byExpected ? (r) => r.expected : (r) => r.denominator;
  // placed as the limits are: by observed / expected events × England's value (a DSR's own value can differ)
  const placed = byExpected && england != null ? (r) => (r.count / r.expected) * england : (r) => r.value;
  const pts = rows.filter((r) => r.value != null && size(r) > 0 && (!byExpected || r.count != null));
  const limits = rows.filter((r) => r.funnel != null && size(r) > 0 && r.funnel_upper95 != null).sort((a, b) => size(a) - size(b));
  if (pts.length === 0) return '<p class="hint">No values to plot.</p>';
  const W = 320, H = 200, L = 44, B = 28, T = 8, R = 8;
  const maxX = Math.max(...rows.map((r) => size(r) ?? 0)) * 1.05;
  const ys = [...pts.map(placed), ...limits.map((r) => r.funnel_upper998 ?? r.funnel_upper95)];
  const maxY = Math.max(...ys, england ?? 0) * 1.05 || 1;
  const minY = Math.min(0, ...pts.map(placed));
  const sx = (v) => L + (v / maxX) * (W - L - R);
  const sy = (v) => T + (1 - (v - minY) / (maxY - minY)) * (H - T - B);
  const path = (key) => {
    const p = limits.filter((r) => r[key] != null).map((r) => `${sx(size(r)).toFixed(1)},${sy(r[key]).toFixed(1)}`);
    return p.length > 1 ? `<polyline points="${p.join(' ')}" fill="none" stroke="#555" stroke-width="1" ${key.includes('998') ? '' : 'stroke-dasharray="4,3"'}/>` : '';
  };
  const dots = pts.map((r) =>
    `<circle cx="${sx(size(r)).toFixed(1)}" cy="${sy(placed(r)).toFixed(1)}" r="3.5" fill="${FUNNEL_COLOURS[r.funnel] ?? '#999'}" stroke="#222" stroke-width="0.5" data-code="${escapeHtml(r.code)}">` +
    `<title>${escapeHtml(`${r.name}: ${fmtValue(r.value)}, ${byExpected ? 'expected events' : 'denominator'} ${fmtCount(size(r))}, ${funnelWords(r.funnel)}`)}</title></circle>`).join('');
  const ref = england != null ? `<line x1="${L}" x2="${W - R}" y1="${sy(england)}" y2="${sy(england)}" stroke="#000" data-field="funnel-centre"/>` : '';
  const axes = `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${W - R}" y1="${H - B}" y2="${H - B}" stroke="#000"/>` +
    `<text x="${L - 4}" y="${T + 8}" text-anchor="end">${fmtValue(maxY)}</text><text x="${L - 4}" y="${H - B}" text-anchor="end">${fmtValue(minY)}</text>` +
    `<text x="${W - R}" y="${H - 8}" text-anchor="end">${byExpected ? 'expected events' : 'denominator'} ${fmtCount(maxX)}</text><text x="${L}" y="${H - 8}">0</text>`;
  return `<svg class="funnel" viewBox="0 0 ${W} ${H}" role="img" aria-label="Funnel plot of ${pts.length} areas">${axes}` +
    `${path('funnel_upper95')}${path('funnel_lower95')}${path('funnel_upper998')}${path('funnel_lower998')}${ref}${dots}</svg>` +
    `<p class="hint">${byExpected ? 'Each area at observed ÷ expected events × England\'s value, as its limits are. ' : ''}Solid line: England's value${england != null ? ` (${fmtValue(england)})` : ''}, the limits' centre; dashed curves: 95% limits; solid curves: 99.8% limits. Orange/red: above, blue: below.</p>`;
}

/** Areas side by side on one scale with their 95% intervals. */
export function compareSvg(rows) {
  const vals = rows.flatMap((r) => [r.lower95, r.upper95, r.value]).filter((v) => v != null);
  if (vals.length === 0) return '';
  const W = 320, rowH = 22, L = 8, R = 8;
  const lo = Math.min(0, ...vals), hi = Math.max(...vals) * 1.05;
  const sx = (v) => L + ((v - lo) / (hi - lo)) * (W - L - R);
  const body = rows.map((r, i) => {
    const y = i * rowH + rowH / 2;
    if (r.value == null) return `<text x="${L}" y="${y + 4}">${escapeHtml(r.name)}: ${r.suppressed ? 'suppressed' : 'no value'}</text>`;
    return `<line x1="${sx(r.lower95)}" x2="${sx(r.upper95)}" y1="${y}" y2="${y}" stroke="#000" stroke-width="1.5"/>` +
      `<circle cx="${sx(r.value)}" cy="${y}" r="4" fill="#0072B2"><title>${escapeHtml(`${r.name}: ${fmtValue(r.value)} (${fmtInterval(r.lower95, r.upper95)})`)}</title></circle>`;
  }).join('');
  return `<svg class="compare-chart" viewBox="0 0 ${W} ${rows.length * rowH}" role="img" aria-label="Compared values with 95% intervals">${body}</svg>`;
}

/**
 * Deciles 1 (most deprived) to 10 as bars as wide as their share of the population, so that the x axis is
 * the cumulative population rank on which the SII is fitted; 95% whiskers; the fitted line
 * intercept + SII × rank over the deciles that entered it. Always ten bars: a decile with no
 * neighbourhoods in the area has no width, one without a value no height.
 */
export function decileSvg(deciles, slope) {
  const W = 320, H = 190, L = 44, B = 34, T = 8, R = 8;
  const byDecile = new Map(deciles.map((d) => [d.decile, d]));
  const total = deciles.reduce((s, d) => s + d.population, 0) || 1;
  const inSlope = deciles.filter((d) => d.inSlope);
  const slopeTotal = inSlope.reduce((s, d) => s + d.population, 0) || 1;
  const fitted = (rank) => slope.intercept + slope.sii * rank;
  const ys = deciles.flatMap((d) => [d.value, d.upper95]).filter((v) => v != null);
  if (slope) ys.push(fitted(0), fitted(1));
  const maxY = Math.max(1e-9, ...ys) * 1.05;
  const minY = Math.min(0, ...ys);
  const sx = (share) => L + share * (W - L - R);
  const sy = (v) => T + (1 - (v - minY) / (maxY - minY)) * (H - T - B);
  let cum = 0, slopeCum = 0, bars = '', line = '';
  for (let decile = 1; decile <= 10; decile++) {
    const d = byDecile.get(decile);
    const share = d ? d.population / total : 0;
    const x0 = sx(cum), x1 = sx(cum + share), mid = (x0 + x1) / 2;
    cum += share;
    const title = !d ? `Decile ${decile}: no neighbourhoods here`
      : `Decile ${decile}: ${d.value != null ? `${fmtValue(d.value)} (95% CI ${fmtInterval(d.lower95, d.upper95)})` : d.note ?? 'no value'}, population ${fmtCount(d.population)}, ${d.neighbourhoods} neighbourhoods`;
    const value = d?.value;
    const bar = value != null
      ? `<rect x="${(x0 + 0.5).toFixed(1)}" y="${sy(Math.max(value, 0)).toFixed(1)}" width="${Math.max(0, x1 - x0 - 1).toFixed(1)}" height="${Math.abs(sy(value) - sy(0)).toFixed(1)}" fill="${decile <= 2 ? '#D55E00' : '#8aa3c2'}"/>`
      : '';
    const whisker = d && d.lower95 != null && d.upper95 != null
      ? `<line x1="${mid.toFixed(1)}" x2="${mid.toFixed(1)}" y1="${sy(d.lower95).toFixed(1)}" y2="${sy(d.upper95).toFixed(1)}" stroke="#000"/>` : '';
    const label = x1 - x0 > 9 ? `<text x="${mid.toFixed(1)}" y="${H - B + 11}" text-anchor="middle">${decile}</text>` : '';
    bars += `<g class="decile" data-decile="${decile}" data-value="${value ?? ''}"><title>${escapeHtml(title)}</title>${bar}${whisker}${label}</g>`;
    if (slope && d?.inSlope) {
      // this decile's slice of the rank on which the line was fitted
      const r0 = slopeCum / slopeTotal, r1 = (slopeCum + d.population) / slopeTotal;
      slopeCum += d.population;
      line += `<line x1="${x0.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${sy(fitted(r0)).toFixed(1)}" y2="${sy(fitted(r1)).toFixed(1)}"/>`;
    }
  }
  const axes = `<line x1="${L}" x2="${L}" y1="${T}" y2="${H - B}" stroke="#000"/><line x1="${L}" x2="${W - R}" y1="${sy(0)}" y2="${sy(0)}" stroke="#000"/>` +
    `<text x="${L - 4}" y="${T + 8}" text-anchor="end">${fmtValue(maxY)}</text><text x="${L - 4}" y="${H - B}" text-anchor="end">${fmtValue(minY)}</text>` +
    `<text x="${L}" y="${H - 6}">← most deprived</text><text x="${W - R}" y="${H - 6}" text-anchor="end">least deprived →</text>`;
  const fit = line ? `<g class="sii-line" stroke="#000" stroke-width="2" stroke-dasharray="5,3">${line}</g>` : '';
  return `<svg class="deciles" viewBox="0 0 ${W} ${H}" role="img" aria-label="Value by national IMD decile, 1 most deprived to 10 least, with 95% intervals${slope ? ' and the SII line' : ''}">` +
    `${axes}${bars}${fit}</svg>` +
    '<p class="hint">Bars: value of each national IMD decile (Core20 = deciles 1–2, orange), as wide as its share of the population; whiskers: 95% CI; dashed: the SII\'s fitted line.</p>';
}
