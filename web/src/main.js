// Geo's map viewer: systems coloured by an indicator (or their neighbourhoods by hotspot class); click
// down through ICPs and places to neighbourhoods; the panel ranks the children, plots their funnel, shows
// Core20 against the rest and the deprivation gradient, lists hotspots and compares areas; on request it outlines
// the catchments of the providers (GP practices) reaching the area, and shows the one chosen; beside a second indicator,
// the children are coloured by thirds of both, with their rank correlation and a scatter plot (bivariate.js).
import { api, getJson } from './api.js';
import {
  classify, clusterClass, clusterLegend, colouringFits, defaultColouring, isClustering, legendEntries, quintileBreaks,
} from './colour.js';
import { escapeHtml, fmtCount, fmtInterval, fmtValue, problemWords, reason } from './format.js';
import {
  LEVELS, catchmentAt, catchmentPointOf, childrenDrawn, createMap, drawCatchments, drawChildren, drawClusters, markCatchment, markHotspot,
  markHover, markSelected, outlineArea, pagePointOf,
} from './map.js';
import {
  exportLinks, hideCatchments, renderBreadcrumb, renderCatchmentDetail, renderCatchments, renderChildren, renderCompare, renderHotspots,
  renderInequality, renderLegend, renderSummary,
} from './panel.js';
import { setupSearch } from './search.js';
import { fillIndicators as fillSegmentIndicators, segmentArea, setupSegments } from './segment.js';
import { setupUpload } from './upload.js';
import { laneyChart, renderTrend } from './trend.js';
import { renderFunnelChoice } from './funnelchoice.js';
import {
  bivariateClassifier, bivariateUrl, canColour, fillSecondIndicator, renderBivariate, renderBivariateLegend,
} from './bivariate.js';
import { renderQualityOf } from './quality.js';
import { renderPyramidOf } from './pyramid.js';
import { go, readState } from './state.js';

const $ = (id) => document.getElementById(id);
const HOTSPOTS_TOP = 10;

// What the browser tests and the benchmark read: the view drawn last, and timings in ms.
const hook = (window.geoViewer = { view: null, firstColouredMs: null, drills: [], pagePointOf: null });

let dataset, country, map, state;
let current = null; // { area, rows, byCode, childLevel, colourOf }
let renderToken = 0;
let drillStartedAt = null;
let lastFitted = null;
let catchmentsDrawn = null; // 'area|method' of the catchment boundaries on the map, or null
const breaksCache = new Map();

async function boot() {
  dataset = await api.dataset();
  $('synthetic').hidden = !dataset.synthetic;
  if (dataset.synthetic) document.title += ' (synthetic demo)';
  const hits = await api.search('92000001', 5);
  country = hits.find((h) => h.level === 'country')?.code ?? (await api.search('E92000001', 1))[0]?.code;
  fillIndicators();

  map = createMap($('map'));
  hook.pagePointOf = (level, code) => pagePointOf(map, level, code);
  hook.catchmentPointOf = (provider) => catchmentPointOf(map, provider);
  hook.map = map;
  await new Promise((resolve) => map.once('load', resolve));
  wireControls();
  setupSegments(map, dataset.indicators);
  setupUpload($('add-data'), (indicator) => {
    // the server answered with the new indicator: offer it, and show it
    dataset.indicators.push(indicator);
    fillIndicators();
    fillSegmentIndicators(dataset.indicators);
    update({ ind: indicator.id, period: indicator.latestPeriod, pool: null, col: colouringFits(state?.col, indicator) ? state?.col : null });
  });
  window.addEventListener('popstate', safeRender);
  window.addEventListener('geo:state', safeRender);
  await safeRender();
}

function fillIndicators() {
  $('indicator').innerHTML = dataset.indicators.map((i) => `<option value="${escapeHtml(i.id)}">${escapeHtml(i.name)}</option>`).join('');
}

async function safeRender() {
  try {
    await render();
  } catch (err) {
    $('note').textContent = err?.name === 'ApiError' ? problemWords(err, 'Try another area, or reload the page.')
      : 'Something went wrong while drawing this view; reload the page, or go up a level.';
    $('note').hidden = false;
    hook.error = err.message;
    console.error(err);
  }
}

