/**
 * What an organisation without a joint model sees (docs/statistics.md, "Skill-gap score", step 6):
 * nothing put down to skills, each rep's CPIs likely below target, and how many more reps
 * to assess before skills can be linked to CPIs.
 */
import type { RepShortfalls } from '../../../src/domain/gap-analysis';
import type { CpiShortfall } from '../../../src/domain/analysis/rep-view';
import type { Fmt } from './format';
import { cpiName } from '../names';

function ShortfallText({ fmt, s }: { fmt: Fmt; s: CpiShortfall }) {
  const { t } = fmt;
  return (
    <>
      {t('anEvidenceCpi', { cpi: cpiName(t, s.cpi), value: fmt.cpi(s.cpi, s.value), target: fmt.cpi(s.cpi, s.target) })}{' '}
      · {t('anEvidenceBelow', { p: fmt.prob(s.probabilityBelowTarget) })}
    </>
  );
}

export function TeamShortfalls({ fmt, reps, more }: { fmt: Fmt; reps: RepShortfalls[]; more: number }) {
  const { t } = fmt;
  return (
    <>
      <p class="notice">{more > 0 ? t('anNoModelIntro', { more }) : t('anNoModelNoVariation')}</p>
      {reps.length === 0 ? (
        <p class="muted">{t('anNoShortfalls')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('anNoModelTitle')}>
          <table class="shortfalls wide" data-testid="shortfalls">
            <caption class="visually-hidden">{t('anNoModelTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('anRep')}</th>
                <th scope="col">{t('anTeam')}</th>
                <th scope="col">{t('anEvidence')}</th>
              </tr>
            </thead>
            <tbody>
              {reps.map((r) => (
                <tr>
                  <th scope="row">
                    <a href={`/reps/${r.repId}`}>{r.repName}</a>
                  </th>
                  <td>{r.team ?? '—'}</td>
                  <td>
                    <ul class="plain evidence">
                      {r.short.map((s) => (
                        <li>
                          <ShortfallText fmt={fmt} s={s} />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function RepShortfallList({ fmt, shortfalls, more }: { fmt: Fmt; shortfalls: CpiShortfall[]; more: number }) {
  const { t } = fmt;
  return (
    <>
      <p class="notice" data-testid="rep-no-model">
        {more > 0 ? t('anRepNoModel', { more }) : t('anRepNoModelNoVariation')}
      </p>
      <ul class="plain evidence">
        {shortfalls.map((s) => (
          <li data-cpi={s.cpi}>
            <ShortfallText fmt={fmt} s={s} />
          </li>
        ))}
      </ul>
    </>
  );
}
