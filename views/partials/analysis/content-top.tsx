/** The most and least useful content items (by customers' answers), a short list linking to the library. */
import type { ContentRow } from '../../../src/domain/content-usefulness';
import type { Fmt } from './format';
import { ContentTitle } from './content-results';

function Item({ fmt, row }: { fmt: Fmt; row: ContentRow }) {
  const u = row.usefulness!;
  return (
    <li>
      <ContentTitle row={row} t={fmt.t} />{' '}
      <span class="muted">
        {fmt.t('anUsefulShort', {
          mean: fmt.num(u.mean),
          range: fmt.range(u.lower, u.upper, (v) => fmt.num(v)),
          n: u.n,
        })}
      </span>
    </li>
  );
}

export function ContentTop({ fmt, top, bottom }: { fmt: Fmt; top: ContentRow[]; bottom: ContentRow[] }) {
  const { t } = fmt;
  if (top.length === 0) return <p class="muted">{t('anContentTopNone')}</p>;
  return (
    <div class="grid-2 content-top">
      <div>
        <h3>{t('anContentMost')}</h3>
        <ol data-testid="content-most">
          {top.map((row) => (
            <Item fmt={fmt} row={row} />
          ))}
        </ol>
      </div>
      <div>
        <h3>{t('anContentLeast')}</h3>
        {bottom.length === 0 ? (
          <p class="muted">{t('anContentTopNone')}</p>
        ) : (
          <ol data-testid="content-least">
            {bottom.map((row) => (
              <Item fmt={fmt} row={row} />
            ))}
          </ol>
        )}
      </div>
      <p class="muted small">
        {t('anContentTopNote')} <a href="/content">{t('anContentOpenLibrary')}</a>
      </p>
    </div>
  );
}
