// SearchService page: search, facets, trends, judgements timeline, answers and a briefing basket.
// The URL holds the whole state (query, filters, page, sort, grouping) so a search can be shared.
'use strict';

const FACETS = [
  ['authority', 'Authority'], ['region', 'Region'], ['authorityType', 'Authority type'], ['year', 'Year published'],
  ['documentType', 'Document type'], ['framework', 'Framework'], ['outcomeArea', 'Outcome area'], ['grade', 'Grade'],
];
const LIST_PARAMS = ['authority', 'region', 'authorityType', 'year', 'documentType', 'framework', 'outcomeArea', 'grade', 'neighboursOf'];
const CHIP_NAMES = { neighboursOf: 'Statistical neighbours of' };
const PAGE_SIZES = ['10', '20', '50', '100'];
const BASKET_KEY = 'searchservice.briefing';
const $ = (id) => document.getElementById(id);

// A grade badge shows the words the report printed ("Requires improvement to be good", "Grade 2 (Good)");
// when they name no level ("Grade 2") the level follows in words: never colour alone (HtmlPage.GradeText, the same rule).
const LEVEL_WORDS = /outstanding|good|adequate|requires improvement|inadequate|not judged|satisfactory|poor|excellent/i;
function badge(g) {
  const text = LEVEL_WORDS.test(g.raw) ? g.raw : `${g.raw} (${g.label})`;
  return `<span class="grade grade-${esc(g.label.replace(/ /g, '-'))}">${esc(text)}</span>`;
}

// "para. 86" for a printed number; other labels ("front page", "Table 1") as they stand.
function locator(label) {
  return /^\d+(\.\d+)*$/.test(label) ? `para. ${label}` : label;
}

function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

// ---- State in the URL -------------------------------------------------------------------------

function readState() {
  const p = new URLSearchParams(location.search);
  const s = { q: p.get('q') || '', page: Math.max(1, parseInt(p.get('page') || '1', 10) || 1), sort: p.get('sort') || 'relevance',
              groupBy: p.get('groupBy') || '', yearFrom: p.get('yearFrom') || '', yearTo: p.get('yearTo') || '',
              ask: p.get('ask') === '1', match: p.get('match') === 'any' ? 'any' : '', exact: p.get('exact') === 'true' ? 'true' : '',
              chart: p.get('chart') === 'share' ? 'share' : '',
              latest: p.get('latest') === 'true' ? 'true' : '', pageSize: PAGE_SIZES.includes(p.get('pageSize')) ? p.get('pageSize') : '10' };
  for (const k of LIST_PARAMS) s[k] = p.getAll(k);
  return s;
}

function toParams(s, extra = {}) {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const k of LIST_PARAMS) for (const v of s[k]) p.append(k, v);
  if (s.yearFrom) p.set('yearFrom', s.yearFrom);
  if (s.yearTo) p.set('yearTo', s.yearTo);
  if (s.sort && s.sort !== 'relevance') p.set('sort', s.sort);
  if (s.groupBy) p.set('groupBy', s.groupBy);
  if (s.ask) p.set('ask', '1');
  if (s.match) p.set('match', s.match);
  if (s.exact) p.set('exact', s.exact);
  if (s.chart) p.set('chart', s.chart);
  if (s.latest) p.set('latest', s.latest);
  if (s.pageSize && s.pageSize !== '10') p.set('pageSize', s.pageSize);
  if (s.page > 1) p.set('page', String(s.page));
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

function go(s) {
  const url = '?' + toParams(s).toString();
  history.pushState(null, '', url === '?' ? location.pathname : url);
  render();
}

window.addEventListener('popstate', render);

// ---- Talking to the API -----------------------------------------------------------------------

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && (body.detail || body.title)) || `HTTP ${r.status}`);
  return body;
}

// A question only when it ends with "?" or the user asks for an answer: a search that starts with "what" or "does" stays a search.
const isQuestion = (s) => Boolean(s.q) && (s.ask || /\?\s*$/.test(s.q));

// ---- Rendering ----------------------------------------------------------------------------------

