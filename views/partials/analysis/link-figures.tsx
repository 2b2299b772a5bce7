/**
 * One skill × CPI link of the joint model, plain words first: its label ("clear link",
 * "possible link", "no evidence yet", "can't tell apart from …"), the direction of a clear or
 * possible link, what a link without evidence could have detected; the numbers (change per
 * SD with its interval, q, detectable effect, VIF, unadjusted ρ) behind a toggle.
 */
import type { LinkResult } from '../../../src/domain/analysis/links';
import { lowerIsBetter } from '../../../src/stats';
import type { Fmt } from './format';
import { tierName } from '../names';

export function LinkSummary({
  fmt,
  link,
  skillName,
}: {
  fmt: Fmt;
  link: LinkResult;
  skillName: (slug: string) => string;
}) {
  const { t } = fmt;
  const claimed = link.tier === 'finding' || link.tier === 'exploratory';
  const better = link.estimate !== null && link.estimate > 0 !== lowerIsBetter(link.cpi);
  return (
    <>
      <span class={`badge badge-${link.tier}`}>{tierName(t, link, skillName)}</span>
      {claimed && link.estimate !== null && (
        <span class="direction">{better ? t('anDirBetter') : t('anDirWorse')}</span>
      )}
      {link.tier === 'no-evidence' && link.mde !== null && (
        <span class="detectable">{t('anCouldDetect', { value: fmt.effectSize(link.cpi, link.mde) })}</span>
      )}
    </>
  );
}

export function LinkFigures({ fmt, link }: { fmt: Fmt; link: LinkResult }) {
  const { t } = fmt;
  const { cpi } = link;
  return (
    <details class="link-figures">
      <summary>{t('anFigures')}</summary>
      <dl>
        {link.estimate !== null && (
          <>
            <dt>{t('anFigEstimate')}</dt>
            <dd>{fmt.effect(cpi, link.estimate)}</dd>
          </>
        )}
        {link.lower !== null && link.upper !== null && (
          <>
            <dt>{t('anFigInterval')}</dt>
            <dd>{fmt.range(link.lower, link.upper, (v) => fmt.effect(cpi, v))}</dd>
          </>
        )}
        {link.estimate !== null && (
          <>
            <dt>{t('anFigQ')}</dt>
            <dd>{link.q === null ? t('anFigNotTested') : fmt.p(link.q)}</dd>
          </>
        )}
        {link.mde !== null && (
          <>
            <dt>{t('anFigMde')}</dt>
            <dd>{t('anPerSd', { value: fmt.effectSize(cpi, link.mde) })}</dd>
          </>
        )}
        {link.vif !== null && (
          <>
            <dt>{t('anFigVif')}</dt>
            <dd>{fmt.num(link.vif, 2)}</dd>
          </>
        )}
        {link.unadjustedRho !== null && (
          <>
            <dt>{t('anFigRho')}</dt>
            <dd>{fmt.signed(link.unadjustedRho)}</dd>
          </>
        )}
        <dt>{t('anFigN')}</dt>
        <dd>{link.n}</dd>
      </dl>
    </details>
  );
}
