// The view lives in the URL's hash, so that a copied link restores it and Back goes back.
// ind: indicator, period, area: the area whose children are drawn, sel: a selected child,
// col: colouring (england | parent | quintile, or the hotspot class of the area's neighbourhoods: gistar |
// moran; absent: the indicator's default), by: hotspot order, pool: the indicator's publication pool, 1, 3 or 5 periods
// (period then names the pool's last; any other is put back to the indicator's own),
// cmp: areas being compared, cat: the catchments layer's method (proportional | fptp;
// absent: the layer is off), prov: the provider whose catchment the panel shows, with: a second indicator drawn beside
// the first (bivariate.js; absent: none), fun: the funnel plot's limits (poisson | phi | random-effects; absent: the
// test of overdispersion's choice), spc: laney
// for Laney's p′/u′ control chart (absent: the value type's own).
import { FUNNELS } from './funnelchoice.js';

export const COLOURINGS = ['england', 'parent', 'quintile', 'gistar', 'moran'];

export const CATCHMENT_METHODS = ['proportional', 'fptp'];

export const POOLS = [1, 3, 5];

export function readState() {
  const p = new URLSearchParams(location.hash.slice(1));
  return {
    ind: p.get('ind'),
    period: p.get('period'),
    area: p.get('area'),
    sel: p.get('sel'),
    col: COLOURINGS.includes(p.get('col')) ? p.get('col') : null,
    by: ['rate', 'excess', 'funnel'].includes(p.get('by')) ? p.get('by') : 'rate',
    pool: POOLS.includes(Number(p.get('pool'))) ? Number(p.get('pool')) : null,
    cmp: (p.get('cmp') ?? '').split(',').filter(Boolean).slice(0, 4),
    cat: CATCHMENT_METHODS.includes(p.get('cat')) ? p.get('cat') : null,
    prov: p.get('cat') ? p.get('prov') : null,
    with: p.get('with'),
    fun: FUNNELS.includes(p.get('fun')) ? p.get('fun') : null,
    spc: p.get('spc') === 'laney' ? 'laney' : null,
  };
}

export function stateHash(s) {
  const p = new URLSearchParams();
  for (const key of ['ind', 'period', 'area', 'sel', 'col', 'by']) {
    if (s[key]) p.set(key, s[key]);
  }
  if (s.pool) p.set('pool', String(s.pool));
  if (s.cmp?.length) p.set('cmp', s.cmp.join(','));
  if (s.cat) p.set('cat', s.cat);
  if (s.cat && s.prov) p.set('prov', s.prov);
  if (s.with) p.set('with', s.with);
  if (s.fun) p.set('fun', s.fun);
  if (s.spc) p.set('spc', s.spc);
  return '#' + p.toString();
}

/** Moves to a new view: a history entry, unless `replace` (for filling in defaults). */
export function go(s, replace = false) {
  const hash = stateHash(s);
  if (hash === location.hash) return false;
  if (replace) {
    history.replaceState(null, '', hash);
  } else {
    history.pushState(null, '', hash);
  }
  window.dispatchEvent(new Event('geo:state'));
  return true;
}