// Each render takes a number; a response that comes back after a newer render has started is
// dropped, so two quick changes (sort, then page size) always end showing the second one.
let renderSeq = 0;
const isStale = (seq) => seq !== renderSeq;

async function render() {
  const seq = ++renderSeq;
  const s = readState();
  $('q').value = s.q;
  $('sort').value = s.sort;
  $('match').value = s.match || 'all';
  $('useSynonyms').checked = !s.exact;
  $('group').checked = s.groupBy === 'document';
  $('latest').checked = s.latest === 'true';
  $('pageSize').value = s.pageSize;
  $('ask').checked = s.ask;
  $('yearFrom').value = s.yearFrom;
  $('yearTo').value = s.yearTo;
  renderChips(s);
  // The export holds every match of this search, filters and order included (not just this page).
  const exported = toParams({ ...s, page: 1, groupBy: '', pageSize: '' });
  $('exportXlsx').href = '/api/export/search?' + new URLSearchParams([...exported, ['format', 'xlsx']]).toString();
  $('exportCsv').href = '/api/export/search?' + new URLSearchParams([...exported, ['format', 'csv']]).toString();
  const answerBox = $('answer');
  answerBox.hidden = true;
  try {
    const asking = isQuestion(s);
    const search = getJson('/api/search?' + toParams({ ...s, q: asking ? '' : s.q, chart: '', pageSize: '' }, { pageSize: s.pageSize }).toString());
    const ask = asking ? getJson('/api/ask?' + toParams({ ...s, page: 1, sort: 'relevance', groupBy: '', ask: false, match: '', exact: '', chart: '', pageSize: '' }).toString()) : null;
    const result = await search;
    if (isStale(seq)) return;
    const shown = asking && ask ? await renderAnswer(ask, seq) || result : result;
    if (isStale(seq)) return;
    renderFacets(result.facets, s);
    renderNotices(asking ? null : result, s);
    renderResults(shown, s, asking);
    renderSuggestion(asking ? null : result);
    if (!asking) renderTrend(s, seq); else $('trend').hidden = true;
    renderTimeline(s, seq);
  } catch (e) {
    if (isStale(seq)) return;
    $('summary').textContent = 'Could not search: ' + e.message;
    $('results').innerHTML = '';
    $('pager').innerHTML = '';
  }
}

async function renderAnswer(askPromise, seq) {
  const box = $('answer');
  let r;
  try { r = await askPromise; } catch (e) { if (isStale(seq)) return null; box.hidden = false; box.className = 'answer none'; box.textContent = e.message; return null; }
  if (isStale(seq)) return null;
  box.hidden = false;
  if (!r.answer) {
    box.className = 'answer none';
    box.innerHTML = `<h2>No answer found</h2><p>${esc(r.reason)}</p>${r.passages.length ? '<p class="meta">The closest passages are listed below.</p>' : ''}`;
  } else {
    const c = r.citations[0];
    // Below 0.8 the answer is shown as a possible answer, not as fact.
    const firm = r.band === 'answer';
    box.className = firm ? 'answer' : 'answer possible';
    const source = c ? [c.authority, c.documentTitle, c.date, c.paragraph && locator(c.paragraph)].filter(Boolean).map(esc).join(' · ') : '';
    box.innerHTML = `<h2>${firm ? 'Answer' : 'Possible answer'}</h2>
      <p class="value">${esc(r.answer.text)}${r.answer.value && r.answer.value !== r.answer.text ? ` <span class="grade grade-${esc(r.answer.value.replace(/ /g, '-'))}">${esc(r.answer.value)}</span>` : ''}</p>
      <p class="meta band">${firm ? 'High confidence' : 'Low confidence: check the source'} (${Math.round(r.confidence * 100)}%)</p>
      ${c ? `<blockquote>${esc(c.quote)}</blockquote>
      <p class="meta source">${source}</p>
      <p class="meta">${esc(c.citation.text)} <a href="${esc(c.citation.url)}">Open in context</a></p>
      <button type="button" class="copy" data-copy="${esc(c.citation.text + ' ' + c.citation.url)}">Copy citation</button>` : ''}`;
  }
  // The passages behind the answer are the hits to show.
  return { query: r.question, total: r.passages.length, page: 1, pageSize: r.passages.length, hits: r.passages, facets: null, asked: true };
}

