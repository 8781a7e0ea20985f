// England pages: every authority's latest judgements (england.html) and one authority beside its
// statistical neighbours (authority.html). Both read /api/authorities; the URL holds the filters and
// the sort, so a view can be shared. Grades are shown as the words printed, never by colour alone.
'use strict';

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
const RANK = { outstanding: 4, good: 3, adequate: 2, inadequate: 1 };
const GRADE_NAMES = { outstanding: 'Outstanding', good: 'Good', adequate: 'Requires improvement / adequate', inadequate: 'Inadequate' };

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && (body.detail || body.title)) || `HTTP ${r.status}`);
  return body;
}

function day(iso) {
  if (!iso) return '';
  const d = new Date(iso + 'T00:00:00Z');
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

const sentence = (s) => s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
// The printed words, with the level added when they name none ("Grade 2 (good)"): never colour alone (app.js, the same rule).
const LEVEL_WORDS = /outstanding|good|adequate|requires improvement|inadequate|not judged|satisfactory|poor|excellent/i;
const gradeWords = (j) => sentence(LEVEL_WORDS.test(j.printed) ? j.printed : `${j.printed} (${j.grade})`);
const judgementFor = (latest, area) => latest ? latest.judgements.find(j => j.area === area) || null : null;

// A judgement as printed, linked to the paragraph it is printed in; the grade class gives colour, the words the meaning.
function judgementCell(j, latest) {
  if (!latest) return '<td class="none" data-sort="-1"><span aria-hidden="true">—</span><span class="visually-hidden">no inspection indexed</span></td>';
  if (!j) return '<td class="none" data-sort="0">Not judged</td>';
  const badge = `<span class="grade grade-${esc(j.grade)}">${esc(gradeWords(j))}</span>`;
  return `<td data-sort="${RANK[j.grade] || 0}">${j.url ? `<a class="cite" href="${esc(j.url)}" aria-label="${esc(gradeWords(j))}: ${esc(j.area)}, the paragraph it is printed in">${badge}</a>` : badge}</td>`;
}

function latestCell(a) {
  const l = a.latest;
  if (!l) return '<td data-sort=""><span class="meta">None indexed</span></td>';
  const when = l.inspectionEnd || l.published;
  return `<td data-sort="${esc(when || '')}"><a href="${esc(l.url)}">${esc(day(when))}</a><br><span class="meta">${esc(l.framework || l.documentType)}</span></td>`;
}

function authorityCell(a, self) {
  return `<th scope="row" data-sort="${esc(a.name)}"><a href="/england/${encodeURIComponent(a.laCode)}">${esc(a.name)}</a>${self ? ' <span class="tag-self">this authority</span>' : ''}${a.replaced ? ' <span class="tag-replaced">replaced</span>' : ''}</th>`;
}

// ---- England table ------------------------------------------------------------------------------

const FILTERS = ['region', 'type', 'area', 'grade', 'inspectedFrom', 'inspectedTo'];

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { sort: p.get('sort') || 'authority', dir: p.get('dir') === 'desc' ? 'desc' : 'asc' };
  for (const k of FILTERS) s[k] = p.get(k) || '';
  return s;
}

function filterParams(s) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (s[k]) p.set(k, s[k]);
  return p;
}

function pushState(s) {
  const p = filterParams(s);
  if (s.sort !== 'authority') p.set('sort', s.sort);
  if (s.dir !== 'asc') p.set('dir', s.dir);
  const q = p.toString();
  history.pushState(null, '', q ? '?' + q : location.pathname);
}

let areas = [];
let listed = [];

function columns() {
  return [
    { key: 'authority', label: 'Authority' }, { key: 'region', label: 'Region' }, { key: 'type', label: 'Type' },
    { key: 'latest', label: 'Latest inspection' }, ...areas.map(a => ({ key: a, label: a, grade: true })),
  ];
}

