// The side panel: breadcrumb, the focused area's figures, its children (bars, funnel), hotspots,
// export links and the comparison of 2 to 4 areas.
import { childrenUrl, hotspotsUrl } from './api.js';
import { barsHtml, compareSvg, decileSvg, funnelSvg } from './charts.js';
import { coverageWords, escapeHtml, fmtCount, fmtInterval, fmtRatio, fmtValue, funnelWords, problemWords, reason } from './format.js';

const $ = (id) => document.getElementById(id);

const JUDGED = { better: 'significantly better', worse: 'significantly worse', similar: 'similar', higher: 'significantly higher', lower: 'significantly lower' };
const judged = (x) => (x ? JUDGED[x] ?? x : '–');

export function renderBreadcrumb(area, onGo) {
  const chain = [...area.ancestors].reverse().concat([{ code: area.code, name: area.name, level: area.level }]);
  $('breadcrumb').innerHTML = '<ol>' + chain.map((a, i) => i === chain.length - 1
    ? `<li aria-current="page">${escapeHtml(a.name)}</li>`
    : `<li><a href="#" data-code="${escapeHtml(a.code)}" data-level="${a.level}">${escapeHtml(a.name)}</a></li>`).join('') + '</ol>' +
    (area.parent ? '<button type="button" id="up" class="up">↑ Up a level</button>' : '');
  $('breadcrumb').querySelectorAll('a[data-code]').forEach((a) => a.addEventListener('click', (e) => { e.preventDefault(); onGo(a.dataset.code, a.dataset.level); }));
  $('up')?.addEventListener('click', () => onGo(area.parent.code, area.parent.level));
}

const NOUNS = { system: 'systems', icp: 'partnerships', place: 'places', neighbourhood: 'neighbourhoods' };

export function renderSummary(row, indicator, { canCompare, onCompare, selectedChild, children = [], childLevel = null, pool = 1 }) {
  const dl = [
    ['value', indicator.unit ? `Value (${indicator.unit})` : 'Value', fmtValue(row.value)],
    ['ci95', '95% confidence interval', fmtInterval(row.lower95, row.upper95)],
    ['ci998', '99.8% confidence interval', fmtInterval(row.lower998, row.upper998)],
    ['count', 'Count', fmtCount(row.count)],
    ['denominator', 'Denominator', fmtCount(row.denominator)],
    ['vs_parent', 'Compared with parent', judged(row.vs_parent)],
    ['vs_england', 'Compared with England', judged(row.vs_england)],
    ['rank', 'Rank among siblings', row.rank ?? '–'],
    ['excess', 'Excess (observed − expected)', fmtValue(row.excess)],
    // the country has no parent to be funnelled around
    ['funnel', 'Funnel plot', row.value == null || !row.parent ? '–' : funnelWords(row.funnel)],
  ];
  const covered = coverageWords(row, children, NOUNS[childLevel] ?? 'areas');
  if (covered) dl.push(['coverage', 'Coverage', covered]);
  const why = reason(row);
  $('summary').innerHTML =
    `<h2 id="focus-name" data-code="${escapeHtml(row.code)}">${escapeHtml(row.name)}</h2>` +
    `<p class="meta">${escapeHtml(row.code)} · ${row.level}${selectedChild ? ' (selected)' : ''} · ${escapeHtml(row.period)}` +
    `${pool > 1 ? ` <span class="pooled">(pooled over ${pool} years)</span>` : ''}</p>` +
    (why ? `<p class="why" data-field="note">${escapeHtml(why)}</p>` : '') +
    '<dl class="figures">' + dl.map(([k, label, v]) => `<dt>${escapeHtml(label)}</dt><dd data-field="${k}">${escapeHtml(String(v))}</dd>`).join('') + '</dl>' +
    `<button type="button" id="add-compare" ${canCompare ? '' : 'disabled'}>Add to comparison</button>`;
  $('add-compare').addEventListener('click', () => onCompare(row.code));
}

/** `funnel`: England's value (the limits' centre) and whether the plot's size is expected events (not the denominator). */
export function renderChildren(rows, areaRow, childLevel, colourOf, onChild, links, funnel) {
  const title = { system: 'Systems', icp: 'Integrated care partnerships', place: 'Places', neighbourhood: 'Neighbourhoods' }[childLevel] ?? 'Areas';
  $('children-title').textContent = `${title} in ${areaRow.name}, ranked`;
  $('children-chart').innerHTML = barsHtml(rows, areaRow.value, colourOf);
  $('children-chart').querySelectorAll('button.child').forEach((b) => b.addEventListener('click', () => onChild(b.dataset.code)));
  $('funnel-chart').innerHTML = funnelSvg(rows, funnel.england, funnel.byExpected);
  $('children-exports').innerHTML = 'Export these rows: ' +
    `<a id="export-children-csv" href="${links.csv}" download>CSV</a> · <a id="export-children-geojson" href="${links.geojson}" download>GeoJSON</a>`;
}

