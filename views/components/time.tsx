/** An instant shown in UTC with a machine-readable datetime; without the time, the markup holds the day alone too. */
export function Time({ ms, withTime = true }: { ms: number | null | undefined; withTime?: boolean }) {
  if (ms === null || ms === undefined) return <span class="muted">—</span>;
  const iso = new Date(ms).toISOString();
  return withTime ? (
    <time datetime={iso}>{`${iso.slice(0, 16).replace('T', ' ')} UTC`}</time>
  ) : (
    <time datetime={iso.slice(0, 10)}>{iso.slice(0, 10)}</time>
  );
}
