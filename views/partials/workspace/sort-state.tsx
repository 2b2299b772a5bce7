/**
 * The heatmap's sort, kept in the filter form so that filtering keeps it. Sort links swap
 * only the results, so their fragment carries this again out of band (hx-swap-oob) to keep
 * the form in step; without JavaScript the whole page is rendered with it.
 */
export function SortState({ sort, dir, oob }: { sort: string; dir: string; oob?: boolean }) {
  return (
    <span id="reps-sort-state" hx-swap-oob={oob ? 'true' : undefined}>
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
    </span>
  );
}
