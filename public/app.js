// CPI Lens: small enhancements on top of htmx. Everything works without this file.
// After htmx swaps in new results, move focus to the region's first heading (or the
// region itself) so keyboard and screen-reader users land on what changed.
document.addEventListener('htmx:afterSwap', (event) => {
  const region = event.detail && event.detail.target;
  if (!region || !(region instanceof HTMLElement) || region.id === 'save-status') return;
  const heading = region.querySelector('h1, h2, h3');
  const target = heading instanceof HTMLElement ? heading : region;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: false });
});
