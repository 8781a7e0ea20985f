// The copy buttons of the paragraph and document pages (a file, not inline, for the Content-Security-Policy).
document.querySelectorAll('[data-copy]').forEach(b => b.addEventListener('click', async () => {
  try { await navigator.clipboard.writeText(b.getAttribute('data-copy')); b.textContent = 'Copied'; } catch { b.textContent = 'Copy failed'; }
}));