export function exportLinks(ind, code, period, pool, funnel) {
  return { csv: childrenUrl(ind, code, period, '.csv', pool, funnel), geojson: childrenUrl(ind, code, period, '.geojson', pool, funnel) };
}

/** Says when the list's funnel positions allow for overdispersion, so they may differ from the panel's plain ones. */
function overdispersionNote(funnel, rows) {
  if (!funnel || funnel.adjustment === 'poisson' || rows.length === 0) return '';
  const how = funnel.adjustment === 'phi' ? 'limits widened by the overdispersion factor' : 'random-effects limits';
  const phi = Number(funnel.phi).toFixed(2);
  return `<li class="hint" data-field="hotspots-funnel">Funnel positions here use ${how}: these neighbourhoods vary ` +
    `${phi} times as much as chance alone would make them, so fewer stand out than by exact limits.</li>`;
}

export function renderHotspots(answer, { ind, code, period, by, top, pool }, onHover, onOpen) {
  const list = $('hotspots');
  const rows = answer.rows ?? [];
  list.innerHTML = rows.length === 0
    ? `<li class="hint" data-field="hotspots-reason">${escapeHtml(answer.reason ?? 'No neighbourhood qualifies.')}</li>` : rows.map((r) =>
      `<li><button type="button" class="hotspot" data-code="${escapeHtml(r.code)}">` +
      `<span class="name">${escapeHtml(r.name)}</span> <span class="num">${fmtValue(r.value)}</span>` +
      `<span class="sub">95% CI ${fmtInterval(r.lower95, r.upper95)}${r.excess != null ? ` · excess ${fmtValue(r.excess)}` : ''}` +
      `${r.funnel ? ` · ${escapeHtml(funnelWords(r.funnel))}` : ''}</span></button></li>`).join('') + overdispersionNote(answer.funnel, rows);
  list.querySelectorAll('button.hotspot').forEach((b) => {
    const row = rows.find((r) => r.code === b.dataset.code);
    b.addEventListener('mouseenter', () => onHover(row.code));
    b.addEventListener('focus', () => onHover(row.code));
    b.addEventListener('mouseleave', () => onHover(null));
    b.addEventListener('blur', () => onHover(null));
    b.addEventListener('click', () => onOpen(row));
  });
  $('hotspot-exports').hidden = !!answer.failed;
  $('hotspot-exports').innerHTML = `Export this list: <a id="export-hotspots-csv" href="${hotspotsUrl(ind, code, period, by, top, '.csv', pool)}" download>CSV</a> · ` +
    `<a id="export-hotspots-geojson" href="${hotspotsUrl(ind, code, period, by, top, '.geojson', pool)}" download>GeoJSON</a>`;
}

export function renderCompare(codes, answer, onRemove) {
  const box = $('compare');
  if (codes.length === 0) { box.innerHTML = ''; return; }
  const names = new Map((answer?.areas ?? []).map((r) => [r.code, r.name]));
  const chips = '<ul class="chips">' + codes.map((c) =>
    `<li>${escapeHtml(names.get(c) ?? c)} <button type="button" class="remove" data-code="${escapeHtml(c)}" aria-label="Remove ${escapeHtml(names.get(c) ?? c)} from comparison">×</button></li>`).join('') + '</ul>';
  let body = '';
  if (answer) {
    body += compareSvg(answer.areas);
    body += '<table class="compare-table"><thead><tr><th>Area</th><th>Value</th><th>95% CI</th></tr></thead><tbody>' +
      answer.areas.map((r) => `<tr data-code="${escapeHtml(r.code)}"><td>${escapeHtml(r.name)}</td><td>${r.suppressed ? 'suppressed' : fmtValue(r.value)}</td><td>${fmtInterval(r.lower95, r.upper95)}</td></tr>`).join('') +
      '</tbody></table><ul class="pairs">' + answer.pairs.map((p) => {
        const text = p.status === 'compared'
          ? (p.significant998 ? 'significantly different (99.8%)' : p.significant95 ? 'significantly different (95%)' : 'not significantly different')
          : `${p.status}${p.reason ? ': ' + p.reason : ''}`;
        return `<li data-pair="${escapeHtml(p.a)}|${escapeHtml(p.b)}">${escapeHtml(names.get(p.a) ?? p.a)} vs ${escapeHtml(names.get(p.b) ?? p.b)}: <strong>${escapeHtml(text)}</strong>` +
          (p.difference != null ? ` (difference ${fmtValue(p.difference)})` : '') + '</li>';
      }).join('') + '</ul>';
  } else {
    body = '<p class="hint">Add at least one more area.</p>';
  }
  box.innerHTML = chips + body;
  box.querySelectorAll('button.remove').forEach((b) => b.addEventListener('click', () => onRemove(b.dataset.code)));
}

