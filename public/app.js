// CPI Lens: small enhancements on top of htmx. Everything works without this file.
// After a filter form or link (one that pushes the URL) swaps in new results, move focus to
// the region's first heading, so keyboard and screen-reader users land on what changed.
// Not after background loads (hx-trigger="load") or live search: focus stays where it is.
document.addEventListener('htmx:afterSwap', (event) => {
  const detail = event.detail || {};
  const trigger = detail.requestConfig?.triggeringEvent;
  const source = detail.elt instanceof Element ? detail.elt : null;
  if (!trigger || (trigger.type !== 'submit' && trigger.type !== 'click')) return;
  if (!source?.closest('[hx-push-url]')) return;
  const region = detail.target;
  if (!(region instanceof HTMLElement)) return;
  const heading = region.querySelector('h1, h2, h3');
  const target = heading instanceof HTMLElement ? heading : region;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
});
