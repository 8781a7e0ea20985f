// The server-rendered pages' buttons (a file, not inline, for the Content-Security-Policy):
// copy a citation, and add the paragraph to the briefing basket the search page keeps in local storage.
'use strict';

document.querySelectorAll('[data-copy]').forEach(b => b.addEventListener('click', async () => {
  try { await navigator.clipboard.writeText(b.getAttribute('data-copy')); b.textContent = 'Copied'; } catch { b.textContent = 'Copy failed'; }
}));

const BASKET_KEY = 'searchservice.briefing'; // the search page's key (app.js)

function basket() { try { return JSON.parse(localStorage.getItem(BASKET_KEY)) || []; } catch { return []; } }

function sayBriefing(status, items, added) {
  const n = items.length;
  status.innerHTML = '';
  status.append(`${added ? 'Added. ' : 'In your briefing. '}Your briefing has ${n} ${n === 1 ? 'paragraph' : 'paragraphs'}: `);
  const link = document.createElement('a');
  link.href = '/#basket';
  link.textContent = 'export it from the search page';
  status.append(link, '.');
}

document.querySelectorAll('[data-add-to-briefing]').forEach(b => {
  const status = document.getElementById('briefingStatus');
  const already = basket().some(i => i.id === b.dataset.id);
  if (already) { b.textContent = 'In your briefing'; sayBriefing(status, basket(), false); }
  b.addEventListener('click', () => {
    const items = basket();
    if (!items.some(i => i.id === b.dataset.id))
      items.push({ id: b.dataset.id, title: b.dataset.title, paragraph: b.dataset.paragraph, citation: b.dataset.citation, note: '' });
    localStorage.setItem(BASKET_KEY, JSON.stringify(items));
    b.textContent = 'In your briefing';
    sayBriefing(status, items, true);
  });
});
