// "Add data": the user's own indicator CSV, sent to this same server (POST /api/indicators, same origin: it never
// leaves the machine) with the columns and meaning chosen in a small form. Shows upload progress, then either hands
// the new indicator to the viewer or lists the server's report of every bad line and field.
import { escapeHtml } from './format.js';

const VALUE_TYPES = [
  ['crude-rate', 'crude rate', 100000],
  ['proportion', 'proportion (%)', 100],
  ['dsr', 'directly age-standardised rate', 100000],
  ['isr', 'indirectly standardised ratio', 100],
  ['score', 'score (averaged by population)', 1],
];

// Guesses of which header is which, tried in order; the first header matching wins.
const GUESSES = {
  area: [/lsoa\s*(21|2021)?\s*_?(cd|code)/i, /^(area|lsoa|geography)[ _]?(code|cd)?$/i, /(lsoa|lad|area).*(code|cd)/i, /code/i],
  count: [/^(count|numerator|observed|events|admissions|cases|deaths|n)$/i, /count|numerator|admission|event|case|death|observed/i, /value|score/i],
  denominator: [/^(denominator|population|pop)$/i, /denom|population|pop/i],
  ageBand: [/^age[ _]?(band|group)?$/i, /age/i],
  period: [/^(period|year|time ?period|financial ?year|date)$/i, /period|year/i],
};

/** The fields of a CSV header line (RFC 4180 quoting). */
export function headerFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field.trim()); field = ''; } else field += c;
  }
  fields.push(field.trim());
  return fields.filter((f, i) => f.length > 0 || i < fields.length - 1);
}

/** The header the guesses pick for `role`, other than those already `taken`, or ''. */
export function guessColumn(headers, role, taken = []) {
  for (const pattern of GUESSES[role]) {
    const hit = headers.find((h) => pattern.test(h) && !taken.includes(h));
    if (hit) return hit;
  }
  return '';
}

const idFrom = (name) => name.replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'my-indicator';

const FORM = `
<form method="dialog" class="upload-form" novalidate>
  <h2>Add your own data</h2>
  <p class="hint">A CSV with an area code column (LSOA 2021 or 2011, or district) and a count column, optionally a denominator,
  age band and period. It is checked and held by this server only, for as long as it runs.</p>
  <div class="dropzone" id="upload-drop" tabindex="0">
    <span id="upload-file-name">Drop a CSV here or</span>
    <label class="pick">choose a file <input type="file" id="upload-file" accept=".csv,text/csv"></label>
  </div>
  <fieldset id="upload-fields" disabled>
    <label>Area code column <select id="upload-area"></select></label>
    <label>Codes are <select id="upload-area-level">
      <option value="neighbourhood">LSOA 2021</option><option value="neighbourhood-2011">LSOA 2011</option><option value="place">district</option>
    </select></label>
    <label>Count column <select id="upload-count"></select></label>
    <label>Denominator column <select id="upload-denominator"></select></label>
    <label>Age band column <select id="upload-age-band"></select></label>
    <label>Period column <select id="upload-period"></select></label>
    <label>Value type <select id="upload-value-type">${VALUE_TYPES.map(([v, t]) => `<option value="${v}">${t}</option>`).join('')}</select></label>
    <label>Multiplier <input id="upload-multiplier" type="number" min="0" step="any" value="100000"></label>
    <label>Higher is <select id="upload-polarity">
      <option value="higher-is-worse">worse</option><option value="higher-is-better">better</option><option value="no-judgement">neither</option>
    </select></label>
    <label>Name <input id="upload-name" type="text"></label>
    <label>Id <input id="upload-id" type="text" pattern="[A-Za-z0-9._-]+"></label>
  </fieldset>
  <div id="upload-progress" class="upload-progress" hidden>
    <progress id="upload-bar" max="100" value="0"></progress> <span id="upload-percent" aria-live="polite"></span>
  </div>
  <div id="upload-report" class="upload-report" aria-live="polite"></div>
  <menu>
    <button type="button" id="upload-cancel">Close</button>
    <button type="submit" id="upload-submit" disabled>Add indicator</button>
  </menu>
</form>`;

