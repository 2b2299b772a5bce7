/**
 * /s/<token>: the customer's survey. GET never changes state (mail scanners open links);
 * posts are authorised by the token alone. Outcomes and statuses: docs/architecture.md, "The survey loop".
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import type { AnswerKey, Locale } from '../../db/schema';
import { LOCALES } from '../../db/schema';
import { findInvitationByTokenHash, type InvitationByToken } from '../../db/queries/invitations';
import { hashToken, isWellFormedToken } from '../lib/tokens';
import { renderHtml, isHtmx } from '../lib/render';
import { readForm } from '../lib/forms';
import { surveyT, formatDate } from '../lib/i18n/survey';
import { isLocale, localeFromAcceptLanguage } from '../lib/i18n';
import { type AppError, databaseUnavailable } from '../lib/errors';
import { DatabaseUnavailableError } from '../../db/errors';
import { assertUnderFailureLimit, recordFailures } from '../middleware/rate-limit';
import { SurveyForm, SurveyOutcomePage, SaveStatus, type SurveyFormProps } from '../../views/pages/survey';
import {
  hasNoAnswer,
  missingRequired,
  parseSurveyForm,
  surveyTokenState,
  writeAnswers,
  type AnswerError,
  type ParsedSurveyForm,
} from '../domain/survey';
import type { SavedResponse } from '../../db/queries/responses';

/** The values a saved response shows in the form. */
function savedValues(r: SavedResponse | null): SurveyFormProps['values'] {
  if (!r) return {};
  const v: SurveyFormProps['values'] = {};
  if (r.resolvedFirstContact !== null) v.resolved_first_contact = r.resolvedFirstContact === 1 ? 'yes' : 'no';
  if (r.contentUseful !== null) v.content_useful = String(r.contentUseful);
  if (r.decisionClearer !== null) v.decision_clearer = String(r.decisionClearer);
  if (r.addedValue !== null) v.added_value = String(r.addedValue);
  if (r.comment !== null) v.comment = r.comment;
  if (r.contactConsent) v.contact_consent = 'yes';
  return v;
}