function defaultIndicator() {
  // the first indicator built from counts (a score such as IMD has no count to compare)
  return (dataset.indicators.find((i) => !/score/i.test(i.valueType)) ?? dataset.indicators[0]).id;
}

function update(change, replace = false) {
  go({ ...state, ...change }, replace);
}

function wireControls() {
  $('indicator').addEventListener('change', (e) => {
    const ind = dataset.indicators.find((i) => i.id === e.target.value);
    // the new indicator's own default pool, and its default colouring when the one shown means nothing for it
    update({ ind: ind.id, period: ind.latestPeriod, pool: null, col: colouringFits(state.col, ind) ? state.col : null });
  });
  $('period').addEventListener('change', (e) => update({ period: e.target.value }));
  $('pool').addEventListener('change', (e) => update({ pool: Number(e.target.value) }));
  $('colouring').addEventListener('change', (e) => {
    drillStartedAt = performance.now(); // timed as a drill: the benchmark recolours by hotspot class
    update({ col: e.target.value });
  });
  $('hotspot-by').addEventListener('change', (e) => update({ by: e.target.value }));
  $('catchments').addEventListener('change', (e) => update({ cat: e.target.checked ? $('catchment-method').value : null, prov: null }));
  $('catchment-method').addEventListener('change', (e) => update({ cat: e.target.value }));
  $('with').addEventListener('change', (e) => update({ with: e.target.value || null }));
  setupSearch((hit) => openArea(hit.code, hit.level, hit.parent));

  const tooltip = $('tooltip');
  map.on('mousemove', (e) => {
    if (!current) return;
    const catchment = catchmentAt(map, e.point);
    markCatchment(map, 'hover', catchment?.provider);
    if (catchment) {
      markHover(map, current.childLevel, null);
      map.getCanvas().style.cursor = 'pointer';
      tooltip.innerHTML = `<strong>${escapeHtml(catchment.name)}</strong> <small>${escapeHtml(catchment.provider)}</small><br>` +
        `catchment: ${fmtCount(catchment.neighbourhoods)} neighbourhoods, ${fmtCount(catchment.inArea)} in this area<br><em>click for its figures</em>`;
      tooltip.style.left = `${e.point.x + 14}px`;
      tooltip.style.top = `${e.point.y + 14}px`;
      tooltip.hidden = false;
      return;
    }
    const layer = `${current.childLevel}-fill`;
    const f = map.queryRenderedFeatures(e.point, { layers: [layer] })[0];
    const row = f && current.byCode.get(f.properties.code);
    markHover(map, current.childLevel, row?.code);
    if (row) prefetch(row.code);
    map.getCanvas().style.cursor = row ? 'pointer' : '';
    if (!row) { tooltip.hidden = true; return; }
    const why = reason(row);
    // with hotspot classes drawn under the children: the neighbourhood under the pointer and its class
    const under = current.clusters && current.childLevel !== 'neighbourhood'
      ? map.queryRenderedFeatures(e.point, { layers: ['cluster-fill'] })[0] : null;
    const cluster = under && current.clusters.byCode.get(under.properties.code);
    tooltip.innerHTML = `<strong>${escapeHtml(row.name)}</strong> <small>${escapeHtml(row.code)}</small><br>` +
      (row.value != null ? `${fmtValue(row.value)} (95% CI ${fmtInterval(row.lower95, row.upper95)})<br>count ${fmtCount(row.count)} / ${fmtCount(row.denominator)}<br>` : '') +
      `${escapeHtml(current.colourOf(row).label)}` + (why ? `<br><em>${escapeHtml(why)}</em>` : '') +
      (cluster ? `<br>${escapeHtml(cluster.name)}: <strong>${escapeHtml(cluster.class)}</strong>${clusterStats(cluster)}` : '');
    tooltip.style.left = `${e.point.x + 14}px`;
    tooltip.style.top = `${e.point.y + 14}px`;
    tooltip.hidden = false;
  });
  $('children-chart').addEventListener('pointerover', (e) => {
    const entry = e.target.closest('button.child');
    if (entry) prefetch(entry.dataset.code);
  });
  map.on('mouseout', () => { tooltip.hidden = true; markCatchment(map, 'hover', null); });
  map.on('click', (e) => {
    if (!current) return;
    // an outline is thin: a click near one chooses the catchment rather than the area under it
    const catchment = catchmentAt(map, e.point);
    if (catchment) {
      $('tooltip').hidden = true;
      update({ prov: catchment.provider });
      return;
    }
    const f = map.queryRenderedFeatures(e.point, { layers: [`${current.childLevel}-fill`] })[0];
    if (f) {
      $('tooltip').hidden = true;
      openChild(f.properties.code);
    }
  });
}