/** Adds the "Add data" button's dialog; `onAdded(indicator)` gets the indicator the server answered with. */
export function setupUpload(button, onAdded) {
  const dialog = document.createElement('dialog');
  dialog.id = 'upload-dialog';
  dialog.className = 'upload-dialog';
  dialog.innerHTML = FORM;
  document.body.appendChild(dialog);
  const $ = (id) => dialog.querySelector(`#${id}`);
  let file = null;

  button.addEventListener('click', () => dialog.showModal());
  $('upload-cancel').addEventListener('click', () => dialog.close());
  $('upload-file').addEventListener('change', (e) => choose(e.target.files[0]));
  const drop = $('upload-drop');
  drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer.files.length) choose(e.dataTransfer.files[0]);
  });
  $('upload-value-type').addEventListener('change', (e) => {
    $('upload-multiplier').value = VALUE_TYPES.find(([v]) => v === e.target.value)[2];
  });

  async function choose(chosen) {
    if (!chosen) return;
    file = chosen;
    $('upload-report').innerHTML = '';
    const size = file.size < 1048576 ? `${Math.max(1, Math.round(file.size / 1024))} KB` : `${(file.size / 1048576).toFixed(1)} MB`;
    $('upload-file-name').textContent = `${file.name} (${size})`;
    const head = await file.slice(0, 65536).text();
    const headers = headerFields(head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '');
    const options = (optional) => (optional ? '<option value="">(none)</option>' : '') +
      headers.map((h) => `<option value="${escapeHtml(h)}">${escapeHtml(h)}</option>`).join('');
    const taken = [];
    const pick = (id, role, optional) => {
      $(id).innerHTML = options(optional);
      const guess = guessColumn(headers, role, taken);
      if (guess) taken.push(guess);
      $(id).value = guess || (optional ? '' : headers[0] ?? '');
    };
    pick('upload-area', 'area', false);
    pick('upload-count', 'count', false);
    pick('upload-denominator', 'denominator', true);
    pick('upload-age-band', 'ageBand', true);
    pick('upload-period', 'period', true);
    $('upload-id').value = idFrom(file.name);
    $('upload-name').value = file.name.replace(/\.[^.]*$/, '');
    $('upload-fields').disabled = false;
    $('upload-submit').disabled = false;
  }

  dialog.querySelector('form').addEventListener('submit', (e) => {
    e.preventDefault();
    if (file) send();
  });

  function send() {
    const query = new URLSearchParams({
      id: $('upload-id').value.trim(),
      name: $('upload-name').value.trim(),
      valueType: $('upload-value-type').value,
      multiplier: $('upload-multiplier').value,
      polarity: $('upload-polarity').value,
      areaLevel: $('upload-area-level').value,
      area: $('upload-area').value,
      count: $('upload-count').value,
      fileName: file.name,
    });
    for (const [key, id] of [['denominator', 'upload-denominator'], ['ageBand', 'upload-age-band'], ['period', 'upload-period']]) {
      if ($(id).value) query.set(key, $(id).value);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/indicators?${query}`);
    xhr.setRequestHeader('Content-Type', 'text/csv');
    $('upload-progress').hidden = false;
    $('upload-submit').disabled = true;
    $('upload-report').innerHTML = '';
    const shown = (percent, text) => {
      $('upload-bar').value = percent;
      $('upload-percent').textContent = text;
    };
    shown(0, 'Sending 0%');
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) shown(Math.round((100 * e.loaded) / e.total), `Sending ${Math.round((100 * e.loaded) / e.total)}%`);
    });
    xhr.upload.addEventListener('load', () => shown(100, 'Sent 100%: checking every row…'));
    xhr.addEventListener('error', () => done(null, 'The server could not be reached.'));
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch { /* not JSON */ }
      done(xhr.status === 201 ? body : null, xhr.status === 201 ? null : body ?? { detail: xhr.status === 413 ? 'The file is larger than this server accepts; split it or ask for a larger limit.' : 'The server could not take the file; try again in a moment.' });
    });
    xhr.send(file);
  }

  function done(indicator, problem) {
    $('upload-submit').disabled = false;
    if (indicator) {
      $('upload-percent').textContent = `Added "${indicator.name}".`;
      window.geoViewer.upload = { id: indicator.id };
      dialog.close();
      onAdded(indicator);
      return;
    }
    $('upload-progress').hidden = true;
    const report = typeof problem === 'string' ? { detail: problem } : problem;
    window.geoViewer.upload = { error: report.detail, problems: report.problems ?? [] };
    const rows = (report.problems ?? []).map((p) => `<tr><td>${p.line ?? ''}</td><td>${escapeHtml(p.field ?? '')}</td><td>${escapeHtml(p.message)}</td></tr>`).join('');
    $('upload-report').innerHTML = `<p class="error"><strong>Nothing was loaded.</strong> ${escapeHtml((report.detail ?? report.title ?? '').replace(/; nothing was loaded\.$/, '.'))}</p>` +
      (rows ? `<table class="problems"><thead><tr><th>line</th><th>field</th><th>problem</th></tr></thead><tbody>${rows}</tbody></table>` : '');
  }
}
