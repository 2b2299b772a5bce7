import type { StaffT } from '../../../src/lib/i18n/staff';
import type { FollowUpItem } from '../../../db/queries/coaching-follow-ups';
import { FOLLOW_UP_NOTE_MAX } from '../../../src/domain/follow-ups';
import { isLowAnswer } from '../../../src/lib/vocabulary';
import { interactionTypeLabel } from '../../components/labels';
import { Time } from '../../components/time';
import { followUpStatusName } from './labels';

export interface FollowUpItemProps {
  t: StaffT;
  item: FollowUpItem;
  staff: { id: number; name: string }[];
  /** The list URL with its filters: where posts return to without JavaScript. */
  back: string;
  errors?: { assignee?: string | undefined; note?: string | undefined } | undefined;
  noteValue?: string | undefined;
  message?: string | undefined;
}

export const followUpItemId = (id: number) => `follow-up-${id}`;

function Answers({ t, item }: { t: StaffT; item: FollowUpItem }) {
  const rows: [string, string, boolean][] = [];
  if (item.resolvedFirstContact !== null)
    rows.push([
      t('coAnswerFcr'),
      item.resolvedFirstContact === 1 ? t('coYes') : t('coNo'),
      item.resolvedFirstContact === 0,
    ]);
  if (item.contentUseful !== null)
    rows.push([t('coAnswerCu'), t('coOutOf5', { v: item.contentUseful }), isLowAnswer(item.contentUseful)]);
  if (item.decisionClearer !== null)
    rows.push([t('coAnswerDc'), t('coOutOf5', { v: item.decisionClearer }), isLowAnswer(item.decisionClearer)]);
  if (item.addedValue !== null)
    rows.push([t('coAnswerAv'), t('coOutOf5', { v: item.addedValue }), isLowAnswer(item.addedValue)]);
  return (
    <ul class="plain answers">
      {rows.map(([label, value, isLow]) => (
        <li class={isLow ? 'answer-low' : undefined}>
          {label}: <strong>{value}</strong>
          {isLow && <span class="visually-hidden"> ({t('coLowAnswer')})</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * One follow-up: the customer's answers and words, who they are (they consented to be
 * contacted), the rep; and the lead's actions — assign, note, resolve or reopen — as real
 * forms that htmx posts in place.
 */
export function FollowUpItemCard({ t, item, staff, back, errors, noteValue, message }: FollowUpItemProps) {
  const id = followUpItemId(item.id);
  const hx = (action: string) => ({
    'hx-post': `/follow-ups/${item.id}/${action}`,
    'hx-target': `#${id}`,
    'hx-swap': 'outerHTML',
  });
  const customer = item.customerEmail
    ? [item.customerName, item.customerCompany].filter(Boolean).join(', ') || item.customerEmail
    : null;
  const unknown = item.consented === 1 ? t('coCustomerErased') : t('coCustomerNoConsent');
  return (
    <article class={`follow-up follow-up-${item.status}`} id={id} aria-labelledby={`${id}-title`}>
      <header class="follow-up-head">
        <h2 id={`${id}-title`}>{customer ?? unknown}</h2>
        <span class={`badge badge-follow-up-${item.status}`}>{followUpStatusName(t, item.status)}</span>
      </header>
      {message && (
        <p class="flash flash-ok" role="status">
          {message}
        </p>
      )}
      <dl class="facts">
        <dt>{t('coCustomer')}</dt>
        <dd>
          {item.customerEmail ? (
            <a href={`mailto:${item.customerEmail}`}>{item.customerEmail}</a>
          ) : (
            <span class="muted">{unknown}</span>
          )}
        </dd>
        <dt>{t('coRep')}</dt>
        <dd>
          {item.repName} <span class="muted">({item.team ?? t('noTeam')})</span>
        </dd>
        <dt>{t('coInteraction')}</dt>
        <dd>
          {interactionTypeLabel(t, item.interactionType)} · <Time ms={item.occurredAt} />
        </dd>
        <dt>{t('coAnswers')}</dt>
        <dd>
          <Answers t={t} item={item} />
        </dd>
        <dt>{t('coComment')}</dt>
        <dd>
          {item.comment ? (
            <blockquote class="quote">{item.comment}</blockquote>
          ) : (
            <span class="muted">{t('coNoComment')}</span>
          )}
        </dd>
        <dt>{t('coAssignedTo')}</dt>
        <dd>{item.assigneeName ?? <span class="muted">{t('coUnassigned')}</span>}</dd>
        <dt>{t('coNotes')}</dt>
        <dd>{item.note ? <p class="notes">{item.note}</p> : <span class="muted">{t('coNoNotes')}</span>}</dd>
      </dl>
      <div class="follow-up-actions">
        <form method="post" action={`/follow-ups/${item.id}/assign`} class="inline-field" {...hx('assign')}>
          <input type="hidden" name="back" value={back} />
          <div class={errors?.assignee ? 'field has-error' : 'field'}>
            <label for={`${id}-assignee`}>{t('coAssignee')}</label>
            <select id={`${id}-assignee`} name="assignee" aria-invalid={errors?.assignee ? 'true' : undefined}>
              <option value="">{t('coUnassigned')}</option>
              {staff.map((s) => (
                <option value={String(s.id)} selected={s.id === item.assigneeId}>
                  {s.name}
                </option>
              ))}
            </select>
            {errors?.assignee && <p class="error">{errors.assignee}</p>}
          </div>
          <button type="submit" class="secondary" id={`${id}-assign`}>
            {t('coAssign')}
          </button>
        </form>
        <details class="follow-up-note" open={errors?.note || noteValue ? true : undefined}>
          <summary>{t('coAddNote')}</summary>
          <form method="post" action={`/follow-ups/${item.id}/note`} class="inline-field" {...hx('note')}>
            <input type="hidden" name="back" value={back} />
            <div class={errors?.note ? 'field has-error' : 'field'}>
              <label for={`${id}-note`}>{t('coNoteLabel')}</label>
              <textarea
                id={`${id}-note`}
                name="note"
                rows={2}
                maxlength={FOLLOW_UP_NOTE_MAX}
                aria-invalid={errors?.note ? 'true' : undefined}
                aria-describedby={errors?.note ? `${id}-note-error` : undefined}
              >
                {noteValue ?? ''}
              </textarea>
              {errors?.note && (
                <p class="error" id={`${id}-note-error`}>
                  {errors.note}
                </p>
              )}
            </div>
            <button type="submit" class="secondary" id={`${id}-add-note`}>
              {t('coAddNote')}
            </button>
          </form>
        </details>
        <form
          method="post"
          action={`/follow-ups/${item.id}/${item.status === 'open' ? 'resolve' : 'reopen'}`}
          class="inline"
          {...hx(item.status === 'open' ? 'resolve' : 'reopen')}
        >
          <input type="hidden" name="back" value={back} />
          {/* One id for resolve and reopen: after the swap the focus stays on the button that replaced it. */}
          <button type="submit" id={`${id}-state`}>
            {item.status === 'open' ? t('coResolve') : t('coReopen')}
          </button>
        </form>
      </div>
    </article>
  );
}