const clusterStats = (c) => (c.z != null ? ` (z ${c.z.toFixed(2)}, p ${c.p < 0.001 ? '< 0.001' : c.p.toFixed(3)})` : '');

/** The hotspot classes of the area's neighbourhoods by code, or why there are none. */
async function clustersOf(area) {
  if (area.level === 'country') return { byCode: new Map(), note: 'Hotspot classes are found within an area: choose a system, ICP or place.' };
  try {
    const answer = await api.hotspotClasses(state.ind, area.code, state.period, state.col, state.pool);
    return { byCode: new Map(answer.rows.map((r) => [r.code, r])), note: answer.note, method: answer.method };
  } catch (err) {
    return { byCode: new Map(), note: `No hotspot classes here. ${problemWords(err)}` };
  }
}

/** The funnel limits asked of the children endpoint: the user's choice, else the test of overdispersion's. */
const funnelAsked = () => state.fun ?? 'test';

/** What a drill into a hovered child will need, asked for before the click (answers are kept). */
function prefetch(code) {
  if (!current || current.childLevel === 'neighbourhood') return;
  const ignore = () => {};
  api.children(state.ind, code, state.period, state.pool, funnelAsked()).catch(ignore);
  api.area(code).then((a) => {
    // a system with one ICP is drawn as that ICP's places
    if (a.level === 'system' && a.children.length === 1) {
      api.area(a.children[0].code).catch(ignore);
      api.children(state.ind, a.children[0].code, state.period, state.pool, funnelAsked()).catch(ignore);
    }
  }, ignore);
}

/** A child of the current area was chosen: drill into it, or select it at the bottom level. */
function openChild(code) {
  drillStartedAt = performance.now();
  if (current.childLevel === 'neighbourhood') {
    update({ sel: code });
  } else {
    update({ area: code, sel: null });
  }
}

function openArea(code, level, parent) {
  drillStartedAt = performance.now();
  if (level === 'neighbourhood') update({ area: parent, sel: code });
  else update({ area: code, sel: null });
}

/** Breadcrumb and Up: a system with one ICP shows that ICP's places, so up from there is the country. */
async function goUp(code, level) {
  if (level === 'system' && current?.area.level === 'icp') {
    const system = await api.area(code);
    if (system.children.length === 1 && system.children[0].code === current.area.code) {
      openArea(system.parent.code, system.parent.level, null);
      return;
    }
  }
  openArea(code, level, null);
}

/** Breaks of the level's national distribution, once per indicator, period and level. */
async function nationalBreaks(ind, period, level, pool) {
  const key = `${ind}|${period}|${level}|${pool}`;
  if (!breaksCache.has(key)) {
    const pending = api.levelValues(ind, level, period, pool).then((answer) => quintileBreaks(answer.values));
    pending.catch(() => breaksCache.delete(key));
    breaksCache.set(key, pending);
  }
  return breaksCache.get(key);
}

/** Resolves when the map is at rest: every source's tiles loaded and drawn, no frame pending. */
function idle() {
  return new Promise((resolve) => {
    if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
    else map.once('idle', resolve);
  });
}

