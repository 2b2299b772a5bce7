import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CpiGroup } from '../../../src/domain/cpis';
import type { CpiTile } from '../../../src/domain/workspace-overview';
import type { Progress } from '../../../src/domain/baselines';
import { cpiLabel } from './labels';
import { dayRange, type Formats } from './format';
import { unitOf } from '../format';
import { ClusteringDetails, clusteringVars } from './clustering';

export interface CpiTileProps {
  t: StaffT;
  f: Formats;
  tile: CpiTile;
  group: CpiGroup | undefined;
  minResponses: number;
}

/** `uncertain`: the change's interval includes 0, so the direction is not established. */
function ProgressLine({
  t,
  progress,
  id,
  uncertain,
}: {
  t: StaffT;
  progress: Progress;
  id: string;
  uncertain: boolean;
}) {
  if (progress.state === 'unknown') return null;
  const text =
    progress.state === 'met'
      ? t('wsProgressMet')
      : progress.state === 'slipped'
        ? t('wsProgressSlipped')
        : progress.state === 'moved-away'
          ? uncertain
            ? t('wsProgressNoClearChange')
            : t('wsProgressMovedAway')
          : `${t('wsProgressShare', { pct: Math.round(progress.share * 100) })}${uncertain ? ` ${t('wsProgressUncertain')}` : ''}`;
  const value =
    progress.state === 'met'
      ? 100
      : progress.state === 'on-the-way'
        ? Math.round(Math.min(1, Math.max(0, progress.share)) * 100)
        : 0;
  return (
    <div class={`ws-progress ws-progress-${progress.state}`}>
      <progress max="100" value={String(value)} aria-labelledby={id}>
        {value}%
      </progress>
      <p id={id}>{text}</p>
    </div>
  );
}

/** The tile's figures with a cluster-robust interval (a team or the org), each in plain words. */
function clusteringSentences(t: StaffT, f: Formats, tile: CpiTile): (string | null)[] {
  const c = tile.current;
  const x = tile.extra;
  const say = (
    key: 'wsClusterAnswers' | 'wsClusterValueAdded' | 'wsClusterQuotes',
    vars: ReturnType<typeof clusteringVars>,
  ) => (vars ? t(key, vars) : null);
  return [
    c && tile.cpi !== 'quoteTurnaround' ? say('wsClusterAnswers', clusteringVars(f, c, c.n)) : null,
    x.valueAdded ? say('wsClusterValueAdded', clusteringVars(f, x.valueAdded, x.valueAdded.n)) : null,
    c && x.turnaround ? say('wsClusterQuotes', clusteringVars(f, x.turnaround, c.n)) : null,
  ];
}

