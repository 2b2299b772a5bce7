/** Skill × CPI link matrix: Spearman ρ with 95% interval, n, BH q, tier badge and Simpson flag. */
import type { ApiLink } from '../../../src/domain/gaps';
import { CPI_KEYS } from '../../../src/stats';
import { cpiName, tierName, type Fmt } from './format';

function LinkCell({ fmt, link }: { fmt: Fmt; link: ApiLink | undefined }) {
  const { t } = fmt;
  if (!link) return <td class="link-cell">—</td>;
  const common = { 'data-skill': link.skill, 'data-cpi': link.cpi, 'data-tier': link.tier };
  if (link.tier === 'insufficient' || !Number.isFinite(link.rho)) {
    return (
      <td class="link-cell tier-insufficient" {...common}>
        <span class="badge badge-insufficient">{tierName(t, 'insufficient')}</span>
        <span class="meta">{t('anNValue', { n: link.n })}</span>
      </td>
    );
  }
  return (
    <td class={`link-cell tier-${link.tier}`} {...common}>
      <span class="rho">{t('anRho', { value: fmt.signed(link.rho) })}</span>
      <span class="ci">{fmt.range(link.lower, link.upper, (v) => fmt.signed(v))}</span>
      <span class="meta">
        {t('anNValue', { n: link.n })}
        {link.n >= 30 && link.q !== null && <> · {t('anQValue', { value: fmt.p(link.q) })}</>}
      </span>
      <span class={`badge badge-${link.tier}`}>{tierName(t, link.tier)}</span>
      {link.simpson && (
        <span class="badge badge-bad simpson" data-simpson="true">
          {t('anSimpson')}
        </span>
      )}
    </td>
  );
}

export function LinkMatrix({ fmt, links, skills, repsAnalysed }: { fmt: Fmt; links: ApiLink[]; skills: { slug: string; name: string }[]; repsAnalysed: number }) {
  const { t } = fmt;
  const find = (skill: string, cpi: string) => links.find((l) => l.skill === skill && l.cpi === cpi);
  const findings = links.filter((l) => l.tier === 'finding');
  return (
    <>
      <p>{findings.length > 0 ? t('anMatrixSummary', { count: findings.length, reps: repsAnalysed }) : t('anMatrixNoFindings', { reps: repsAnalysed })}</p>
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('anMatrixTitle')}>
        <table class="link-matrix" data-testid="link-matrix">
          <caption class="visually-hidden">{t('anMatrixTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('anSkill')}</th>
              {CPI_KEYS.map((cpi) => (
                <th scope="col">{cpiName(t, cpi)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {skills.map((s) => (
              <tr>
                <th scope="row">{s.name}</th>
                {CPI_KEYS.map((cpi) => (
                  <LinkCell fmt={fmt} link={find(s.slug, cpi)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="legend-notes muted">
        <li>{t('anMatrixNoteRho')}</li>
        <li>{t('anMatrixNoteTiers')}</li>
        <li>{t('anMatrixNoteTurnaround')}</li>
        <li>{t('anMatrixNoteSimpson')}</li>
      </ul>
    </>
  );
}
