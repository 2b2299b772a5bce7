import type { StaffT } from '../../../src/lib/i18n/staff';
import type { PlanQuote } from '../../../src/domain/coaching';
import { isoDay } from '../../../src/lib/days';

/** A customer's comment and who wrote it: a name only where they consented (decided in the domain). */
export function QuoteText({ t, quote }: { t: StaffT; quote: PlanQuote }) {
  return (
    <>
      <blockquote class="quote">
        <p>{quote.comment}</p>
      </blockquote>
      <p class="quote-source">
        {'— '}
        {quote.customer
          ? [quote.customer.name ?? quote.customer.email, quote.customer.company].filter(Boolean).join(', ')
          : t('coAnonymousCustomer')}
        {', '}
        <time datetime={isoDay(quote.occurredAt)}>{isoDay(quote.occurredAt)}</time>
      </p>
    </>
  );
}

/** Pin a quote to a session, or unpin it: a real form that comes back to the plan; with htmx it swaps the rep's session list. */
export function PinForm({
  t,
  sessionId,
  repId,
  responseId,
  change,
  label,
  back,
}: {
  t: StaffT;
  sessionId: number;
  repId: number;
  responseId: number;
  change: 'pin' | 'unpin';
  label: string;
  back: string;
}) {
  const action = `/coaching/sessions/${sessionId}/pins`;
  return (
    <form
      method="post"
      action={action}
      class="inline pin-form"
      hx-post={action}
      hx-target={`#sessions-rep-${repId}`}
      hx-swap="outerHTML"
    >
      <input type="hidden" name="response" value={String(responseId)} />
      <input type="hidden" name="change" value={change} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class={change === 'pin' ? 'small' : 'small secondary'}>
        {label}
        {change === 'unpin' && <span class="visually-hidden">: {t('coPinned')}</span>}
      </button>
    </form>
  );
}
