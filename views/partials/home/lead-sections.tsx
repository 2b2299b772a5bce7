/**
 * The lead's home, section by section: CPI tiles against targets (each opening the reps
 * sorted by that CPI), the five largest gaps and the training results of the latest judged
 * quarter. Plain words first; every figure with its n and interval behind a toggle.
 */
import type { CpiTile } from '../../../src/domain/workspace-overview';
import type { HomeGap } from '../../../src/domain/home';
import type { EffectResult } from '../../../src/domain/analysis/training';
import { verdictOf, type Verdict } from '../../../src/domain/analysis/training-view';
import type { StaffKey, StaffT } from '../../../src/lib/i18n/staff';
import { lowerIsBetter } from '../../../src/stats';
import type { Fmt } from '../analysis/format';
import { changeText, sentence } from '../training/effect-row';
import type { Formats } from '../workspace/format';
import { cpiLabel } from '../workspace/labels';
import { unitOf } from '../format';
import { cpiName, gapLabelName } from '../names';

/** The change since the baseline has an interval that includes 0: no direction is established. */
const noClearChange = (tile: CpiTile) =>
  tile.change !== null &&
  tile.change.lower !== null &&
  tile.change.upper !== null &&
  tile.change.lower <= 0 &&
  tile.change.upper >= 0;

/** Where the CPI stands against its target in a few words, and the tone of the tile's edge. */
function progressOf(t: StaffT, tile: CpiTile): { text: string; tone: 'ok' | 'warn' | 'plain' } | null {
  const p = tile.progress;
  if (p.state === 'unknown') return null;
  if (p.state === 'met') return { text: t('hmProgressMet'), tone: 'ok' };
  if (p.state === 'slipped') return { text: t('hmProgressSlipped'), tone: 'warn' };
  if (noClearChange(tile)) return { text: t('hmProgressNoClearChange'), tone: 'plain' };
  if (p.state === 'moved-away') return { text: t('hmProgressMovedAway'), tone: 'warn' };
  return { text: t('hmProgressShare', { pct: Math.round(p.share * 100) }), tone: 'plain' };
}

/** The reps sorted by the tile's CPI, weakest first. */
const tileHref = (tile: CpiTile) => `/reps?sort=${tile.cpi}&dir=${lowerIsBetter(tile.cpi) ? 'desc' : 'asc'}`;

