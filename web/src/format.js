// Number formats shared by the panel, tooltips and charts (the browser tests format the API's
// numbers the same way: one decimal for values, thousands separators for counts).
const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const two = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const fmtValue = (x) => (x == null ? '–' : one.format(x));
export const fmtRatio = (x) => (x == null ? '–' : two.format(x));
export const fmtCount = (x) => (x == null ? '–' : whole.format(x));
export const fmtInterval = (lo, hi) => (lo == null || hi == null ? '–' : `${one.format(lo)} – ${one.format(hi)}`);

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A row's funnel position in words: where it lies against its parent's funnel limits and what that means. */
export const FUNNEL_WORDS = {
  above998: 'above the 99.8% limit: a significant outlier, higher than expected',
  above95: 'above the 95% limit: possibly higher than expected',
  within: 'within the limits: in line with the parent',
  below95: 'below the 95% limit: possibly lower than expected',
  below998: 'below the 99.8% limit: a significant outlier, lower than expected',
};

export const funnelWords = (position) => (position ? FUNNEL_WORDS[position] ?? 'not placed on the funnel plot' : 'not placed on the funnel plot');

const pct0 = (x) => `${Math.round(x * 100)}%`;

/** The server's notes start with their kind ("suppressed: small count"): the sentence without it. */
const noteTail = (note) => String(note ?? '').replace(/^suppressed:\s*/, '');

/** Why a row has no value, or what to keep in mind about it, for tooltips and the panel: a sentence, never a code. */
export function reason(row) {
  if (row.suppressed) {
    const why = row.suppressed === 'primary' ? 'its count is small (1 to 7)' : 'it would let a small count nearby be worked out';
    const more = row.level === 'catchment' ? '' : ' Look at the area above for a figure.';
    return `Suppressed to protect privacy: ${row.note ? noteTail(row.note) : why}.${more}`;
  }
  if (row.value == null) {
    if (row.coverage === 0) return 'No data: the source has no figures for this area in this period.';
    return row.note ? capitalise(row.note) : 'No value for this period.';
  }
  return row.note ? capitalise(row.note) : '';
}

const capitalise = (s) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/**
 * The share of the population behind a row's value in words, naming what is missing when the children's rows show it
 * (those with no data, or data for part of their population), or null when the whole population is covered.
 */
export function coverageWords(row, children, childNoun) {
  if (row.coverage == null || row.coverage >= 1 || row.value == null) return null;
  const all = children ?? [];
  const list = (rows, share) => (rows.length <= 4 ? rows : rows.slice(0, 3)).map((c) => (share ? `${c.name}, ${pct0(c.coverage)}` : c.name)).join('; ') +
    (rows.length > 4 ? '; …' : '');
  const none = all.filter((c) => c.coverage === 0);
  const some = all.filter((c) => c.coverage > 0 && c.coverage < 1);
  const parts = [];
  if (none.length) parts.push(`no data for ${none.length} of ${all.length} ${childNoun} (${list(none, false)})`);
  if (some.length) parts.push(`${some.length} of ${all.length} ${childNoun} only partly covered (${list(some, true)})`);
  return `Based on ${pct0(row.coverage)} of the population${parts.length ? `: ${parts.join('; ')}` : ''}. The source has no figures for the rest.`;
}

/**
 * A refused or failed request in plain English, never its HTTP status: the server's own sentence (with the indicator's id
 * put as "This indicator") for a bad request or something not found, a sentence of our own otherwise; `instead` says what
 * the user can do.
 */
export function problemWords(err, instead = '') {
  const status = err?.status;
  let text;
  if (status === 0) text = 'The server could not be reached; check that it is running and reload the page.';
  else if (status === 503) text = 'The data are not available at the moment; the server retries by itself, so try again in a few seconds.';
  else if (status >= 500 || status == null) text = 'The server could not answer this request.';
  else text = String(err.message ?? '').replace(/Indicator '[^']*'/g, 'This indicator').replace(/indicator '[^']*'/g, 'this indicator').trim();
  if (!text) text = status === 404 ? 'It was not found in this dataset.' : 'The request was not accepted.';
  if (!/[.!?]$/.test(text)) text += '.';
  return instead ? `${text} ${instead}` : text;
}
