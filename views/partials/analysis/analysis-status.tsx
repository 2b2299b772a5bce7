/**
 * How fresh a served analysis is (src/domain/analysis/cache.ts): a region still being
 * computed asks again by itself (htmx, every 2 s, swapping the region; a plain link for
 * readers without JavaScript), and a computed one says when it was computed, or that newer
 * data is being analysed.
 */
import type { Child } from 'hono/jsx';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { Fmt } from './format';

export interface AnalysisStamp {
  computedAt: number;
  /** The data changed since: a newer result is being computed. */
  stale: boolean;
}

export interface ComputingRegionProps {
  fmt: Fmt;
  /** The region's id: htmx sends it as HX-Target, so the route answers with this region alone. */
  id: string;
  /** The URL that answers with the region (the page's own URL). */
  href: string;
  tag?: 'div' | 'section';
  class?: string;
  labelledBy?: string;
  children?: Child;
}

export function ComputingRegion({
  fmt,
  id,
  href,
  tag = 'div',
  class: className,
  labelledBy,
  children,
}: ComputingRegionProps) {
  const { t } = fmt;
  const body = (
    <>
      {children}
      <p class="notice analysis-computing" data-analysis="computing">
        {t('anComputing')} <a href={href}>{t('anComputingReload')}</a>
      </p>
    </>
  );
  const attrs = {
    id,
    class: className,
    'aria-labelledby': labelledBy,
    'hx-get': href,
    'hx-trigger': 'load delay:2s',
    'hx-swap': 'outerHTML',
  };
  return tag === 'section' ? <section {...attrs}>{body}</section> : <div {...attrs}>{body}</div>;
}

export function ComputedNote({ fmt, stamp, href }: { fmt: Fmt; stamp: AnalysisStamp; href: string }) {
  const { t } = fmt;
  const time = fmt.time(stamp.computedAt);
  return (
    <p
      class="muted small computed-note"
      data-computed-at={new Date(stamp.computedAt).toISOString()}
      data-stale={stamp.stale ? 'true' : undefined}
    >
      {stamp.stale ? (
        <>
          {t('anComputedStale', { time })} <a href={href}>{t('anComputingReload')}</a>
        </>
      ) : (
        t('anComputedAt', { time })
      )}
    </p>
  );
}

/** Every analysis page links to the Methods page (docs/statistics.md, "Showing numbers"). */
export function MethodsLink({ t }: { t: StaffT }) {
  return (
    <p class="methods-link">
      <a href="/methods">{t('anMethodsLink')}</a>
    </p>
  );
}