// What the search did with the words: dropped some (relaxed), searched synonyms, stopped early.
function renderNotices(result, s) {
  const relaxed = $('relaxed'), partial = $('partial'), syn = $('synonyms');
  relaxed.hidden = partial.hidden = true;
  syn.hidden = true;
  if (!result || !s.q) return;
  if (result.relaxed && result.relaxation) {
    const r = result.relaxation;
    const few = r.matchedAllWords === 0 ? 'No paragraph has every word' : `Only ${r.matchedAllWords.toLocaleString('en-GB')} ${r.matchedAllWords === 1 ? 'paragraph has' : 'paragraphs have'} every word`;
    relaxed.textContent = `${few}: also showing paragraphs without ${r.dropped.map(w => `“${w}”`).join(', ')}. Put + before a word to require it.`;
    relaxed.hidden = false;
  }
  if (result.partial && result.missing) {
    partial.textContent = `At least ${result.total.toLocaleString('en-GB')} paragraphs: ${result.missing.reason} The counts and facets are incomplete.`;
    partial.hidden = false;
  }
  const alternatives = (result.expansions || []).flatMap(e => e.alternatives);
  if (alternatives.length > 0 || s.exact) {
    $('synonymList').innerHTML = s.exact ? 'Synonyms are off: only the words as typed.'
      : `Also matched: ${alternatives.map(a => `<span class="form">${esc(a)}</span>`).join(', ')}`;
    syn.hidden = false;
  }
}

// "Did you mean": the query with its unknown words replaced by the closest words the reports use.
function renderSuggestion(result) {
  let box = $('suggestion');
  if (!box) {
    box = document.createElement('p');
    box.id = 'suggestion';
    box.className = 'suggestion';
    document.querySelector('.toolbar').after(box);
  }
  box.hidden = !(result && result.suggestion);
  if (box.hidden) { box.innerHTML = ''; return; }
  const next = { ...readState(), q: result.suggestion, page: 1 };
  box.innerHTML = `Did you mean <a href="?${esc(toParams(next).toString())}">${esc(result.suggestion)}</a>?`;
  box.querySelector('a').addEventListener('click', (e) => { e.preventDefault(); go(next); });
}

function renderChips(s) {
  const chips = [];
  for (const k of LIST_PARAMS) for (const v of s[k]) chips.push({ k, v, label: `${CHIP_NAMES[k] || FACETS.find(f => f[0] === k)[1]}: ${v}` });
  if (s.yearFrom) chips.push({ k: 'yearFrom', v: s.yearFrom, label: `From ${s.yearFrom}` });
  if (s.yearTo) chips.push({ k: 'yearTo', v: s.yearTo, label: `To ${s.yearTo}` });
  if (s.latest) chips.push({ k: 'latest', v: s.latest, label: 'Latest inspections only' });
  const toggle = $('filtersToggle');
  toggle.textContent = chips.length ? `Filters (${chips.length})` : 'Filters';
  $('chips').innerHTML = chips.map((c, i) =>
    `<button type="button" class="chip" data-chip="${i}" aria-label="Remove filter ${esc(c.label)}">${esc(c.label)} ✕</button>`).join('');
  $('chips').querySelectorAll('[data-chip]').forEach(b => b.addEventListener('click', () => {
    const c = chips[+b.dataset.chip];
    const next = readState();
    if (LIST_PARAMS.includes(c.k)) next[c.k] = next[c.k].filter(v => v !== c.v); else next[c.k] = '';
    next.page = 1;
    go(next);
  }));
}