async function render() {
  const token = ++renderToken;
  state = readState();
  const indicator = dataset.indicators.find((i) => i.id === state.ind);
  if (!indicator || !indicator.periods.includes(state.period) || !state.area) {
    const ind = indicator ?? dataset.indicators.find((i) => i.id === defaultIndicator());
    update({ ind: ind.id, period: ind.periods.includes(state.period) ? state.period : ind.latestPeriod, area: state.area ?? country }, true);
    return;
  }
  // each indicator is published in one pool only (single years, or rolling pools of 3 or 5): two windowings of the same
  // counts could be subtracted to recover a suppressed count; a pool is named by its last period
  const pool = indicator.pool ?? 1;
  if (state.pool !== pool) { update({ pool }, true); return; }
  if (state.col == null || !colouringFits(state.col, indicator)) { update({ col: defaultColouring(indicator) }, true); return; }
  if (indicator.periods.indexOf(state.period) < state.pool - 1) { update({ period: indicator.latestPeriod }, true); return; }
  const poolLabel = (i) => (state.pool > 1 ? `${indicator.periods[i - state.pool + 1]} - ${indicator.periods[i]}` : indicator.periods[i]);
  $('indicator').value = indicator.id;
  $('indicator').title = indicator.name;
  for (const option of $('colouring').options) option.disabled = !colouringFits(option.value, indicator);
  for (const option of $('pool').options) {
    const k = Number(option.value);
    option.textContent = k === 1 ? '1 year (single periods)' : `${k} years (pooled)`;
  }
  $('period').innerHTML = indicator.periods.map((p, i) => (i < state.pool - 1 ? ''
    : `<option value="${escapeHtml(p)}" ${p === state.period ? 'selected' : ''}>${escapeHtml(poolLabel(i))}</option>`)).join('');
  $('pool').value = String(state.pool);
  $('pool').disabled = true;
  $('colouring').value = state.col;
  $('hotspot-by').value = state.by;
  $('catchments').checked = !!state.cat;
  $('catchment-method').disabled = !state.cat;
  if (state.cat) $('catchment-method').value = state.cat;

  const marks = {};
  const mark = (name) => { if (drillStartedAt !== null) marks[name] = Math.round(performance.now() - drillStartedAt); };
  // the children's rows are asked for with the area, not after it (unused only when the area redirects)
  api.children(state.ind, state.area, state.period, state.pool, funnelAsked()).catch(() => {});
  let area;
  try {
    area = await api.area(state.area);
    mark('area');
  } catch (err) {
    $('note').textContent = `${problemWords(err)} Showing the whole country instead.`;
    $('note').hidden = false;
    update({ area: country, sel: null }, true);
    return;
  }
  if (token !== renderToken) return;
  if (area.level === 'neighbourhood') { update({ area: area.parent.code, sel: area.code }, true); return; }
  let note = '';
  if (area.level === 'system' && area.children.length === 1) {
    update({ area: area.children[0].code }, true);
    return;
  }
  if (area.level === 'icp') {
    const system = await api.area(area.parent.code);
    if (system.children.length === 1) note = `${system.name} has one integrated care partnership, so its places are shown.`;
  }
  $('note').textContent = note;
  $('note').hidden = !note;

  // beside a second indicator the map shows the pairs' classes, not hotspot classes
  const second = state.with && state.with !== state.ind ? dataset.indicators.find((i) => i.id === state.with) : null;
  fillSecondIndicator($('with'), dataset.indicators, state.ind, second?.id);
  const pendingBivariate = second ? getJson(bivariateUrl(state.ind, area.code, state.period, second.id))
    .then((answer) => ({ answer }), (err) => ({ error: problemWords(err, 'Choose another second indicator, or none.') })) : null;
  const clustering = isClustering(state.col) && !second;
  const pendingClusters = clustering ? clustersOf(area) : null;
  // England's row, the funnel limits' centre (kept by getJson after the first time)
  const pendingEngland = area.code === country ? null : api.row(state.ind, country, state.period, state.pool).catch(() => null);
  const answer = await api.children(state.ind, area.code, state.period, state.pool, funnelAsked());
  if (token !== renderToken) return;
  mark('children');
  const rows = answer.rows;
  const childLevel = rows[0]?.level ?? LEVELS[LEVELS.indexOf(area.level) + 1];
  const breaks = state.col === 'quintile' ? await nationalBreaks(state.ind, state.period, childLevel, state.pool) : [];
  const clusters = clustering ? await pendingClusters : null;
  const bivariate = pendingBivariate ? await pendingBivariate : null;
  if (token !== renderToken) return;
  const bivariateColours = canColour(bivariate?.answer) ? bivariateClassifier(bivariate.answer, indicator.name, second.name) : null;
  const classOf = (code) => clusterClass(state.col, clusters.byCode.get(code)?.class ?? 'not tested');
  // with hotspot classes, neighbourhood children take their class; coarser children are outlined over their neighbourhoods
  const colourOf = bivariateColours ?? (!clustering ? (row) => classify(row, state.col, breaks)
    : childLevel === 'neighbourhood' ? (row) => classOf(row.code)
      : () => ({ key: 'area', colour: '#c8d1dc', label: 'hotspot classes of its neighbourhoods below' }));
  // clear over the classes drawn below; grey when there are none (the country, or an indicator without events)
  const mapColour = clustering && childLevel !== 'neighbourhood' && clusters.byCode.size > 0 ? () => 'rgba(255,255,255,0)' : (r) => colourOf(r).colour;
  const byCode = new Map(rows.map((r) => [r.code, r]));
  current = { area, rows, byCode, childLevel, colourOf, clusters };

  // map
  drawChildren(map, childLevel, area.code, clustering ? rows.map((r) => ({ ...r, suppressed: null })) : rows, mapColour);
  drawClusters(map, clustering && childLevel !== 'neighbourhood' ? [...clusters.byCode.keys()] : null, (code) => classOf(code).colour);
  outlineArea(map, area.level, area.code);
  const sel = state.sel && byCode.has(state.sel) ? state.sel : null;
  markSelected(map, childLevel, sel);
  markHotspot(map, null);
  // asked for now, drawn when they come (after the children's frame at the latest)
  const catchmentWork = renderCatchmentsOf(area, token);
  if (lastFitted !== area.code) {
    lastFitted = area.code;
    map.fitBounds(area.bbox, { padding: 24, animate: false });
  }
  const counts = new Map();
  const count = (k) => counts.set(k, (counts.get(k) ?? 0) + 1);
  if (clustering && childLevel !== 'neighbourhood') clusters.byCode.forEach((c) => count(c.class));
  else rows.forEach((r) => count(colourOf(r).key));
  const method = state.col === 'gistar' ? 'Gi* hot and cold spots' : "Local Moran's I clusters";
  const title = clustering ? `${method} of the neighbourhoods within ${area.name}`
    : state.col === 'quintile' ? `National quintiles of ${childLevel}s` : state.col === 'parent' ? `Compared with ${area.name}` : 'Compared with England';
  if (bivariateColours) renderBivariateLegend(indicator.name, second.name, counts, childLevel);
  else {
    renderLegend(clustering ? clusterLegend(state.col) : legendEntries(state.col, breaks, fmtValue, indicator.polarity, counts), counts, title,
      clustering ? clusters.note : null);
  }
  if (state.pool > 1) {
    // labelled as pooled wherever a figure is shown (the indicator is published in this pool only)
    $('legend').insertAdjacentHTML('beforeend', `<p class="hint" id="pool-note">Pooled over ${state.pool} years: ` +
      `${escapeHtml(answer.area.period)}, so that small areas have a value (the indicator is published in these pools only).</p>`);
  }
  if (state.cat) {
    $('legend').insertAdjacentHTML('beforeend', '<p class="catchment-key"><span class="catchment-swatch"></span>catchment boundary (' +
      (state.cat === 'fptp' ? 'first past the post' : 'proportional') + ')</p>');
  }

  mark('coloured');
  // the map first: the panel's DOM (hundreds of bars at the neighbourhoods) is laid out after the
  // children's frame, not in the way of the tiles' messages
  await childrenDrawn(map, clustering ? [childLevel, 'neighbourhood'] : [childLevel]);
  const drawnAt = performance.now();
  mark('drawn');
  if (token !== renderToken) return;

  // panel (England's row is only the funnel plot's centre: not waited for before the map)
  const england = pendingEngland ? (await pendingEngland)?.row : answer.area;
  if (token !== renderToken) return;
  const focus = sel ? byCode.get(sel) : answer.area;
  renderBreadcrumb(area, goUp);
  segmentArea(area);
  renderSummary(focus, indicator, {
    canCompare: !state.cmp.includes(focus.code) && state.cmp.length < 4,
    onCompare: (code) => update({ cmp: [...state.cmp, code] }),
    selectedChild: !!sel,
    children: sel ? [] : rows,
    childLevel,
    pool: state.pool,
  });
  renderChildren(rows, answer.area, childLevel, (r) => colourOf(r).colour, openChild, exportLinks(state.ind, area.code, state.period, state.pool, funnelAsked()),
    { england: england?.value, byExpected: !['proportion', 'score'].includes(indicator.valueType) });
  renderFunnelChoice(state.fun, answer.funnel, { system: 'systems', icp: 'partnerships', place: 'places', neighbourhood: 'neighbourhoods' }[childLevel] ?? 'areas',
    (fun) => update({ fun }));
  $('children-chart').querySelectorAll('button.child').forEach((b) => b.classList.toggle('selected', b.dataset.code === sel));
  renderBivariate(bivariate, {
    xName: indicator.name, yName: second?.name, childLevel, sel, onOpen: openChild,
    csvUrl: second ? bivariateUrl(state.ind, area.code, state.period, second.id, '.csv') : null,
  });

  const view = {
    area: area.code, sel, childLevel, col: state.col, ind: state.ind, period: state.period, by: state.by, cmp: state.cmp.join(','),
    pool: state.pool, periodLabel: answer.area.period, trend: null,
    cat: state.cat, prov: state.cat ? state.prov : null, catchments: null, quality: null, population: null,
    fun: state.fun, funnel: answer.funnel?.adjustment ?? null,
    with: second?.id ?? null, pairs: bivariate?.answer?.pairs.length ?? null, coloured: bivariateColours ? 'bivariate' : state.col,
  };
  const isCurrent = () => token === renderToken;
  const aboutWork = Promise.all([renderQualityOf(state.ind, focus.code, state.period, state.pool, isCurrent),
    renderPyramidOf(state.ind, focus.code, state.period, state.pool, isCurrent)]).then(([q, p]) => { view.quality = q; view.population = p; });
  const panelWork = Promise.all([renderHotspotList(area, token), renderComparison(token), renderInequalityOf(area, token), catchmentWork,
    renderTrendOf(focus, token, view), aboutWork]);
  await idle();
  const idleAt = performance.now();
  mark('idle');
  const [, , , catchmentCount] = await panelWork;
  if (token !== renderToken) return;
  if (state.cat) {
    view.catchments = catchmentCount;
    await idle(); // the outlines drawn too
    if (token !== renderToken) return;
  }
  const now = performance.now();
  if (hook.firstColouredMs === null) hook.firstColouredMs = now;
  if (drillStartedAt !== null) {
    // ms: the click to the first frame with the children drawn and coloured; idleMs: to the map at rest
    hook.drills.push({ area: area.code, sel, ms: drawnAt - drillStartedAt, idleMs: idleAt - drillStartedAt, marks });
    drillStartedAt = null;
  }
  hook.view = view;
}

