/**
 * The "send a test interaction" button of the API keys page: a sample interaction validated by
 * the API's schema and taken in by the same intake as POST /api/v1/interactions, with the admin's
 * own address as the customer's — the same thing as the setup checklist's "send a test survey to
 * yourself", which it ticks (it arrives as a staff action, so "connect a CRM" still waits for the CRM).
 */
import { randomBytes } from 'node:crypto';
import type { AppDeps, SessionUser } from '../context';
import { interactionInput, type InteractionInput } from './inputs';
import { ingestInTransaction, type IntakeResult } from './interactions';
import { listRepsWithTeams } from '../../db/queries/reps';
import { recordAudit } from '../../db/queries/audit';

/** What a CRM posts, as the API keys page shows it in its curl example. */
export function sampleInteractionBody(repEmail: string, customerEmail: string, occurredAt: Date, externalId: string) {
  return {
    externalId,
    repEmail,
    customer: { email: customerEmail, name: 'Test Customer', locale: 'en' },
    type: 'call',
    occurredAt: occurredAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
}

/** The first active rep who takes surveys: the sample's rep. */
export async function sampleRepEmail(deps: AppDeps): Promise<string | undefined> {
  const reps = await listRepsWithTeams(deps.db.read, { kind: 'all' });
  return reps.find((r) => r.active && !r.excluded)?.email;
}

export type TestInteractionResult = { ok: true; result: IntakeResult; externalId: string } | { ok: false };

export async function sendTestInteraction(deps: AppDeps, user: SessionUser): Promise<TestInteractionResult> {
  const repEmail = await sampleRepEmail(deps);
  if (!repEmail) return { ok: false };
  const now = deps.clock.nowMs();
  const externalId = `test-${randomBytes(6).toString('hex')}`;
  const item: InteractionInput = interactionInput.parse(
    sampleInteractionBody(repEmail, user.email, new Date(now - 60_000), externalId),
  );
  const mail = { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom };
  const [result] = await deps.db.write(async (tx) => {
    const results = await ingestInTransaction(tx, [item], 'form', now, mail);
    await recordAudit(tx, now, {
      actor: user.email,
      action: 'interaction.test',
      subject: externalId,
      detail: { id: results[0]?.id, repEmail, survey: results[0]?.survey, reason: results[0]?.reason },
    });
    return results;
  });
  if (!result) throw new Error('sendTestInteraction: intake returned no result');
  if (result.survey === 'scheduled') deps.wakeSender();
  return { ok: true, result, externalId };
}
