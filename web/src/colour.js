// Colouring: comparison with parent or England (by the indicator's polarity), or national quintiles.
// Okabe-Ito hues for the comparison and the hotspot classes, viridis for the quintiles: all readable with
// colour-blindness.
export const SUPPRESSED = '#8c8c8c';
export const NO_VALUE = '#dcdcdc';

// better/worse (an indicator with a polarity) and lower/higher (one without) never share a legend, and no two of the
// five are alike: blue and vermilion judge, bluish green and reddish purple only say which way (Okabe-Ito, so they stay
// apart with any colour-blindness).
export const COMPARISON = [
  { key: 'better', label: 'significantly better', colour: '#0072B2' },
  { key: 'similar', label: 'similar', colour: '#F0E6B8' },
  { key: 'worse', label: 'significantly worse', colour: '#D55E00' },
  { key: 'lower', label: 'significantly lower', colour: '#009E73' },
  { key: 'higher', label: 'significantly higher', colour: '#CC79A7' },
];

const JUDGED_KEYS = ['better', 'similar', 'worse'];
const DIRECTION_KEYS = ['lower', 'similar', 'higher'];

/** Whether a colouring means anything for the indicator: a score has no comparisons and no events for hotspot classes. */
export function colouringFits(colouring, indicator) {
  if (!indicator || indicator.valueType !== 'score') return true;
  return colouring === 'quintile';
}

/** The colouring a first look at the indicator uses: compared with England, or national quintiles for a score. */
export const defaultColouring = (indicator) => (indicator?.valueType === 'score' ? 'quintile' : 'england');

export const QUINTILES = ['#fde725', '#5ec962', '#21918c', '#3b528b', '#440154'];

/** Breaks between five classes: the 20th, 40th, 60th and 80th percentiles of the values. */
export function quintileBreaks(values) {
  const v = values.filter((x) => x != null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return [];
  const at = (q) => {
    const pos = (v.length - 1) * q;
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
  };
  return [0.2, 0.4, 0.6, 0.8].map(at);
}

export function quintileOf(value, breaks) {
  let i = 0;
  while (i < breaks.length && value > breaks[i]) i++;
  return i;
}

/** The class of one row: { key, colour, label }. */
export function classify(row, colouring, breaks) {
  if (row.suppressed) return { key: 'suppressed', colour: SUPPRESSED, label: 'suppressed (small numbers)' };
  if (row.value == null) return { key: 'none', colour: NO_VALUE, label: 'no value' };
  if (colouring === 'quintile') {
    if (!breaks || breaks.length === 0) return { key: 'none', colour: NO_VALUE, label: 'no value' };
    const q = quintileOf(row.value, breaks);
    return { key: 'q' + q, colour: QUINTILES[q], label: `quintile ${q + 1}` };
  }
  const judged = colouring === 'parent' ? row.vs_parent : row.vs_england;
  const found = COMPARISON.find((c) => c.key === judged);
  return found ?? { key: 'none', colour: NO_VALUE, label: 'not compared' };
}

/** The legend's entries for a colouring, in display order. */
export function legendEntries(colouring, breaks, format, polarity = null, counts = new Map()) {
  const tail = [
    { key: 'suppressed', colour: SUPPRESSED, label: 'suppressed (small numbers)', hatch: true },
    { key: 'none', colour: NO_VALUE, label: colouring === 'quintile' ? 'no value' : 'no value / not compared' },
  ];
  if (colouring === 'quintile') {
    const bounds = ['lowest', ...breaks.map(format), 'highest'];
    return [...QUINTILES.map((colour, q) => ({ key: 'q' + q, colour, label: `${bounds[q]} – ${bounds[q + 1]}` })), ...tail];
  }
  // the words of the indicator's polarity, and any other class actually drawn
  const keys = polarity === 'no-judgement' ? DIRECTION_KEYS : JUDGED_KEYS;
  return [...COMPARISON.filter((c) => keys.includes(c.key) || counts.has(c.key)), ...tail];
}

/** The hotspot classes of the neighbourhoods (GET …/hotspot-classes) by method, in legend order. */
export const CLUSTER_CLASSES = {
  gistar: [
    { key: 'hot spot', label: 'hot spot (Gi*, FDR 5%)', colour: '#D55E00' },
    { key: 'cold spot', label: 'cold spot (Gi*, FDR 5%)', colour: '#0072B2' },
  ],
  moran: [
    { key: 'high-high', label: 'high-high cluster', colour: '#D55E00' },
    { key: 'low-low', label: 'low-low cluster', colour: '#0072B2' },
    { key: 'high-low', label: 'high-low outlier', colour: '#CC79A7' },
    { key: 'low-high', label: 'low-high outlier', colour: '#56B4E9' },
  ],
};
const CLUSTER_TAIL = [
  { key: 'not significant', label: 'not significant', colour: '#F0E6B8' },
  { key: 'suppressed', label: 'suppressed (class withheld)', colour: SUPPRESSED },
  { key: 'not tested', label: 'not tested (no expected events)', colour: NO_VALUE },
];

export const isClustering = (colouring) => colouring === 'gistar' || colouring === 'moran';

/** The class entry of one neighbourhood's class name under a method. */
export function clusterClass(method, name) {
  return [...CLUSTER_CLASSES[method], ...CLUSTER_TAIL].find((c) => c.key === name) ?? CLUSTER_TAIL[2];
}

export function clusterLegend(method) {
  return [...CLUSTER_CLASSES[method], ...CLUSTER_TAIL];
}
