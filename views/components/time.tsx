/** An instant shown in UTC with a machine-readable datetime. */
export function Time({ ms, withTime = true }: { ms: number | null | undefined; withTime?: boolean }) {
  if (ms === null || ms === undefined) return <span class="muted">—</span>;
  const iso = new Date(ms).toISOString();
  return <time datetime={iso}>{withTime ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : iso.slice(0, 10)}</time>;
}
