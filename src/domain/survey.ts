/**
 * Answering a survey: what a token opens (outcome), how a posted form becomes an answer
 * patch (docs/architecture.md, "The survey loop"), and the write that saves or submits exactly once.
 */
import type { AppDeps } from '../context';
import type { AnswerKey, Locale } from '../../db/schema';
import { setCustomerLocale } from '../../db/queries/customers';
import type { InvitationByToken } from '../../db/queries/invitations';
import { cancelPendingMail, markInvitationResponded } from '../../db/queries/invitations';
import {
  surveyWriteOutcomes,
  surveyWriteStatements,
  writeSurveyAnswers,
  type AnswerPatch,
  type SavedResponse,
  type SurveyTarget,
  type SurveyWrite,
} from '../../db/queries/responses';
import type { Db } from '../../db/client';
import { answerOf, gathering, type Answer } from '../../db/coalesce';
import { DatabaseUnavailableError } from '../../db/errors';
import { openFollowUp } from '../../db/queries/follow-ups';
import { field, type FormFields } from '../lib/forms';
import { needsFollowUp } from './follow-ups';
import { COMMENT_MAX } from './inputs';
import { queueResponseEvents } from './webhooks';

export type TokenState =
  | { kind: 'not-found' }
  | { kind: 'expired'; expiresAt: number }
  | { kind: 'submitted'; found: InvitationByToken }
  | { kind: 'open'; found: InvitationByToken };

/** What a survey token opens now. Unsubscribe tokens do not open surveys. */
export function surveyTokenState(found: InvitationByToken | undefined, now: number): TokenState {
  if (found?.purpose !== 'survey') return { kind: 'not-found' };
  if (found.response?.status === 'submitted') return { kind: 'submitted', found };
  if (found.invitation.status === 'cancelled') return { kind: 'not-found' };
  if (now >= found.invitation.expiresAt) return { kind: 'expired', expiresAt: found.invitation.expiresAt };
  return { kind: 'open', found };
}

export type AnswerError = 'choice' | 'long' | 'required';

export interface ParsedSurveyForm {
  patch: AnswerPatch;
  errors: Partial<Record<AnswerKey, AnswerError>>;
  submit: boolean;
  /** The values as posted, to re-render the form exactly as typed. */
  typed: Partial<Record<AnswerKey | 'contact_consent', string>>;
}

const LIKERT: [AnswerKey, 'contentUseful' | 'decisionClearer' | 'addedValue'][] = [
  ['content_useful', 'contentUseful'],
  ['decision_clearer', 'decisionClearer'],
  ['added_value', 'addedValue'],
];

/** Only the questions this invitation asks are read; a field absent from the post is left as saved. */
export function parseSurveyForm(form: FormFields, questions: AnswerKey[]): ParsedSurveyForm {
  const patch: AnswerPatch = {};
  const errors: ParsedSurveyForm['errors'] = {};
  const typed: ParsedSurveyForm['typed'] = {};
  const asked = new Set(questions);
  const fcr = field(form, 'resolved_first_contact');
  if (asked.has('resolved_first_contact') && fcr !== undefined && fcr !== '') {
    typed.resolved_first_contact = fcr;
    if (fcr === 'yes' || fcr === 'no') patch.resolvedFirstContact = fcr === 'yes' ? 1 : 0;
    else errors.resolved_first_contact = 'choice';
  }
  for (const [key, prop] of LIKERT) {
    const raw = field(form, key);
    if (!asked.has(key) || raw === undefined || raw === '') continue;
    typed[key] = raw;
    if (/^[1-5]$/.test(raw)) patch[prop] = Number(raw);
    else errors[key] = 'choice';
  }
  const comment = field(form, 'comment');
  if (asked.has('comment') && comment !== undefined) {
    typed.comment = comment;
    const text = comment.replace(/\r\n/g, '\n').replace(/\0/g, '');
    if (text.length > COMMENT_MAX) errors.comment = 'long';
    else patch.comment = text.trim() ? text : null;
  }
  const consent = field(form, 'contact_consent');
  if (consent !== undefined) {
    typed.contact_consent = consent;
    patch.contactConsent = consent === 'yes';
  }
  return { patch, errors, typed, submit: field(form, 'action') === 'submit' };
}

const PATCH_OF: Record<AnswerKey, keyof AnswerPatch> = {
  resolved_first_contact: 'resolvedFirstContact',
  content_useful: 'contentUseful',
  decision_clearer: 'decisionClearer',
  added_value: 'addedValue',
  comment: 'comment',
};

/** True when, with this patch over what was saved, no question has an answer (consent alone is not one). */
export function hasNoAnswer(saved: SavedResponse | null, patch: AnswerPatch): boolean {
  const value = (prop: (typeof PATCH_OF)[AnswerKey]) =>
    patch[prop] !== undefined ? patch[prop] : saved ? (saved[prop as keyof SavedResponse] ?? null) : null;
  return (Object.values(PATCH_OF) as (typeof PATCH_OF)[AnswerKey][]).every((prop) => {
    const v = value(prop);
    return v === null || (typeof v === 'string' && v.trim() === '');
  });
}

