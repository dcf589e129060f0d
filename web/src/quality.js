// "About this value": what lies behind the focused area's value (GET .../quality): coverage, denominator, vintages,
// inputs mapped from 2011 neighbourhoods or estimated, suppression and codes unmatched at load. Counts of areas only.
import { getJson } from './api.js';
import { escapeHtml, fmtCount, problemWords } from './format.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const pct = (x) => `${(x * 100).toFixed(x > 0 && x < 0.01 ? 1 : 0)}%`;
const plural = (n, one, many = `${one}s`) => `${fmtCount(n)} ${n === 1 ? one : many}`;

const DENOMINATOR = { resident: 'Resident population', registered: 'Registered patients', file: "The data file's own", none: 'None (a score)' };

export function qualityUrl(ind, code, period, pool) {
  return `/api/indicators/${enc(ind)}/areas/${enc(code)}/quality?period=${enc(period)}${pool > 1 ? `&pool=${pool}` : ''}`;
}

/** The section's items in words, from the answer's quality object. */
export function qualityItems(q) {
  const unit = q.dataLevel === 'place' ? 'place' : 'neighbourhood';
  const c = q.coverage;
  const items = [
    ['coverage', 'Coverage', `${pct(c.share)} of the population` + (c.population != null ? ` (${fmtCount(c.populationWithData)} of ${fmtCount(c.population)})` : '') +
      `; ${fmtCount(c.unitsWithData)} of ${plural(c.units, unit)} with data`],
    ['denominator', 'Denominator', `${DENOMINATOR[q.denominator.kind] ?? q.denominator.kind}: ${q.denominator.description}`],
    ['vintages', 'Vintages', `boundaries ${q.vintages.boundaries}; data ${q.vintages.period} (${q.vintages.source})` +
      (q.vintages.mapping ? `. ${q.vintages.mapping}` : '')],
    ['inputs', 'Inputs', q.inputs.description +
      (q.inputs.mappedShare > 0 ? ` Reshaped by the 2011 to 2021 change: ${pct(q.inputs.mappedShare)}.` : '') +
      (q.inputs.estimatedShare > 0 ? ` Estimated or apportioned: ${pct(q.inputs.estimatedShare)}.` : '')],
    ['suppressed', 'Suppressed', (q.suppression.valueSuppressed ? 'this value is suppressed; ' : '') +
      `${fmtCount(q.suppression.suppressed)} of ${plural(q.suppression.units, unit)} with data (${pct(q.suppression.share)})`],
    ['unmatched', 'Unmatched at load', q.unmatched.inArea === 0
      ? `none in this area (${plural(q.unmatched.inDataset, 'code')} in the whole dataset)`
      : `${plural(q.unmatched.inArea, 'code')} here: ` + q.unmatched.codes.map((u) => `${u.code} (${u.problem})`).join('; ')],
  ];
  return items;
}

export function renderQuality(answer, error) {
  const box = $('quality');
  if (!box) return;
  if (!answer) {
    box.innerHTML = `<p class="hint">Not available: ${escapeHtml(error ?? 'no answer')}</p>`;
    return;
  }
  const q = answer.quality;
  box.innerHTML = '<dl class="figures quality">' + qualityItems(q).map(([k, label, v]) =>
    `<dt>${escapeHtml(label)}</dt><dd data-field="quality-${k}">${escapeHtml(v)}</dd>`).join('') + '</dl>' +
    `<details class="import-notes"><summary>What the import did (${q.unmatched.importNotes.length})</summary><ul>` +
    q.unmatched.importNotes.map((n) => `<li>${escapeHtml(n)}</li>`).join('') + '</ul></details>';
}

/** Fetches and draws the section for the focused area; resolves to a summary for the test hook. */
export async function renderQualityOf(ind, code, period, pool, isCurrent) {
  let answer = null, error = null;
  try {
    answer = await getJson(qualityUrl(ind, code, period, pool));
  } catch (err) {
    error = problemWords(err);
  }
  if (!isCurrent()) return null;
  renderQuality(answer, error);
  return answer ? { code, suppressed: answer.quality.suppression.suppressed, mappedShare: answer.quality.inputs.mappedShare } : null;
}