function renderFacets(facets, s) {
  if (!facets) return;
  // The lists are drawn anew: a keyboard user keeps their place on the box they just ticked.
  const focused = document.activeElement && $('facetLists').contains(document.activeElement) ? document.activeElement.id : null;
  $('facetLists').innerHTML = FACETS.map(([key, title]) => {
    const values = facets[key] || [];
    if (values.length === 0) return '';
    return `<fieldset class="facet"><legend>${esc(title)}</legend><ul>${values.map(v => {
      const id = `f-${key}-${v.value}`.replace(/[^A-Za-z0-9_-]/g, '_');
      const checked = s[key].includes(v.value) ? 'checked' : '';
      const profile = key === 'authority' && v.value !== 'Unknown'
        ? `<a class="profile" href="/england/${encodeURIComponent(v.value)}" aria-label="${esc(v.value)}: judgements and statistical neighbours" title="Judgements and statistical neighbours">›</a>` : '';
      return `<li><label for="${esc(id)}"><input type="checkbox" id="${esc(id)}" data-facet="${esc(key)}" value="${esc(v.value)}" ${checked}>
        <span>${esc(v.value)}</span><span class="n">${v.count}</span></label>${profile}</li>`;
    }).join('')}</ul></fieldset>`;
  }).join('');
  $('facetLists').querySelectorAll('input[data-facet]').forEach(cb => cb.addEventListener('change', () => {
    const next = readState();
    const key = cb.dataset.facet;
    next[key] = cb.checked ? [...new Set([...next[key], cb.value])] : next[key].filter(v => v !== cb.value);
    next.page = 1;
    go(next);
  }));
  if (focused && $(focused)) $(focused).focus();
}

function renderResults(result, s, asking) {
  const total = result.total;
  const n = (x) => x.toLocaleString('en-GB');
  const atLeast = result.partial ? 'at least ' : '';
  let counted;
  if (asking) counted = `${n(total)} passages behind the answer`;
  else if (s.groupBy === 'document') counted = `${atLeast}${n(result.documents)} documents (${n(total)} paragraphs)`;
  else counted = `${atLeast}${n(total)} paragraphs in ${n(result.documents)} documents`;
  $('summary').textContent = s.q || LIST_PARAMS.some(k => s[k].length)
    ? `${counted}${result.warning && !result.partial ? ' — ' + result.warning : ''}`
    : `${n(total)} paragraphs indexed: search or pick a filter`;
  $('results').innerHTML = result.hits.map((h, i) => `
    <li class="hit" data-id="${esc(h.id)}">
      <h3><a href="/p/${encodeURIComponent(h.id)}">${esc(h.documentTitle)}</a></h3>
      <p class="meta">${h.authority && h.authority !== 'Unknown' ? `<a href="/england/${encodeURIComponent(h.authority)}" title="Judgements and statistical neighbours">${esc(h.authority)}</a>` : esc(h.authority)} · ${esc(h.date || '')} · ${esc(h.documentType)} · ${esc(locator(h.paragraph))}
        ${h.grade ? badge(h.grade) : ''}
        ${h.moreInDocument ? ` · ${h.moreInDocument} more in this document` : ''}</p>
      ${h.sectionPath.length ? `<p class="path">${h.sectionPath.map(esc).join(' › ')}</p>` : ''}
      <p class="snippet">${h.snippet}</p>
      ${h.alsoMatched && h.alsoMatched.length ? `<p class="also">Matched the synonym ${h.alsoMatched.map(esc).join(', ')}</p>` : ''}
      <div class="actions">
        <button type="button" class="copy" data-copy="${esc(h.citation.text + ' ' + h.citation.url)}">Copy citation</button>
        <a href="/p/${encodeURIComponent(h.id)}">Open in context</a>
        <button type="button" class="add" data-add="${i}">Add to briefing</button>
      </div>
    </li>`).join('');
  $('results').querySelectorAll('[data-add]').forEach(b => b.addEventListener('click', () => {
    const h = result.hits[+b.dataset.add];
    addToBasket({ id: h.id, title: h.documentTitle, paragraph: h.paragraph, citation: h.citation.text, note: '' });
    b.textContent = 'Added';
  }));
  bindCopy(document);
  renderPager(result, s, asking);
}

