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

/** Why a row has no value, for tooltips and the panel. */
export function reason(row) {
  if (row.suppressed) return `Suppressed (${row.suppressed}): ${row.note ?? 'small numbers'}`;
  if (row.value == null) return row.note ?? 'No value';
  return row.note ?? '';
}