export function surveyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const localeOf = (c: Context, fallback?: Locale): Locale => {
    const requested = c.req.query('lang');
    if (isLocale(requested, LOCALES)) return requested;
    return fallback ?? localeFromAcceptLanguage(c.req.header('Accept-Language'), LOCALES) ?? 'en';
  };

  /** One uniform 404 for unknown, tampered and malformed tokens, counted per address. */
  const notFoundPage = async (c: Context<AppEnv>) => {
    const address = c.get('clientAddress');
    await assertUnderFailureLimit(deps, 'token-address', address);
    await recordFailures(deps, [['token-address', address]]);
    const locale = localeOf(c);
    return renderHtml(c, <SurveyOutcomePage t={surveyT(locale)} locale={locale} outcome="not-found" />, 404);
  };

  const lookup = async (c: Context<AppEnv>) => {
    const token = c.req.param('token') ?? '';
    if (!isWellFormedToken(token)) return { token, found: undefined };
    return { token, found: await findInvitationByTokenHash(deps.db, hashToken(token)) };
  };

  const formProps = (
    c: Context,
    token: string,
    found: InvitationByToken,
    values: SurveyFormProps['values'],
    errors: Partial<Record<AnswerKey, AnswerError>> = {},
  ): SurveyFormProps => {
    const locale = localeOf(c, found.invitation.locale);
    const t = surveyT(locale);
    return {
      t,
      locale,
      langInUrl: isLocale(c.req.query('lang'), LOCALES),
      token,
      repName: found.rep.name,
      about: t(`about_${found.interaction.type}`, { rep: found.rep.name }),
      questions: found.invitation.questions,
      required: found.invitation.required,
      values,
      errors,
    };
  };

  const outcomePage = (
    c: Context,
    found: InvitationByToken | undefined,
    outcome: 'submitted' | 'already-submitted',
    status: 200 = 200,
  ) => {
    const locale = localeOf(c, found?.invitation.locale);
    return renderHtml(
      c,
      <SurveyOutcomePage t={surveyT(locale)} locale={locale} outcome={outcome} repName={found?.rep.name} />,
      status,
    );
  };

  const expiredPage = (c: Context, found: InvitationByToken | undefined, expiresAt: number) => {
    const locale = localeOf(c, found?.invitation.locale);
    return renderHtml(
      c,
      <SurveyOutcomePage
        t={surveyT(locale)}
        locale={locale}
        outcome="expired"
        expiresLabel={formatDate(expiresAt, locale)}
      />,
      410,
    );
  };

  app.get('/:token', async (c) => {
    const { token, found } = await lookup(c);
    const state = surveyTokenState(found, deps.clock.nowMs());
    if (state.kind === 'not-found') return notFoundPage(c);
    if (state.kind === 'expired') return expiredPage(c, found, state.expiresAt);
    if (state.kind === 'submitted') return outcomePage(c, found, 'already-submitted');
    const values = savedValues(state.found.response);
    // The answer chosen in the email is shown selected; it is saved only when the customer posts.
    const first = c.req.query('first');
    if ((first === 'yes' || first === 'no') && values.resolved_first_contact === undefined)
      values.resolved_first_contact = first;
    return renderHtml(c, <SurveyForm {...formProps(c, token, state.found, values)} />);
  });

  app.post('/:token', async (c) => {
    const { token, found } = await lookup(c);
    const state = surveyTokenState(found, deps.clock.nowMs());
    if (state.kind === 'not-found') return notFoundPage(c);
    if (state.kind === 'expired') return expiredPage(c, found, state.expiresAt);
    if (state.kind === 'submitted') return outcomePage(c, found, 'already-submitted');
    const { invitation, response } = state.found;
    const parsed = parseSurveyForm(await readForm(c), invitation.questions);
    const shown = { ...savedValues(response), ...parsed.typed };
    if (Object.keys(parsed.errors).length > 0) {
      if (isHtmx(c)) return renderHtml(c, <SaveStatus t={surveyT(localeOf(c, invitation.locale))} ok={false} />, 422);
      return renderHtml(
        c,
        <SurveyForm
          {...formProps(c, token, state.found, shown, parsed.errors)}
          commentLength={parsed.typed.comment?.length ?? 0}
        />,
        422,
      );
    }
    // Sent with nothing answered: ask for at least one answer; nothing is recorded as submitted.
    if (parsed.submit && hasNoAnswer(response, parsed.patch)) {
      return renderHtml(c, <SurveyForm {...formProps(c, token, state.found, shown)} outcome="empty" />, 422);
    }
    const missing = parsed.submit ? missingRequired(invitation.required, response, parsed.patch) : [];
    const submit = parsed.submit && missing.length === 0;
    let result;
    try {
      const chosen = c.req.query('lang');
      result = await writeAnswers(
        deps,
        state.found,
        parsed.patch,
        submit,
        isLocale(chosen, LOCALES) ? chosen : undefined,
      );
    } catch (error) {
      if (error instanceof DatabaseUnavailableError)
        return busyForm(c, token, state.found, shown, databaseUnavailable(error));
      throw error;
    }
    if (result.outcome === 'already-submitted') return outcomePage(c, found, 'already-submitted');
    if (result.outcome === 'submitted')
      return c.redirect(`/s/${token}/thanks?lang=${localeOf(c, invitation.locale)}`, 303);
    if (isHtmx(c)) return renderHtml(c, <SaveStatus t={surveyT(localeOf(c, invitation.locale))} ok />);
    const errors = Object.fromEntries(missing.map((key) => [key, 'required' as const]));
    return renderHtml(
      c,
      <SurveyForm
        {...formProps(c, token, state.found, savedValues(result.response), errors)}
        outcome="saved"
        notice={missing.length ? undefined : 'saved'}
      />,
      missing.length ? 422 : 200,
    );
  });

  /** The database was busy past its deadline: the form comes back with the answers as typed. */
  const busyForm = (
    c: Context,
    token: string,
    found: InvitationByToken,
    shown: ParsedSurveyForm['typed'],
    error: AppError,
  ) => {
    c.header('Retry-After', String(error.retryAfterSeconds ?? 2));
    if (isHtmx(c)) return c.body(null, 503);
    return renderHtml(c, <SurveyForm {...formProps(c, token, found, shown)} notice="busy" />, 503);
  };

  app.get('/:token/thanks', async (c) => {
    const { token, found } = await lookup(c);
    const state = surveyTokenState(found, deps.clock.nowMs());
    if (state.kind === 'not-found') return notFoundPage(c);
    if (state.kind !== 'submitted') return c.redirect(`/s/${token}`, 303);
    return outcomePage(c, found, 'submitted');
  });

  // Anything else under /s (no token, extra segments) is the same uniform "not found", counted.
  app.all('*', (c) => notFoundPage(c));

  return app;
}