function renderPager(result, s, asking) {
  // The pages are what the list shows: documents when grouped, paragraphs otherwise.
  const items = s.groupBy === 'document' && !asking ? result.documents : result.total;
  const size = +s.pageSize || 10;
  const pages = asking ? 1 : Math.min(Math.ceil(items / size), Math.floor(10000 / size));
  if (pages <= 1) { $('pager').innerHTML = ''; return; }
  const from = Math.max(1, s.page - 3), to = Math.min(pages, s.page + 3);
  let html = s.page > 1 ? `<button type="button" data-page="${s.page - 1}">Previous</button>` : '';
  for (let p = from; p <= to; p++) html += `<button type="button" data-page="${p}" ${p === s.page ? 'aria-current="page"' : ''}>${p}</button>`;
  if (s.page < pages) html += `<button type="button" data-page="${s.page + 1}">Next</button>`;
  $('pager').innerHTML = html;
  $('pager').querySelectorAll('[data-page]').forEach(b => b.addEventListener('click', () => {
    const next = readState(); next.page = +b.dataset.page; go(next); $('results').focus();
  }));
}

// The per-year chart: every year of the range (zeros drawn as empty), counts on a labelled axis,
// or each year's share of its indexed paragraphs — one or the other, chosen by the reader.
async function renderTrend(s, seq = renderSeq) {
  const box = $('trend');
  if (!s.q) { box.hidden = true; return; }
  try {
    const t = await getJson('/api/trends?' + toParams({ ...s, page: 1, sort: '', groupBy: '', chart: '' }, { by: 'year' }).toString());
    if (isStale(seq)) return;
    const buckets = t.buckets;
    if (buckets.length === 0) { box.hidden = true; return; }
    const share = s.chart === 'share';
    document.querySelectorAll('input[name=trendMode]').forEach(r => { r.checked = r.value === (share ? 'share' : 'count'); });
    $('trendCaption').textContent = share
      ? `Share of ${t.denominator} that match, per year`
      : `Matching paragraphs per year (${t.total.toLocaleString('en-GB')} in all${t.unbucketed ? `, ${t.unbucketed} undated` : ''})`;
    const value = (b) => share ? b.share : b.paragraphs;
    const max = Math.max(...buckets.map(value));
    const top = niceMax(max, share);
    const w = 640, h = 190, left = 44, bottom = 22, plot = h - bottom - 8, bw = (w - left) / buckets.length;
    const y = (v) => h - bottom - (top === 0 ? 0 : (v / top) * plot);
    const fmt = (v) => share ? `${(v * 100).toFixed(v * 100 < 10 && v > 0 ? 1 : 0)}%` : v.toLocaleString('en-GB');
    const ticks = [0, top / 2, top].map(v => `<g class="axis"><line x1="${left}" x2="${w}" y1="${y(v)}" y2="${y(v)}"></line>
      <text x="${left - 4}" y="${y(v) + 3}" text-anchor="end">${fmt(v)}</text></g>`).join('');
    const every = Math.ceil(buckets.length / 16);
    const bars = buckets.map((b, i) => {
      const bh = Math.max(0, h - bottom - y(value(b)));
      const x = left + i * bw;
      return `<g><title>${esc(b.value)}: ${b.paragraphs.toLocaleString('en-GB')} matching paragraphs in ${b.documents} documents; ${b.totalParagraphs.toLocaleString('en-GB')} paragraphs indexed (${(b.share * 100).toFixed(1)}%)</title>
        <rect class="${b.paragraphs === 0 ? 'zero' : ''}" data-year="${esc(b.value)}" data-count="${b.paragraphs}" data-share="${b.share}" data-total="${b.totalParagraphs}"
          x="${x + 2}" y="${h - bottom - bh}" width="${Math.max(2, bw - 4)}" height="${bh}"></rect>
        ${i % every === 0 ? `<text class="year" x="${x + bw / 2}" y="${h - 6}" text-anchor="middle">${esc(b.value)}</text>` : ''}</g>`;
    }).join('');
    // The same numbers as a table: the chart's text alternative.
    $('trendTable').innerHTML = `<table><caption class="visually-hidden">${esc($('trendCaption').textContent)}</caption>
      <thead><tr><th scope="col">Year</th><th scope="col">Matching paragraphs</th><th scope="col">In documents</th><th scope="col">Paragraphs indexed</th><th scope="col">Share</th></tr></thead>
      <tbody>${buckets.map(b => `<tr><th scope="row">${esc(b.value)}</th><td>${b.paragraphs.toLocaleString('en-GB')}</td><td>${b.documents.toLocaleString('en-GB')}</td>
        <td>${b.totalParagraphs.toLocaleString('en-GB')}</td><td>${(b.share * 100).toFixed(1)}%</td></tr>`).join('')}</tbody></table>`;
    $('trendChart').innerHTML = `<svg viewBox="0 0 ${w} ${h}" role="img" aria-label="${share ? 'Share of paragraphs' : 'Matching paragraphs'} per year, ${esc(buckets[0].value)} to ${esc(buckets[buckets.length - 1].value)}">
      ${ticks}<line class="baseline" x1="${left}" x2="${w}" y1="${h - bottom}" y2="${h - bottom}" stroke="currentColor"></line>${bars}</svg>`;
    box.hidden = false;
  } catch { if (!isStale(seq)) box.hidden = true; }
}