function sortValue(a, key) {
  switch (key) {
    case 'authority': return a.name;
    case 'region': return a.region;
    case 'type': return a.type || '';
    case 'latest': return a.latest ? (a.latest.inspectionEnd || a.latest.published || '') : '';
    default: {
      if (!a.latest) return -1;
      const j = judgementFor(a.latest, key);
      return j ? (RANK[j.grade] || 0) : 0;
    }
  }
}

function renderTable(s) {
  const cols = columns();
  $('head').innerHTML = cols.map(c => {
    const sorted = s.sort === c.key;
    const aria = sorted ? ` aria-sort="${s.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
    const arrow = sorted ? (s.dir === 'asc' ? ' ▲' : ' ▼') : '';
    return `<th scope="col"${aria}><button type="button" data-sort-key="${esc(c.key)}">${esc(c.label)}<span aria-hidden="true">${arrow}</span><span class="visually-hidden">${sorted ? (s.dir === 'asc' ? ', sorted ascending' : ', sorted descending') : ', sort'}</span></button></th>`;
  }).join('');
  const rows = [...listed];
  const dir = s.dir === 'asc' ? 1 : -1;
  rows.sort((x, y) => {
    const a = sortValue(x, s.sort), b = sortValue(y, s.sort);
    const c = typeof a === 'number' ? a - b : String(a).localeCompare(String(b), 'en-GB');
    return c !== 0 ? c * dir : x.name.localeCompare(y.name, 'en-GB');
  });
  $('rows').innerHTML = rows.map(a => `<tr data-authority="${esc(a.name)}">${authorityCell(a)}<td>${esc(a.region)}</td><td>${esc(a.type || '')}</td>${latestCell(a)}${
    areas.map(area => judgementCell(judgementFor(a.latest, area), a.latest)).join('')}</tr>`).join('');
  $('head').querySelectorAll('[data-sort-key]').forEach(b => b.addEventListener('click', () => {
    const next = readState();
    if (next.sort === b.dataset.sortKey) next.dir = next.dir === 'asc' ? 'desc' : 'asc';
    else { next.sort = b.dataset.sortKey; next.dir = b.dataset.sortKey === 'authority' || b.dataset.sortKey === 'region' || b.dataset.sortKey === 'type' ? 'asc' : 'desc'; }
    pushState(next);
    renderTable(next);
    document.querySelector(`[data-sort-key="${CSS.escape(next.sort)}"]`).focus();
  }));
}

function renderCounts(data) {
  const grades = Object.keys(RANK);
  $('counts').innerHTML = `<table class="counts-table"><caption class="visually-hidden">Number of the listed authorities whose latest inspection has each grade</caption>
    <thead><tr><th scope="col">Judgement</th>${grades.map(g => `<th scope="col"><span class="grade grade-${g}">${esc(GRADE_NAMES[g])}</span></th>`).join('')}<th scope="col">Not judged</th></tr></thead>
    <tbody>${data.counts.map(c => `<tr><th scope="row">${esc(c.area)}</th>${grades.map(g => `<td data-grade="${g}">${c.grades[g] || 0}</td>`).join('')}<td>${c.notJudged}</td></tr>`).join('')}</tbody></table>`;
}

let renderCount = 0;

async function renderEngland() {
  // Filters change one select at a time: only the latest request's answer may fill the table.
  const ticket = ++renderCount;
  const s = readState();
  for (const k of FILTERS) $(k).value = s[k];
  const params = filterParams(s);
  $('xlsx').href = '/api/export/england?' + new URLSearchParams([...params, ['format', 'xlsx']]).toString();
  $('csv').href = '/api/export/england?' + new URLSearchParams([...params, ['format', 'csv']]).toString();
  $('status').textContent = 'Loading…';
  try {
    const data = await getJson('/api/authorities?' + params.toString());
    if (ticket !== renderCount) return;
    listed = data.authorities;
    $('status').textContent = `${data.total} ${data.total === 1 ? 'authority' : 'authorities'} listed (${data.current} current${data.replaced ? `, ${data.replaced} replaced` : ''}); ${data.withInspection} with an indexed inspection.`;
    $('tableCaption').textContent = `Latest inspection judgements of ${data.total} ${data.total === 1 ? 'authority' : 'authorities'}`;
    renderCounts(data);
    renderTable(s);
    $('table').dataset.filters = params.toString();
  } catch (e) {
    if (ticket !== renderCount) return;
    listed = [];
    $('status').textContent = 'Could not load the authorities: ' + e.message;
    $('rows').innerHTML = '';
  }
}

async function initEngland() {
  try {
    const all = await getJson('/api/authorities');
    areas = all.areas;
    const fill = (id, values) => { $(id).insertAdjacentHTML('beforeend', values.map(v => `<option value="${esc(v)}">${esc(v)}</option>`).join('')); };
    fill('region', [...new Set(all.authorities.map(a => a.region))].sort());
    fill('type', [...new Set(all.authorities.map(a => a.type).filter(Boolean))].sort());
    fill('area', areas);
  } catch (e) { $('status').textContent = 'Could not load the authorities: ' + e.message; return; }
  $('filters').addEventListener('submit', (e) => {
    e.preventDefault();
    const next = readState();
    for (const k of FILTERS) next[k] = $(k).value;
    pushState(next);
    renderEngland();
  });
  for (const k of ['region', 'type', 'area', 'grade']) $(k).addEventListener('change', () => $('filters').requestSubmit());
  $('reset').addEventListener('click', () => { const next = readState(); for (const k of FILTERS) next[k] = ''; pushState(next); renderEngland(); });
  window.addEventListener('popstate', renderEngland);
  renderEngland();
}

// ---- One authority --------------------------------------------------------------------------------

function gradeRow(a, self, rank) {
  return `<tr${self ? ' class="self"' : ''}>${rank === undefined ? '' : `<td>${rank === null ? '—' : rank}</td>`}${authorityCell(a, self)}${latestCell(a)}${
    areas.map(area => judgementCell(judgementFor(a.latest, area), a.latest)).join('')}</tr>`;
}

function gradeTable(caption, rows, ranked) {
  return `<caption>${esc(caption)}</caption><thead><tr>${ranked ? '<th scope="col">Rank</th>' : ''}<th scope="col">Authority</th><th scope="col">Latest inspection</th>${
    areas.map(a => `<th scope="col">${esc(a)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>`;
}

function judgementList(judgements) {
  if (judgements.length === 0) return '<span class="meta">No judgements printed</span>';
  return `<ul class="judgements">${judgements.map(j => `<li>${esc(j.area)}: ${j.url ? `<a class="cite" href="${esc(j.url)}">` : ''}<span class="grade grade-${esc(j.grade)}">${esc(gradeWords(j))}</span>${j.url ? '</a>' : ''}</li>`).join('')}</ul>`;
}

async function initAuthority() {
  const key = decodeURIComponent(location.pathname.replace(/^\/england\//, '').replace(/\/$/, ''));
  let p;
  try { p = await getJson('/api/authorities/' + encodeURIComponent(key)); }
  catch (e) { $('name').textContent = 'Authority not found'; $('facts').textContent = e.message; return; }
  const a = p.authority;
  areas = p.areas;
  document.title = `${a.name}: judgements and statistical neighbours — SearchService`;
  $('name').textContent = a.name;
  $('crumb').textContent = a.name;
  document.querySelectorAll('.who').forEach(w => { w.textContent = a.name; });
  $('facts').innerHTML = `${esc(a.type || 'Authority')} in ${esc(a.region)} · DfE code ${esc(a.laCode)} · ONS code ${esc(a.onsCode)} · ${a.documents} document${a.documents === 1 ? '' : 's'} indexed
    · <a href="/?authority=${encodeURIComponent(a.name)}">Browse its paragraphs</a>${a.replaced ? ' · <strong>Replaced since by other authorities</strong>' : ''}`;

  const l = a.latest;
  $('latest').innerHTML = l
    ? `<p><a href="${esc(l.url)}">${esc(l.title)}</a> — ${esc(l.framework || l.documentType)}${l.inspectionStart ? `, inspected ${esc(day(l.inspectionStart))} to ${esc(day(l.inspectionEnd))}` : ''}${l.published ? `, published ${esc(day(l.published))}` : ''}.</p>${judgementList(l.judgements)}`
    : '<p class="meta">No inspection report of this authority is indexed.</p>';

  $('timeline').innerHTML = `<caption>Every indexed report about ${esc(a.name)}, oldest first</caption>
    <thead><tr><th scope="col">Published</th><th scope="col">Report</th><th scope="col">Judgements</th></tr></thead>
    <tbody>${p.timeline.map(t => `<tr><td>${esc(day(t.published)) || '<span class="meta">undated</span>'}</td><td><a href="${esc(t.url)}">${esc(t.framework && t.framework !== 'Unknown' ? t.framework : t.documentType)}</a>${
      t.inspectionStart ? `<br><span class="meta">on site ${esc(day(t.inspectionStart))} to ${esc(day(t.inspectionEnd))}</span>` : ''}</td><td>${judgementList(t.judgements)}</td></tr>`).join('')}</tbody>`;

  $('neighbours').innerHTML = gradeTable(`${a.name} and its ten statistical neighbours, closest first`,
    [gradeRow(a, true, null), ...p.neighbours.map(n => gradeRow(n.authority, false, n.rank))], true);
  $('neighboursXlsx').href = `/api/export/england?format=xlsx&neighboursOf=${encodeURIComponent(a.name)}`;
  $('regionSummary').textContent = `The ${p.regionAuthorities.length} authorities of ${p.region}`;
  $('region').innerHTML = gradeTable(`Authorities of ${p.region}`, p.regionAuthorities.map(r => gradeRow(r, r.name === a.name)), false);

  const scope = () => document.querySelector('input[name=scope]:checked').value;
  $('scoped').addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    if ($('sq').value.trim()) params.set('q', $('sq').value.trim());
    params.set(scope() === 'neighbours' ? 'neighboursOf' : 'authority', a.name);
    location.href = '/?' + params.toString();
  });
  $('compare').addEventListener('click', () => compareGroup(a));
}

// Matching paragraphs per authority of the group: the comparison an analyst puts in a committee paper.
async function compareGroup(a) {
  const box = $('comparison');
  const q = $('sq').value.trim();
  const params = new URLSearchParams({ by: 'authority', neighboursOf: a.name });
  if (q) params.set('q', q);
  box.hidden = false;
  box.textContent = 'Counting…';
  try {
    const t = await getJson('/api/trends?' + params.toString());
    const pct = (x) => `${(x * 100).toFixed(1)}%`;
    box.innerHTML = `<h2>${q ? `“${esc(q)}”` : 'Every paragraph'} in ${esc(a.name)} and its neighbours</h2>
      <div class="scroll" tabindex="0" role="region" aria-label="Comparison"><table class="comparison-table"><caption>Matching paragraphs per authority, as a share of the paragraphs indexed for it</caption>
      <thead><tr><th scope="col">Authority</th><th scope="col">Matching paragraphs</th><th scope="col">In documents</th><th scope="col">Paragraphs indexed</th><th scope="col">Share</th></tr></thead>
      <tbody>${t.buckets.map(b => `<tr${b.value === a.name ? ' class="self"' : ''}><th scope="row"><a href="/?${new URLSearchParams(q ? { q, authority: b.value } : { authority: b.value }).toString()}">${esc(b.value)}</a></th>
        <td>${b.paragraphs}</td><td>${b.documents}</td><td>${b.totalParagraphs || '<span class="meta">none indexed</span>'}</td><td>${b.totalParagraphs ? pct(b.share) : '—'}</td></tr>`).join('')}</tbody></table></div>
      <p><a class="button" href="/api/export/trends?${params.toString()}&format=xlsx" download>Download (XLSX)</a>
         <a class="button" href="/api/export/trends?${params.toString()}&format=csv" download>CSV</a></p>`;
  } catch (e) { box.textContent = 'Could not compare: ' + e.message; }
}

if (document.body.dataset.page === 'england') initEngland();
else initAuthority();