export function renderLegend(entries, counts, title, note = null) {
  $('legend').innerHTML = `<strong>${escapeHtml(title)}</strong><ul>` + entries.map((e) =>
    `<li data-key="${escapeHtml(e.key)}" data-colour="${e.colour}"><span class="swatch${e.hatch ? ' hatch' : ''}"></span>${escapeHtml(e.label)}` +
    `${counts.has(e.key) ? ` <span class="n">(${counts.get(e.key)})</span>` : ''}</li>`).join('') + '</ul>' +
    (note ? `<p class="hint">${escapeHtml(note)}</p>` : '');
  // Colours set through the DOM, not a style attribute: the Content-Security-Policy allows no inline styles.
  $('legend').querySelectorAll('li[data-colour] .swatch').forEach((swatch) => {
    swatch.style.backgroundColor = swatch.parentElement.dataset.colour;
  });
}

const pct = (x) => (x == null ? '–' : `${(x * 100).toFixed(1)}%`);

/** The gap's words, as the comparison says them: significance at 99.8%, then 95%. */
function gapText(gap) {
  if (gap.status !== 'compared') return `not compared${gap.reason ? `: ${gap.reason}` : ''}`;
  const direction = gap.difference > 0 ? 'higher' : 'lower';
  return gap.significant998 ? `significantly ${direction} (99.8%)` : gap.significant95 ? `significantly ${direction} (95%)` : 'not significantly different';
}

/** Core20 against the rest and the deprivation gradient (SII, RII) of the area drawn. */
export function renderInequality(area, answer, error) {
  const box = $('inequality');
  $('inequality-title').textContent = `Inequality within ${area.name}`;
  if (!answer) {
    box.innerHTML = `<p class="why" data-field="unavailable">Not available for this indicator here. ${escapeHtml(error ?? problemWords(null))}</p>`;
    return;
  }
  const { core20, rest, gap, slope } = answer;
  const row = (key, label, f) => `<tr data-row="${key}"><th scope="row">${escapeHtml(label)}</th><td data-group="core20">${f(core20)}</td><td data-group="rest">${f(rest)}</td></tr>`;
  const table = '<table class="core20"><thead><tr><th></th><th scope="col">Core20</th><th scope="col">Rest</th></tr></thead><tbody>' +
    row('neighbourhoods', 'Neighbourhoods', (g) => fmtCount(g.neighbourhoods)) +
    row('population', 'Share of population', (g) => pct(g.populationShare)) +
    row('events', 'Share of events', (g) => pct(g.eventShare)) +
    // at the country the share is withheld whenever any neighbourhood is suppressed, i.e. always: the row would say nothing
    (area.level === 'country' ? '' : row('excess', 'Share of positive excess', (g) => pct(g.positiveExcessShare))) +
    row('value', 'Value', (g) => fmtValue(g.value)) +
    row('ci95', '95% CI', (g) => fmtInterval(g.lower95, g.upper95)) +
    '</tbody></table>';
  const gapLine = `<p data-field="gap">Core20 − rest: <strong>${gap.difference != null ? fmtValue(gap.difference) : '–'}</strong>, ${escapeHtml(gapText(gap))}</p>`;
  // each note once, split at '; ' (one group's note may repeat the other's), the excess share's not at the country
  const notes = [core20.note, rest.note].filter(Boolean).flatMap((n) => n.split('; '))
    .filter((n) => area.level !== 'country' || !/positive excess share/.test(n))
    .map((n) => n[0].toUpperCase() + n.slice(1) + (/[.]$/.test(n) ? '' : '.'));
  const slopeText = slope
    ? `<p data-field="sii">SII <strong>${fmtValue(slope.sii)}</strong> (95% CI ${fmtInterval(slope.siiLower95, slope.siiUpper95)})</p>` +
      `<p data-field="rii">RII <strong>${fmtRatio(slope.rii)}</strong> (95% CI ${fmtRatio(slope.riiLower95)} – ${fmtRatio(slope.riiUpper95)})</p>` +
      `<p class="hint">${escapeHtml(slope.convention)}; RII: fitted least deprived end ÷ most deprived end. Limits: ${escapeHtml(slope.method)}.</p>`
    : '';
  box.innerHTML = '<p class="hint">Core20: neighbourhoods in national IMD deciles 1–2.</p>' + table + gapLine +
    [...new Set(notes)].map((n) => `<p class="why">${escapeHtml(n)}</p>`).join('') +
    decileSvg(answer.deciles, slope) + slopeText +
    (answer.slopeNote ? `<p class="why">${escapeHtml(answer.slopeNote)}</p>` : '') +
    (answer.withoutDecile ? `<p class="hint">${fmtCount(answer.withoutDecile)} neighbourhoods have no decile and are in neither group.</p>` : '');
}