// A round top for the axis: 1, 2 or 5 times a power of ten (shares in whole per cent).
function niceMax(max, share) {
  if (max <= 0) return share ? 0.01 : 1;
  const scaled = share ? max * 100 : max;
  const p = Math.pow(10, Math.floor(Math.log10(scaled)));
  const m = [1, 2, 5, 10].find(f => f * p >= scaled) * p;
  return share ? m / 100 : Math.max(1, m);
}

async function renderTimeline(s, seq) {
  const box = $('timeline');
  if (s.authority.length !== 1) { box.hidden = true; return; }
  try {
    const list = await getJson('/api/judgements?authority=' + encodeURIComponent(s.authority[0]));
    if (isStale(seq)) return;
    if (list.length === 0) { box.hidden = true; return; }
    box.innerHTML = `<details><summary><strong>Judgements timeline for ${esc(s.authority[0])}, ${esc(list[0].year)}–${esc(list[list.length - 1].year)}</strong> (${list.length})</summary>
      <p><a href="/england/${encodeURIComponent(s.authority[0])}">${esc(s.authority[0])} beside its statistical neighbours</a></p>
      <table><thead><tr><th scope="col">Year</th><th scope="col">Report</th><th scope="col">Judgement</th><th scope="col">Grade</th></tr></thead><tbody>
      ${list.map(j => `<tr><td>${esc(j.year)}</td><td>${esc(j.documentType)}</td><td>${esc(j.area)}</td>
        <td>${j.paragraphId ? `<a href="/p/${encodeURIComponent(j.paragraphId)}">` : ''}${badge(j.grade)}${j.paragraphId ? '</a>' : ''}</td></tr>`).join('')}
      </tbody></table></details>`;
    box.hidden = false;
  } catch { if (!isStale(seq)) box.hidden = true; }
}

function bindCopy(root) {
  root.querySelectorAll('button.copy').forEach(b => {
    if (b.dataset.bound) return;
    b.dataset.bound = '1';
    b.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(b.dataset.copy); b.textContent = 'Copied'; }
      catch { b.textContent = 'Copy failed'; }
    });
  });
}

// ---- Briefing basket (local storage) ------------------------------------------------------------

function basket() { try { return JSON.parse(localStorage.getItem(BASKET_KEY)) || []; } catch { return []; } }
function saveBasket(items) { localStorage.setItem(BASKET_KEY, JSON.stringify(items)); renderBasket(); }
function addToBasket(item) { const items = basket(); if (!items.some(i => i.id === item.id)) items.push(item); saveBasket(items); }

