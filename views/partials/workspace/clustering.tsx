/**
 * The design effect of a team's or the org's figure in plain words: its answers count like
 * fewer independent ones (docs/statistics.md, "Team and org figures"). A rep's figure has none.
 */
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { Clustering } from '../../../src/domain/group-figures';
import type { Formats } from './format';

type MaybeClustered = Partial<Clustering> | null | undefined;

const known = (c: MaybeClustered): c is Clustering =>
  c != null && c.designEffect !== undefined && c.effectiveN !== undefined && Number.isFinite(c.designEffect);

/** The numbers a sentence about a figure of `n` answers needs; null for a rep's figure. */
export function clusteringVars(
  f: Formats,
  c: MaybeClustered,
  n: number,
): { n: string; neff: string; deff: string } | null {
  return known(c) ? { n: f.int(n), neff: f.int(c.effectiveN), deff: f.factor(c.designEffect) } : null;
}

/** A tile's details: one sentence per clustered figure; nothing for a rep's figures. */
export function ClusteringDetails({ t, sentences }: { t: StaffT; sentences: (string | null)[] }) {
  const shown = sentences.filter((s): s is string => s !== null);
  if (shown.length === 0) return null;
  return (
    <details class="tile-clustering">
      <summary>{t('wsClusterDetails')}</summary>
      {shown.map((s) => (
        <p class="tile-detail">{s}</p>
      ))}
    </details>
  );
}

/** A table cell's short line: "like 131 independent · design effect 3.1"; null for a rep's figure. */
export function clusteringShort(t: StaffT, f: Formats, c: MaybeClustered): string | null {
  return known(c) ? t('wsClusterShort', { neff: f.int(c.effectiveN), deff: f.factor(c.designEffect) }) : null;
}