/**
 * The catchments layer: the boundaries of the catchments reaching the area outlined on the map, the list of
 * their providers and the chosen one's figures in the panel (or all hidden when the layer is off). Resolves
 * to the number of catchments drawn.
 */
async function renderCatchmentsOf(area, token) {
  const method = state.cat;
  if (!method) {
    if (catchmentsDrawn) drawCatchments(map, null);
    catchmentsDrawn = null;
    $('map').dataset.catchments = '';
    hideCatchments();
    return null;
  }
  let boundaries, list;
  try {
    [boundaries, list] = await Promise.all([api.catchmentBoundaries(area.code, method), api.catchments(area.code, method)]);
  } catch (err) {
    if (token !== renderToken) return null;
    drawCatchments(map, null);
    catchmentsDrawn = null;
    $('catchments-section').hidden = false;
    $('catchment-detail').innerHTML = '';
    $('catchment-list').innerHTML = `<li class="hint">No catchments here. ${escapeHtml(problemWords(err))}</li>`;
    return 0;
  }
  if (token !== renderToken) return null;
  const key = `${area.code}|${method}`;
  if (catchmentsDrawn !== key) {
    drawCatchments(map, boundaries);
    catchmentsDrawn = key;
    await childrenDrawn(map, ['catchments']); // the worker has cut the new data into tiles, and they are drawn
    if (token !== renderToken) return null;
  }
  const count = boundaries.features.length;
  $('map').dataset.catchments = String(count);
  const prov = state.prov;
  markCatchment(map, 'selected', prov);
  renderCatchments(area, list, prov, (provider) => update({ prov: provider }));
  if (!prov) {
    renderCatchmentDetail(null);
    return count;
  }
  const indicator = dataset.indicators.find((i) => i.id === state.ind);
  let detail = null, answer = null, error = null;
  try {
    detail = await api.catchment(prov, method);
    answer = await api.catchmentIndicator(prov, state.ind, state.period, method);
  } catch (err) {
    error = problemWords(err);
  }
  if (token !== renderToken) return count;
  if (!detail) {
    $('catchment-detail').innerHTML = `<p class="why">${escapeHtml(prov)}: ${escapeHtml(error)}</p>`;
  } else {
    renderCatchmentDetail(list.catchments.find((c) => c.provider === prov), detail, indicator, answer, error);
  }
  return count;
}