function renderBasket() {
  const items = basket();
  $('basketCount').textContent = String(items.length);
  $('basketEmpty').hidden = items.length > 0;
  $('basketItems').innerHTML = items.map((it, i) => `
    <li><strong>${esc(it.title)}</strong>, ${esc(locator(it.paragraph))}
      <label class="visually-hidden" for="note-${i}">Note for item ${i + 1}</label>
      <textarea id="note-${i}" data-note="${i}" placeholder="Your note (optional)">${esc(it.note)}</textarea>
      <div class="row">
        <button type="button" data-move="${i}" data-by="-1" aria-label="Move item ${i + 1} up" ${i === 0 ? 'disabled' : ''}>↑</button>
        <button type="button" data-move="${i}" data-by="1" aria-label="Move item ${i + 1} down" ${i === items.length - 1 ? 'disabled' : ''}>↓</button>
        <button type="button" data-remove="${i}" aria-label="Remove item ${i + 1}">Remove</button>
      </div></li>`).join('');
  $('basketItems').querySelectorAll('[data-note]').forEach(t => t.addEventListener('change', () => {
    const all = basket(); all[+t.dataset.note].note = t.value; localStorage.setItem(BASKET_KEY, JSON.stringify(all));
  }));
  $('basketItems').querySelectorAll('[data-move]').forEach(b => b.addEventListener('click', () => {
    const all = basket(), i = +b.dataset.move, j = i + (+b.dataset.by);
    [all[i], all[j]] = [all[j], all[i]]; saveBasket(all);
  }));
  $('basketItems').querySelectorAll('[data-remove]').forEach(b => b.addEventListener('click', () => {
    const all = basket(); all.splice(+b.dataset.remove, 1); saveBasket(all);
  }));
}

async function exportBriefing(format) {
  const items = basket();
  if (items.length === 0) { $('basketStatus').textContent = 'The briefing is empty.'; return; }
  $('basketStatus').textContent = 'Exporting…';
  try {
    const r = await fetch('/api/briefings', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: $('briefingTitle').value || 'Briefing', format, items: items.map(i => ({ paragraphId: i.id, note: i.note || null })) }),
    });
    if (!r.ok) { const p = await r.json().catch(() => ({})); throw new Error(p.detail || `HTTP ${r.status}`); }
    const blob = await r.blob();
    const name = (/filename="?([^";]+)/.exec(r.headers.get('Content-Disposition') || '') || [])[1] || `briefing.${format === 'markdown' ? 'md' : format}`;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob); a.download = name; document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    $('basketStatus').textContent = `Exported ${name}.`;
  } catch (e) { $('basketStatus').textContent = 'Export failed: ' + e.message; }
}

// ---- Wiring ------------------------------------------------------------------------------------

$('search').addEventListener('submit', (e) => { e.preventDefault(); const next = readState(); next.q = $('q').value.trim(); next.ask = $('ask').checked; next.page = 1; go(next); });
$('sort').addEventListener('change', () => { const next = readState(); next.sort = $('sort').value; next.page = 1; go(next); });
$('match').addEventListener('change', () => { const next = readState(); next.match = $('match').value === 'any' ? 'any' : ''; next.page = 1; go(next); });
$('useSynonyms').addEventListener('change', () => { const next = readState(); next.exact = $('useSynonyms').checked ? '' : 'true'; next.page = 1; go(next); });
document.querySelectorAll('input[name=trendMode]').forEach(r => r.addEventListener('change', () => {
  const next = readState(); next.chart = r.value === 'share' ? 'share' : ''; history.replaceState(null, '', '?' + toParams(next).toString()); renderTrend(next);
}));
$('latest').addEventListener('change', () => { const next = readState(); next.latest = $('latest').checked ? 'true' : ''; next.page = 1; go(next); });
$('pageSize').addEventListener('change', () => { const next = readState(); next.pageSize = $('pageSize').value; next.page = 1; go(next); });
$('filtersToggle').addEventListener('click', () => {
  const open = $('filtersToggle').getAttribute('aria-expanded') !== 'true';
  $('filtersToggle').setAttribute('aria-expanded', String(open));
  document.querySelector('.layout').classList.toggle('filters-open', open);
});
$('group').addEventListener('change', () => { const next = readState(); next.groupBy = $('group').checked ? 'document' : ''; next.page = 1; go(next); });
$('applyYears').addEventListener('click', () => { const next = readState(); next.yearFrom = $('yearFrom').value; next.yearTo = $('yearTo').value; next.page = 1; go(next); });
document.querySelectorAll('[data-export]').forEach(b => b.addEventListener('click', () => exportBriefing(b.dataset.export)));
renderBasket();
render();