const LIST_TOP = 12;

/**
 * The catchments touching the area: a short list of providers (most neighbourhoods inside first) to choose
 * from, and the chosen one's size, overlaps and indicator row (value with interval, or why it is suppressed).
 */
export function renderCatchments(area, list, chosen, onPick) {
  $('catchments-section').hidden = false;
  $('catchments-title').textContent = `Catchments touching ${area.name}`;
  $('catchments-description').textContent = `${list.providers ?? 'Providers'}: ${list.description}` +
    (list.synthetic ? ' (synthetic).' : '.');
  const rows = list.catchments;
  const shown = rows.slice(0, LIST_TOP);
  if (chosen && !shown.some((r) => r.provider === chosen)) {
    const extra = rows.find((r) => r.provider === chosen);
    if (extra) shown.push(extra);
  }
  $('catchment-list').innerHTML = (rows.length === 0 ? '<li class="hint">No catchment reaches this area.</li>' : shown.map((r) =>
    `<li><button type="button" class="hotspot catchment${r.provider === chosen ? ' selected' : ''}" data-provider="${escapeHtml(r.provider)}" aria-pressed="${r.provider === chosen}">` +
    `<span class="name">${escapeHtml(r.name)}</span> <span class="num">${fmtCount(r.inArea)} in area</span>` +
    `<span class="sub">${escapeHtml(r.provider)} · ${fmtCount(r.neighbourhoods)} neighbourhoods · population ${fmtCount(r.population)}</span></button></li>`).join('')) +
    (rows.length > shown.length ? `<li class="hint">and ${rows.length - shown.length} more: click an outline on the map.</li>` : '');
  $('catchment-list').querySelectorAll('button.catchment').forEach((b) => b.addEventListener('click', () => onPick(b.dataset.provider)));
}

export function hideCatchments() {
  $('catchments-section').hidden = true;
  $('catchment-detail').innerHTML = '';
  $('catchment-list').innerHTML = '';
}

/** One catchment (GET /api/catchments/{provider}) and its indicator row, or the error that came instead. */
export function renderCatchmentDetail(item, detail, indicator, answer, error) {
  const box = $('catchment-detail');
  if (!detail) {
    box.innerHTML = '<p class="hint">Choose a provider below, or click a catchment outline on the map.</p>';
    return;
  }
  const row = answer?.row;
  const why = row ? reason(row) : null;
  const overlaps = detail.overlaps.length === 0 ? 'none'
    : detail.overlaps.slice(0, 5).map((o) => `${o.name} (${fmtCount(o.sharedNeighbourhoods)} shared)`).join('; ') +
      (detail.overlaps.length > 5 ? `; and ${detail.overlaps.length - 5} more` : '');
  const dl = [
    ['neighbourhoods', 'Neighbourhoods', fmtCount(detail.members.length) + (item ? ` (${fmtCount(item.inArea)} in the area)` : '')],
    ['population', 'Population (weighted)', fmtCount(detail.population)],
    ['registered', `Registered (${detail.counts ?? 'flow'})`, fmtCount(detail.registered)],
    ['overlaps', 'Overlaps', overlaps],
    ['value', `${indicator.name} (${indicator.unit})`, row ? fmtValue(row.value) : '–'],
    ['ci95', '95% confidence interval', row ? fmtInterval(row.lower95, row.upper95) : '–'],
    ['vs_england', 'Compared with England', row ? judged(row.vs_england) : '–'],
  ];
  box.innerHTML = `<h4 id="catchment-name" data-provider="${escapeHtml(detail.provider)}">${escapeHtml(detail.name)}</h4>` +
    `<p class="meta">${escapeHtml(detail.provider)} · ${escapeHtml(detail.method)}${row ? ` · ${escapeHtml(row.period)}` : ''}</p>` +
    '<dl class="figures">' + dl.map(([k, label, v]) => `<dt>${escapeHtml(label)}</dt><dd data-field="${k}">${escapeHtml(String(v))}</dd>`).join('') + '</dl>' +
    (why ? `<p class="why" data-field="catchment-note">${escapeHtml(why)}</p>` : '') +
    (error ? `<p class="why" data-field="catchment-note">No indicator for this catchment: ${escapeHtml(error)}</p>` : '');
}
