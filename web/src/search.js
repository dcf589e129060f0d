// Area search by name or code (GET /api/areas?q=), with arrow keys and Enter.
import { api } from './api.js';
import { escapeHtml } from './format.js';

export function setupSearch(onPick) {
  const input = document.getElementById('search');
  const list = document.getElementById('search-results');
  let hits = [];
  let active = -1;
  let timer = 0;
  const close = () => { list.hidden = true; active = -1; };
  const paint = () => {
    list.innerHTML = hits.map((h, i) =>
      `<li role="option" id="hit-${i}" data-i="${i}" aria-selected="${i === active}">${escapeHtml(h.name)} <small>${escapeHtml(h.code)} · ${h.level}</small></li>`).join('');
    list.hidden = hits.length === 0;
    list.querySelectorAll('li').forEach((li) => li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(Number(li.dataset.i)); }));
  };
  const pick = (i) => {
    if (!hits[i]) return;
    onPick(hits[i]);
    input.value = '';
    hits = [];
    close();
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) { hits = []; close(); return; }
    timer = setTimeout(async () => {
      hits = await api.search(q);
      active = hits.length ? 0 : -1;
      paint();
    }, 150);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { active = Math.min(hits.length - 1, active + 1); paint(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); paint(); e.preventDefault(); }
    if (e.key === 'Enter') { pick(Math.max(0, active)); e.preventDefault(); }
    if (e.key === 'Escape') close();
  });
  input.addEventListener('blur', () => setTimeout(close, 100));
}
