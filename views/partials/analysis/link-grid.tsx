/** The skill × CPI grid of the joint model's links: a plain label per cell, the numbers behind a toggle. */
import type { LinkResult } from '../../../src/domain/analysis/links';
import { CPI_KEYS } from '../../../src/stats';
import type { Fmt } from './format';
import { cpiName } from '../names';
import { LinkFigures, LinkSummary } from './link-figures';

export function LinkGrid({
  fmt,
  links,
  skills,
  modelled,
}: {
  fmt: Fmt;
  links: LinkResult[];
  skills: { slug: string; name: string }[];
  modelled: boolean;
}) {
  const { t } = fmt;
  const names = new Map(skills.map((s) => [s.slug, s.name]));
  const skillName = (slug: string) => names.get(slug) ?? slug;
  const find = (skill: string, cpi: string) => links.find((l) => l.skill === skill && l.cpi === cpi);
  const count = (tier: LinkResult['tier']) => links.filter((l) => l.tier === tier).length;
  return (
    <>
      <p data-testid="link-summary">
        {modelled
          ? t('anMatrixSummary', {
              clear: count('finding'),
              possible: count('exploratory'),
              tested: links.filter((l) => l.q !== null).length,
            })
          : t('anMatrixNoModel')}
      </p>
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
                {CPI_KEYS.map((cpi) => {
                  const link = find(s.slug, cpi);
                  if (!link) return <td class="link-cell">—</td>;
                  return (
                    <td
                      class={`link-cell tier-${link.tier}`}
                      data-skill={link.skill}
                      data-cpi={link.cpi}
                      data-tier={link.tier}
                    >
                      <LinkSummary fmt={fmt} link={link} skillName={skillName} />
                      <LinkFigures fmt={fmt} link={link} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul class="legend-notes muted">
        <li>
          {t('anMatrixNoteTiers')}
          <details class="tier-rule">
            <summary>{t('anMatrixTierRuleSummary')}</summary>
            <p>{t('anMatrixTierRule')}</p>
          </details>
        </li>
        <li>{t('anMatrixNoteSeparable')}</li>
        <li>{t('anMatrixNoteTurnaround')}</li>
      </ul>
    </>
  );
}