/** One CPI: its value with interval and n, response rate, target, baseline, change and progress; a group's design effect in its details. */
export function CpiTileView({ t, f, tile, group, minResponses }: CpiTileProps) {
  const unit = unitOf(tile.cpi);
  const id = `tile-${tile.cpi}`;
  const c = tile.current;
  const x = tile.extra;
  const suppressed = !group || group.suppressed;
  return (
    <section class="tile" aria-labelledby={`${id}-title`} data-cpi={tile.cpi}>
      <h3 id={`${id}-title`}>{cpiLabel(t, tile.cpi)}</h3>
      {c === null ? (
        <div class="ws-suppressed">
          <p class="tile-value">{t('notEnoughResponses')}</p>
          <p class="muted">
            {suppressed
              ? t('wsSuppressedGroup', { n: group?.n ?? 0, min: minResponses })
              : t('wsSuppressedCpi', { min: minResponses })}
          </p>
        </div>
      ) : (
        <div>
          {x.valueAdded ? (
            <>
              <p class="tile-value">
                {f.int(x.valueAdded.count)} <span class="tile-unit">{t('wsValueAddedUnit')}</span>
              </p>
              <p class="tile-detail">
                {t('wsValueAddedRate', {
                  rate: f.pct(x.valueAdded.rate),
                  range: f.range('rate', x.valueAdded.lower, x.valueAdded.upper),
                  n: f.int(x.valueAdded.n),
                })}
              </p>
              <p class="tile-detail">
                {t('wsMeanRating', {
                  value: f.value('mean', c.value),
                  range: f.range('mean', c.lower ?? c.value, c.upper ?? c.value),
                  n: f.int(c.n),
                })}
              </p>
            </>
          ) : (
            <>
              <p class="tile-value">
                {f.value(unit, c.value)}
                {unit === 'hours' && <span class="tile-unit"> {t('wsMedian').toLowerCase()}</span>}
              </p>
              <p class="tile-detail">
                {c.lower !== null && c.upper !== null
                  ? t('wsIntervalAndN', { range: f.range(unit, c.lower, c.upper), n: f.int(c.n) })
                  : t('wsQuotesN', { n: f.int(c.n) })}
              </p>
            </>
          )}
          {x.top2 !== undefined && <p class="tile-detail">{t('wsTop2', { pct: f.pct(x.top2) })}</p>}
          {x.turnaround && (
            <>
              <p class="tile-detail">{t('wsP90', { value: f.value('hours', x.turnaround.p90) })}</p>
              <p class="tile-detail">
                {t('wsWithinSla', {
                  hours: f.int(x.turnaround.slaHours),
                  pct: f.pct(x.turnaround.withinSla),
                  range: f.range('rate', x.turnaround.lower, x.turnaround.upper),
                })}
              </p>
            </>
          )}
          <ClusteringDetails t={t} sentences={clusteringSentences(t, f, tile)} />
        </div>
      )}
      <p class="tile-rr">
        {group && group.responseRate !== null && !group.suppressed
          ? t('wsResponseRate', { pct: f.pct(group.responseRate), n: f.int(group.n), invited: f.int(group.invited) })
          : t('wsResponseRateHidden', { n: f.int(group?.n ?? 0) })}
      </p>
      <dl class="tile-facts">
        <dt>{t('wsTarget')}</dt>
        <dd>
          {tile.target?.target !== null && tile.target?.target !== undefined ? (
            <>
              {f.value(unit, tile.target.target)}{' '}
              <span class="muted">({tile.target.source === 'team' ? t('wsTeamTarget') : t('wsOrgTarget')})</span>
            </>
          ) : (
            <span class="muted">{t('wsNotSet')}</span>
          )}
        </dd>
        <dt>{t('wsBaseline')}</dt>
        <dd>
          {tile.baseline === null ? (
            <span class="muted">{t('wsNotSet')}</span>
          ) : tile.baseline.reading === null ? (
            <>
              {t('notEnoughResponses')} <span class="muted">({dayRange(tile.baseline.from, tile.baseline.to)})</span>
            </>
          ) : (
            <>
              {f.value(unit, tile.baseline.reading.value)}{' '}
              <span class="muted">
                {tile.baseline.reading.lower !== null && tile.baseline.reading.upper !== null
                  ? t('wsIntervalAndN', {
                      range: f.range(unit, tile.baseline.reading.lower, tile.baseline.reading.upper),
                      n: f.int(tile.baseline.reading.n),
                    })
                  : t('wsQuotesN', { n: f.int(tile.baseline.reading.n) })}
                {' · '}
                {dayRange(tile.baseline.from, tile.baseline.to)}
              </span>
            </>
          )}
        </dd>
        <dt>{t('wsChange')}</dt>
        <dd>
          {tile.change === null ? (
            <span class="muted">—</span>
          ) : (
            <>
              {f.change(unit, tile.change.estimate)}{' '}
              <span class="muted">
                {tile.change.lower !== null && tile.change.upper !== null
                  ? t('wsChangeInterval', {
                      lower: f.change(unit, tile.change.lower),
                      upper: f.change(unit, tile.change.upper),
                    })
                  : t('wsNoMedianInterval')}
              </span>
            </>
          )}
        </dd>
      </dl>
      <ProgressLine
        t={t}
        progress={tile.progress}
        id={`${id}-progress`}
        uncertain={
          tile.change !== null &&
          tile.change.lower !== null &&
          tile.change.upper !== null &&
          tile.change.lower <= 0 &&
          tile.change.upper >= 0
        }
      />
    </section>
  );
}
