/**
 * Verbatim comments: shown only from settings.minComments responses on (otherwise the page
 * says why not); the customer is named only where they consented to be contacted.
 */
import type { RepProfile } from '../../../src/domain/rep-profile';
import type { RepComment } from '../../../db/queries/analysis-rep';
import { interactionTypeLabel } from '../../components/labels';
import type { Fmt } from './format';
import { cpiName } from '../names';

function Answers({ fmt, c }: { fmt: Fmt; c: RepComment }) {
  const { t } = fmt;
  const items: [string, string][] = [];
  if (c.resolvedFirstContact !== null)
    items.push([cpiName(t, 'fcr'), c.resolvedFirstContact === 1 ? t('anYes') : t('anNo')]);
  if (c.contentUseful !== null) items.push([cpiName(t, 'contentUseful'), `${c.contentUseful}/5`]);
  if (c.decisionClearer !== null) items.push([cpiName(t, 'decisionClearer'), `${c.decisionClearer}/5`]);
  if (c.addedValue !== null) items.push([cpiName(t, 'addedValue'), `${c.addedValue}/5`]);
  if (items.length === 0) return <p class="muted">{t('anNoAnswers')}</p>;
  return (
    <dl class="answers">
      {items.map(([name, value]) => (
        <div>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Customer({ fmt, c }: { fmt: Fmt; c: RepComment }) {
  const { t } = fmt;
  const identity = [c.customerName, c.customerCompany].filter(
    (v): v is string => typeof v === 'string' && v.trim() !== '',
  );
  // The domain left the name and company in only where the reader may see them (src/domain/customer-identity.ts).
  if (identity.length === 0) return <span class="customer anonymous">{t('anAnonymous')}</span>;
  return (
    <span class={c.consent ? 'customer consented' : 'customer'}>
      {identity.join(', ')} {c.consent && <span class="badge">{t('anConsented')}</span>}
    </span>
  );
}

/** The newest comments show; the rest fold behind one toggle (a long list on a phone). */
const FIRST_COMMENTS = 2;

function Comment({ fmt, c }: { fmt: Fmt; c: RepComment }) {
  const { t } = fmt;
  return (
    <li class="comment">
      <blockquote>
        <p>{c.comment}</p>
      </blockquote>
      <p class="comment-meta">
        <time datetime={new Date(c.occurredAt).toISOString()}>{fmt.date(c.occurredAt)}</time> ·{' '}
        {interactionTypeLabel(t, c.type)} · <Customer fmt={fmt} c={c} />
      </p>
      <Answers fmt={fmt} c={c} />
    </li>
  );
}

export function RepComments({ fmt, comments }: { fmt: Fmt; comments: RepProfile['comments'] }) {
  const { t } = fmt;
  if (!comments.shown) {
    return (
      <p class="notice" data-testid="comments-hidden">
        {t('anCommentsBelowMin', { n: comments.responses, min: comments.minimum })}
      </p>
    );
  }
  if (comments.items.length === 0) return <p class="muted">{t('anCommentsNone')}</p>;
  return (
    <>
      <p class="muted">
        {comments.total > comments.items.length
          ? t('anCommentsSome', { shown: comments.items.length, total: comments.total })
          : t('anCommentsAll', { total: comments.total })}{' '}
        {t('anCommentsPrivacy')}
      </p>
      <ol class="comments" data-testid="comments">
        {comments.items.slice(0, FIRST_COMMENTS).map((c) => (
          <Comment fmt={fmt} c={c} />
        ))}
      </ol>
      {comments.items.length > FIRST_COMMENTS && (
        <details class="more-comments">
          <summary>{t('anCommentsMore', { n: comments.items.length - FIRST_COMMENTS })}</summary>
          <ol class="comments" start={FIRST_COMMENTS + 1}>
            {comments.items.slice(FIRST_COMMENTS).map((c) => (
              <Comment fmt={fmt} c={c} />
            ))}
          </ol>
        </details>
      )}
    </>
  );
}
