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

// The folded filter bar's summary names the filters in force ("Filters: Last 12 months · DACH");
// htmx swaps only the results, so it is updated from the form when the filters are applied.
function filtersSummary(form) {
  const parts = [];
  const period = form.querySelector('select[name="period"]');
  if (period) {
    const from = form.querySelector('input[name="from"]');
    const to = form.querySelector('input[name="to"]');
    parts.push(
      period.value === 'custom' && from?.value && to?.value
        ? `${from.value} – ${to.value}`
        : (period.selectedOptions[0]?.textContent ?? ''),
    );
  }
  const team = form.querySelector('select[name="team"]');
  if (team) parts.push(team.selectedOptions[0]?.textContent ?? '');
  const type = form.querySelector('select[name="type"]');
  if (type?.value) parts.push(type.selectedOptions[0]?.textContent ?? '');
  return parts.filter(Boolean).join(' · ');
}
for (const name of ['submit', 'change']) {
  document.addEventListener(name, (event) => {
    const form = event.target instanceof Element ? event.target.closest('form') : null;
    const current = form?.querySelector('.filters-fold .filters-current');
    if (!current) return;
    if (name === 'change' && !form.hasAttribute('hx-trigger')) return;
    current.textContent = filtersSummary(form);
  });
}
