// The funnel plot's limits (issue 19 §1): by default the test of overdispersion's choice among the children drawn (as the
// hotspot list's), or exact Poisson/binomial as published, Spiegelhalter's φ or random effects, asked of the children endpoint as `funnel=`
// and said under the plot with the answer's own φ̂, τ̂² and test.
import { escapeHtml } from './format.js';

const $ = (id) => document.getElementById(id);

/** The choices a page address can name (`fun=`); none: the test of overdispersion chooses, as for hotspots. */
export const FUNNELS = ['poisson', 'phi', 'random-effects'];

const NAMES = {
  poisson: 'exact Poisson/binomial limits around England\'s value',
  phi: 'limits around England\'s value widened by the overdispersion factor φ',
  'random-effects': 'random-effects limits around England\'s value (τ² added to each area\'s variance)',
};

const fmt = (x, digits) => Number(x).toLocaleString('en-GB', { maximumFractionDigits: digits });
const sig = (x) => Number(x).toLocaleString('en-GB', { maximumSignificantDigits: 3 });
const pWords = (p) => (p < 0.001 ? 'p < 0.001' : `p = ${fmt(p, 3)}`);

/** The limits used, in words, from the answer's `funnel` object (null for an older server: the exact limits). */
export function funnelNote(funnel, nouns) {
  const f = funnel ?? { adjustment: 'poisson' };
  let text = `Limits: ${NAMES[f.adjustment] ?? f.adjustment}`;
  if (f.chosenByTest) text += ', chosen by the test of overdispersion';
  if (f.phi != null) {
    text += `. These ${f.units} ${nouns} vary ${fmt(f.phi, 2)} times as much as chance alone would make them ` +
      `(test of overdispersion ${pWords(f.pValue)}; τ² ${sig(f.tauSquared)})`;
  } else if (f.adjustment !== 'poisson' || f.chosenByTest) {
    text += ' (fewer than 2 areas with a funnel position: no overdispersion estimate)';
  }
  return `${text}.`;
}

/** Shows the choice and the note; `onChange` gets the new choice (null for the test's). */
export function renderFunnelChoice(chosen, funnel, nouns, onChange) {
  const select = $('funnel-adjustment');
  select.value = chosen ?? '';
  select.onchange = () => onChange(select.value || null);
  $('funnel-note').innerHTML = escapeHtml(funnelNote(funnel, nouns));
}