/** Required questions still unanswered once this patch is applied over what was saved. */
export function missingRequired(required: AnswerKey[], saved: SavedResponse | null, patch: AnswerPatch): AnswerKey[] {
  return required.filter((key) => {
    const prop = PATCH_OF[key];
    const next = patch[prop] !== undefined ? patch[prop] : saved ? (saved[prop as keyof SavedResponse] ?? null) : null;
    return next === null;
  });
}

export type AnswerOutcome =
  | { outcome: 'saved' | 'submitted'; response: SavedResponse }
  | { outcome: 'already-submitted' };

/**
 * Saves (partial) or submits the answers in one write; a second submit records nothing.
 * `chosenLocale`: the language the customer picked on the page, kept as theirs for later mail.
 *
 * First as one batch of guarded statements (one round trip to a libSQL server, shared with
 * the survey posts that arrive meanwhile). A submit the batch did not take — the response
 * was submitted already, or a webhook listens for response events — runs as the
 * interactive write, which tells the two apart and queues the events.
 */
export async function writeAnswers(
  deps: AppDeps,
  found: InvitationByToken,
  patch: AnswerPatch,
  submit: boolean,
  chosenLocale?: Locale,
): Promise<AnswerOutcome> {
  const now = deps.clock.nowMs();
  const target = surveyTarget(found);
  const customerLocale =
    chosenLocale && found.customer ? { customerId: found.customer.id, locale: chosenLocale } : undefined;
  const response = await saveSurveyWrite(deps.db, { target, patch, submit, now, customerLocale });
  if (response) return { outcome: submit ? 'submitted' : 'saved', response };
  if (!submit) return { outcome: 'already-submitted' };
  return writeAnswersInteractive(deps, target, found, patch, now, chosenLocale);
}

async function writeAlone(db: Db, write: SurveyWrite): Promise<SavedResponse | undefined> {
  return surveyWriteOutcomes([write], await db.statements(surveyWriteStatements([write])))[0];
}

/**
 * Against a server, the survey writes that arrive while one batch is on its way go together
 * in the next, one multi-row statement per kind (sqld here: 64 submits as one statement each
 * ran at about 1,100/s, as multi-row statements at about 5,300/s). One write per interaction
 * per batch: a repeat (a double click, a second tab) runs after it, alone. A batch that fails
 * on a statement runs its writes again one by one, so one bad write fails alone.
 */
async function writeTogether(db: Db, writes: SurveyWrite[]): Promise<Answer<SavedResponse | undefined>[]> {
  const seen = new Set<number>();
  const first = writes.filter((w) => !seen.has(w.target.interactionId) && seen.add(w.target.interactionId));
  const answers = new Map<SurveyWrite, Answer<SavedResponse | undefined>>();
  try {
    const results = surveyWriteOutcomes(first, await db.statements(surveyWriteStatements(first)));
    first.forEach((w, i) => answers.set(w, { value: results[i] }));
  } catch (error) {
    if (error instanceof DatabaseUnavailableError || first.length === 1) throw error;
    for (const w of first) answers.set(w, await answerOf(writeAlone(db, w)));
  }
  const out: Answer<SavedResponse | undefined>[] = [];
  for (const w of writes) out.push(answers.get(w) ?? (await answerOf(writeAlone(db, w))));
  return out;
}

const gatheredWrites = new WeakMap<Db, (write: SurveyWrite) => Promise<SavedResponse | undefined>>();

function saveSurveyWrite(db: Db, write: SurveyWrite): Promise<SavedResponse | undefined> {
  // On a file the write queue already commits concurrent writes together, each a few µs.
  if (db.kind === 'file') return writeAlone(db, write);
  let save = gatheredWrites.get(db);
  if (!save) {
    save = gathering((writes: SurveyWrite[]) => writeTogether(db, writes), 200);
    gatheredWrites.set(db, save);
  }
  return save(write);
}

const surveyTarget = ({ invitation, interaction }: InvitationByToken): SurveyTarget => ({
  invitationId: invitation.id,
  interactionId: interaction.id,
  repId: invitation.repId,
  interactionType: interaction.type,
  occurredAt: interaction.occurredAt,
  locale: invitation.locale,
});

async function writeAnswersInteractive(
  deps: AppDeps,
  target: SurveyTarget,
  found: InvitationByToken,
  patch: AnswerPatch,
  now: number,
  chosenLocale?: Locale,
): Promise<AnswerOutcome> {
  let webhooksQueued = false;
  const outcome = await deps.db.write(async (tx): Promise<AnswerOutcome> => {
    const response = await writeSurveyAnswers(tx, target, patch, true, now);
    if (!response) return { outcome: 'already-submitted' };
    if (chosenLocale && found.customer) await setCustomerLocale(tx, found.customer.id, chosenLocale);
    await markInvitationResponded(tx, target.invitationId, now);
    await cancelPendingMail(tx, [target.invitationId], ['reminder']);
    if (needsFollowUp(response)) await openFollowUp(tx, response.id, now);
    webhooksQueued = await queueResponseEvents(tx, response.id, now);
    return { outcome: 'submitted', response };
  });
  if (webhooksQueued) deps.wakeSender();
  return outcome;
}