export function HomeTiles({ t, f, tiles }: { t: StaffT; f: Formats; tiles: CpiTile[] }) {
  return (
    <section class="home-tiles-section" aria-labelledby="home-tiles-title">
      <h2 id="home-tiles-title">
        {t('hmTilesTitle')} <span class="muted small">{t('hmTilesPeriod')}</span>
      </h2>
      <ul class="home-tiles">
        {tiles.map((tile) => {
          const unit = unitOf(tile.cpi);
          const c = tile.current;
          const target = tile.target?.target;
          const progress = progressOf(t, tile);
          return (
            <li class={`home-tile tone-${progress?.tone ?? 'plain'}`} data-cpi={tile.cpi}>
              <a href={tileHref(tile)} aria-label={t('hmTileOpen', { cpi: cpiLabel(t, tile.cpi) })}>
                {cpiLabel(t, tile.cpi)}
              </a>
              <p class="home-tile-value">{c === null ? t('notEnoughResponses') : f.value(unit, c.value)}</p>
              <p class="small">
                {target === null || target === undefined
                  ? t('hmTileNoTarget')
                  : t('hmTileTarget', { target: f.value(unit, target) })}
                {progress && c !== null && <span class="muted"> · {progress.text}</span>}
              </p>
              {c !== null && (
                <details class="numbers">
                  <summary>{t('hmNumbers')}</summary>
                  <p class="small">
                    {c.lower !== null && c.upper !== null
                      ? t('wsIntervalAndN', { range: f.range(unit, c.lower, c.upper), n: f.int(c.n) })
                      : t('wsQuotesN', { n: f.int(c.n) })}
                  </p>
                  {tile.change && (
                    <p class="small">
                      {t('wsChange')}: {f.change(unit, tile.change.estimate)}
                      {tile.change.lower !== null && tile.change.upper !== null
                        ? ` (${t('wsChangeInterval', { lower: f.change(unit, tile.change.lower), upper: f.change(unit, tile.change.upper) })})`
                        : ''}
                    </p>
                  )}
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function HomeTopGaps({
  fmt,
  gaps,
  skillNames,
}: {
  fmt: Fmt;
  gaps: HomeGap[];
  skillNames: Record<string, string>;
}) {
  const { t } = fmt;
  return (
    <section class="home-top-gaps" aria-labelledby="home-top-gaps-title">
      <h2 id="home-top-gaps-title">{t('hmTopGapsTitle')}</h2>
      {gaps.length === 0 ? (
        <p>{t('hmTopGapsNone')}</p>
      ) : (
        <ol class="home-list" data-testid="home-top-gaps">
          {gaps.map(({ repId, repName, team, gap }) => (
            <li>
              <a href={`/reps/${repId}`}>{repName}</a>
              {team && <span class="muted"> ({team})</span>}:{' '}
              {t('hmTopGapLine', {
                skill: skillNames[gap.skill] ?? gap.skill,
                cpi: gap.cpi ? cpiName(t, gap.cpi).toLowerCase() : '—',
              })}{' '}
              <span class={`badge gap-label gap-${gap.label ?? 'none'}`}>{gapLabelName(t, gap.label)}</span>
            </li>
          ))}
        </ol>
      )}
      {gaps.length > 0 && (
        <details class="numbers">
          <summary>{t('hmNumbers')}</summary>
          <ul class="small">
            {gaps.map(({ repName, gap, n }) => (
              <li>
                {t('hmTopGapNumbers', {
                  rep: repName,
                  n: n ?? '—',
                  score: fmt.num(gap.score ?? NaN),
                  range:
                    gap.lower !== null && gap.upper !== null ? fmt.range(gap.lower, gap.upper, (v) => fmt.num(v)) : '—',
                })}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p class="small">
        <a href="/gaps">{t('hmAllGaps')}</a>
      </p>
    </section>
  );
}

const BADGES: Record<Verdict, StaffKey> = {
  better: 'trBadgeBetter',
  worse: 'trBadgeWorse',
  unclear: 'trBadgeUnclear',
  'not-enough': 'trBadgeNotEnough',
};

/** At most this many training cards; the rest on the training page. */
const TRAINING_CARDS = 4;

export function HomeTraining({
  fmt,
  effects,
  quarter,
  skillNames,
}: {
  fmt: Fmt;
  /** Sorted by evidence (clear results first). */
  effects: EffectResult[];
  quarter: string;
  skillNames: Record<string, string>;
}) {
  const { t } = fmt;
  const judged = effects.filter((e) => verdictOf(e) !== 'not-enough').slice(0, TRAINING_CARDS);
  const href = `/training?period=${quarter}`;
  return (
    <>
      <p class="muted small">{t('hmTrainingIntro', { quarter })}</p>
      {judged.length === 0 ? (
        <p>{t('hmTrainingNone', { quarter })}</p>
      ) : (
        <ul class="home-cards" data-testid="home-training">
          {judged.map((e) => {
            const verdict = verdictOf(e);
            return (
              <li class={`home-card effect-${verdict}`} data-verdict={verdict}>
                <p>
                  <span class={`badge badge-${verdict}`}>{t(BADGES[verdict])}</span>{' '}
                  {sentence(fmt, e, skillNames[e.skill] ?? e.skill)}
                </p>
                <details class="numbers">
                  <summary>{t('hmNumbers')}</summary>
                  <p class="small">
                    {t('hmTrainingNumbers', {
                      change: e.effect === null ? '—' : changeText(fmt, e, e.effect),
                      range:
                        e.lower === null || e.upper === null
                          ? '—'
                          : `${changeText(fmt, e, e.lower)} – ${changeText(fmt, e, e.upper)}`,
                      q: fmt.p(e.q),
                      treated: e.treatedReps ?? 0,
                      controls: e.controlReps ?? 0,
                    })}
                  </p>
                </details>
              </li>
            );
          })}
        </ul>
      )}
      <p class="small">
        <a href={href}>{t('hmTrainingMore', { quarter })}</a>
      </p>
    </>
  );
}
