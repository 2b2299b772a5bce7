/**
 * The staff form to log an interaction by hand (all staff roles; a trainer only for reps
 * of their teams). It goes through the same validation and intake as the JSON API, with
 * an external id of its own, and shows whether the customer will be surveyed.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import {
  InteractionLoggedPage,
  LogInteractionPage,
  type LogInteractionValues,
} from '../../views/pages/log-interaction';
import { renderHtml } from '../lib/render';
import { readForm, field, fieldList, type FormFields } from '../lib/forms';
import { staffT } from '../lib/i18n/staff';
import { AppError, notFound, type FieldIssue } from '../lib/errors';
import { currentUser, requireRole } from '../middleware/session';
import { canViewTeam, teamScopeOf } from '../domain/access';
import { maySeeCustomerIdentity, staffViewer } from '../domain/customer-identity';
import { interactionInput, MAX_CONTENT_IDS } from '../domain/inputs';
import { ingestInTransaction } from '../domain/interactions';
import { getRepInScope, listRepsWithTeams } from '../../db/queries/reps';
import { listContentItems } from '../../db/queries/content';
import { getInteractionDetail } from '../../db/queries/interaction-details';
import { recordAudit } from '../../db/queries/audit';

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/** A datetime-local value is read as UTC (the form says so); anything else goes to validation as typed. */
const utcInstant = (value: string): string | null => {
  const v = value.trim();
  if (v === '') return null;
  return LOCAL_DATE_TIME.test(v) ? `${v}Z` : v;
};

/** The form field an API validation path belongs to. */
function formFieldOf(path: FieldIssue['path']): keyof LogInteractionValues {
  const [head, inner] = path;
  if (head === 'customer')
    return inner === 'name'
      ? 'customerName'
      : inner === 'locale'
        ? 'customerLocale'
        : inner === 'company'
          ? 'customerCompany'
          : 'customerEmail';
  if (head === 'repEmail') return 'repId';
  if (
    head === 'type' ||
    head === 'occurredAt' ||
    head === 'quoteRequestedAt' ||
    head === 'quoteDeliveredAt' ||
    head === 'contentIds'
  )
    return head;
  return 'customerEmail';
}

function valuesOf(form: FormFields): LogInteractionValues {
  const text = (name: string) => field(form, name) ?? '';
  return {
    repId: text('repId'),
    customerEmail: text('customerEmail'),
    customerName: text('customerName'),
    customerLocale: text('customerLocale') || 'en',
    customerCompany: text('customerCompany'),
    type: text('type'),
    occurredAt: text('occurredAt'),
    quoteRequestedAt: text('quoteRequestedAt'),
    quoteDeliveredAt: text('quoteDeliveredAt'),
    contentIds: fieldList(form, 'contentIds', MAX_CONTENT_IDS),
  };
}

export function interactionFormRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', requireRole('admin', 'lead', 'trainer'));

  const formPage = async (c: Context<AppEnv>, values: LogInteractionValues, errors?: Record<string, string>) => {
    const user = currentUser(c);
    const [reps, contentItems] = await Promise.all([
      listRepsWithTeams(deps.db.read, teamScopeOf(user)),
      listContentItems(deps.db.read),
    ]);
    return renderHtml(
      c,
      <LogInteractionPage
        t={staffT(user.locale)}
        user={user}
        reps={reps.filter((r) => r.active)}
        contentItems={contentItems}
        values={values}
        errors={errors}
      />,
      errors ? 422 : 200,
    );
  };

  app.get('/new', (c) => {
    const now = new Date(deps.clock.nowMs()).toISOString().slice(0, 16);
    return formPage(c, { ...valuesOf({}), type: 'call', occurredAt: now });
  });

  app.post('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const values = valuesOf(await readForm(c));
    const errors: Record<string, string> = {};
    let repEmail = '';
    if (!/^\d{1,12}$/.test(values.repId)) errors.repId = t('errChooseRep');
    else {
      const rep = await getRepInScope(deps.db.read, Number(values.repId), teamScopeOf(user));
      if (!rep) throw notFound();
      repEmail = rep.email;
    }
    if (values.occurredAt.trim() === '') errors.occurredAt = t('fieldRequired');
    const parsed = interactionInput.safeParse({
      externalId: `manual-${randomBytes(12).toString('base64url')}`,
      repEmail,
      customer: {
        email: values.customerEmail,
        name: values.customerName,
        locale: values.customerLocale,
        company: values.customerCompany,
      },
      type: values.type,
      occurredAt: utcInstant(values.occurredAt),
      quoteRequestedAt: utcInstant(values.quoteRequestedAt),
      quoteDeliveredAt: utcInstant(values.quoteDeliveredAt),
      contentIds: values.contentIds,
    });
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        errors[formFieldOf(issue.path.map((p) => (typeof p === 'number' ? p : String(p))))] ??= issue.message;
    if (!parsed.success || Object.keys(errors).length > 0) return formPage(c, values, errors);

    const item = parsed.data;
    const now = deps.clock.nowMs();
    const mail = { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom };
    let result;
    try {
      // Intake and its audit entry in one write (the same intake the API runs).
      [result] = await deps.db.write(async (tx) => {
        const results = await ingestInTransaction(tx, [item], 'form', now, mail);
        const first = results[0];
        await recordAudit(tx, now, {
          actor: user.email,
          action: 'interaction.logged',
          subject: item.externalId,
          detail: { id: first?.id, repEmail: item.repEmail, survey: first?.survey, reason: first?.reason },
        });
        return results;
      });
    } catch (error) {
      if (error instanceof AppError && error.status === 422) {
        for (const issue of error.issues) errors[formFieldOf(issue.path.slice(1))] ??= issue.message;
        return formPage(c, values, errors);
      }
      throw error;
    }
    if (!result) throw new Error('intake returned no result');
    if (result.survey === 'scheduled') deps.wakeSender();
    return c.redirect(`/interactions/logged/${result.id}`, 303);
  });

  app.get('/logged/:id', async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    const logged = Number.isSafeInteger(id) && id > 0 ? await getInteractionDetail(deps.db.read, id) : undefined;
    if (!logged || !canViewTeam(user, logged.repTeamId)) throw notFound();
    const identified = maySeeCustomerIdentity(staffViewer(user), logged.contactConsent === true);
    const shown = {
      ...logged,
      identified,
      customerEmail: identified ? logged.customerEmail : null,
      externalId: identified ? logged.externalId : null,
    };
    return renderHtml(
      c,
      <InteractionLoggedPage
        t={staffT(user.locale)}
        user={user}
        logged={shown}
        showOutboxLink={user.role === 'admin'}
      />,
    );
  });

  return app;
}