async function renderHotspotList(area, token) {
  const args = { ind: state.ind, code: area.code, period: state.period, by: state.by, top: HOTSPOTS_TOP, pool: state.pool };
  let answer;
  try {
    answer = await api.hotspots(args.ind, args.code, args.period, args.by, args.top, args.pool);
  } catch (err) {
    answer = { rows: [], reason: problemWords(err), failed: true };
  }
  if (token !== renderToken) return;
  renderHotspots(answer, args, (code) => markHotspot(map, code), (row) => openArea(row.code, 'neighbourhood', row.parent));
}

/** The focused area's trend over single periods up to the one shown (pooling does not apply to it). */
async function renderTrendOf(row, token, view) {
  let answer = null, error = null;
  try {
    const chart = state.spc === 'laney' ? laneyChart(dataset.indicators.find((i) => i.id === state.ind)?.valueType) : null;
    answer = await api.trend(state.ind, row.code, state.period, chart);
  } catch (err) {
    error = problemWords(err);
  }
  if (token !== renderToken) return;
  const laney = answer && ['p', 'u', 'pprime', 'uprime'].includes(answer.chartType)
    ? { on: state.spc === 'laney', onChange: (on) => update({ spc: on ? 'laney' : null }) } : null;
  renderTrend(answer, error, laney);
  view.trend = answer ? { code: row.code, marker: answer.marker.direction, specialCauses: (answer.chart?.points ?? []).filter((p) => p.variation !== 'common-cause').length, chart: answer.chartType } : null;
}

async function renderInequalityOf(area, token) {
  let answer = null, error = null;
  try {
    answer = await api.inequality(state.ind, area.code, state.period, state.pool);
  } catch (err) {
    error = problemWords(err);
  }
  if (token === renderToken) renderInequality(area, answer, error);
}

async function renderComparison(token) {
  const codes = state.cmp;
  const remove = (code) => update({ cmp: state.cmp.filter((c) => c !== code) });
  if (codes.length < 2) {
    renderCompare(codes, null, remove);
    return;
  }
  try {
    const answer = await api.compare(state.ind, codes, state.period, state.pool);
    if (token === renderToken) renderCompare(codes, answer, remove);
  } catch (err) {
    $('compare').textContent = `These areas cannot be compared. ${problemWords(err, 'Remove one, or choose another period.')}`;
  }
}

boot().catch((err) => {
  $('note').textContent = `The viewer could not start. ${err?.name === 'ApiError' ? problemWords(err) : 'Reload the page; if it happens again, the server may need a restart.'}`;
  $('note').hidden = false;
  hook.error = err.message;
});
