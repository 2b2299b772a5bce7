/**
 * Writes a generated demo workspace in one write: multi-row inserts (at most ~30,000
 * bind variables per statement), real outbox mail with working links for the invitations
 * still open or scheduled, and the CPI rollups rebuilt from the rows at the end.
 */
import { eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import * as t from '../schema';
import type { Role } from '../schema';
import { withBulkRollups } from '../queries/rollups';
import { recordAudit } from '../queries/audit';
import { hasLowAnswerSql } from '../queries/follow-ups';
import { getUserByEmail, insertUser } from '../queries/users';
import { queueSurveyMail, type MailSettings } from '../../src/domain/invitations';
import { customerKey } from '../../src/domain/interaction-keys';
import { hashEmail } from '../../src/lib/tokens';
import { monthKey, monthStart, nextMonthKey } from '../../src/lib/periods';
import { DEMO_CONTENT, DEMO_SKILLS, DEMO_TEAMS, contentUrl } from './catalog';
import type { DemoWorkspace, GenInteraction } from './generate';
import { writeTraining } from './load-training';
import { columnCount, inBatches } from './batches';
import { DAY_MS } from '../../src/lib/days';

/** The settings row that marks a database as holding the demo workspace. */
export const DEMO_MARKER = 'demo.workspace';

export interface DemoStaffAccount {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  teams: string[];
}

export class DemoRefusedError extends Error {
  override name = 'DemoRefusedError';
}

/**
 * Loads the workspace unless the marker row says it is there already (returns false then).
 * Refuses a database that holds other teams, reps or interactions: the demo never mixes
 * with real data.
 */
export async function writeDemoWorkspace(
  tx: Drizzle,
  ws: DemoWorkspace,
  staff: DemoStaffAccount[],
  mail: MailSettings,
): Promise<boolean> {
  const marker = await tx.select({ key: t.settings.key }).from(t.settings).where(eq(t.settings.key, DEMO_MARKER));
  if (marker.length > 0) return false;
  const [occupied] = await tx.all<{ n: number }>(
    sql`SELECT (SELECT count(*) FROM teams) + (SELECT count(*) FROM reps) + (SELECT count(*) FROM interactions) AS n`,
  );
  if (Number(occupied?.n ?? 0) > 0) {
    throw new DemoRefusedError(
      'The demo loads into an empty workspace, but this database already holds teams, reps or interactions. Point DATABASE_URL at a fresh file, e.g. DATABASE_URL=file:data/demo.db npm run demo',
    );
  }
  // Written with the running-total triggers off; the totals are rebuilt once at the end.
  return withBulkRollups(tx, () => writeRows(tx, ws, staff, mail));
}

async function writeRows(
  tx: Drizzle,
  ws: DemoWorkspace,
  staff: DemoStaffAccount[],
  mail: MailSettings,
): Promise<boolean> {
  const { now, start } = ws;
  const setUpAt = start - 30 * DAY_MS;

  const teamRows = await tx
    .insert(t.teams)
    .values(DEMO_TEAMS.map((team) => ({ name: team.name, createdAt: setUpAt })))
    .returning({ id: t.teams.id, name: t.teams.name });
  const teamIds = DEMO_TEAMS.map((team) => teamRows.find((r) => r.name === team.name)!.id);

  const staffIds = new Map<string, number>();
  for (const account of staff) {
    const existing = await getUserByEmail(tx, account.email);
    const ids = account.teams.map((name) => teamIds[DEMO_TEAMS.findIndex((team) => team.name === name)]!);
    staffIds.set(account.email, existing?.id ?? (await insertUser(tx, { ...account, teamIds: ids }, setUpAt)));
  }

  const repRows = await tx
    .insert(t.reps)
    .values(
      ws.reps.map((r) => ({
        email: r.email,
        name: r.name,
        teamId: teamIds[r.team]!,
        excludedFromSurveys: r.excludedFrom !== null,
        createdAt: setUpAt,
        updatedAt: r.excludedFrom ?? setUpAt,
      })),
    )
    .returning({ id: t.reps.id, email: t.reps.email });
  const repIdByEmail = new Map(repRows.map((r) => [r.email, r.id]));
  const repIds = ws.reps.map((r) => repIdByEmail.get(r.email)!);

  const skillRows = await tx
    .insert(t.skills)
    .values(DEMO_SKILLS.map((s) => ({ slug: s.slug, name: s.name, createdAt: setUpAt })))
    .onConflictDoUpdate({ target: t.skills.slug, set: { name: sql`excluded.name` } })
    .returning({ id: t.skills.id, slug: t.skills.slug });
  const skillIds = new Map(skillRows.map((s) => [s.slug, s.id]));

  await tx
    .insert(t.contentItems)
    .values(
      DEMO_CONTENT.map((c) => ({
        id: c.id,
        title: c.title,
        url: contentUrl(c.id),
        stage: c.stage,
        topic: c.topic,
        createdAt: setUpAt,
        updatedAt: setUpAt,
      })),
    )
    .onConflictDoNothing();

  // Customers, created when their first interaction arrived.
  const firstSeen = new Map<number, number>();
  for (const it of ws.interactions) if (!firstSeen.has(it.customer)) firstSeen.set(it.customer, it.arrivedAt);
  const seenCustomers = ws.customers.filter((c) => firstSeen.has(c.index));
  const customerIds = new Map<number, number>();
  await inBatches(seenCustomers, columnCount(t.customers), async (batch) => {
    const rows = await tx
      .insert(t.customers)
      .values(
        batch.map((c) => ({
          email: c.email,
          name: c.name,
          locale: c.locale,
          company: c.company,
          optedOutAt: c.optedOutAt,
          createdAt: firstSeen.get(c.index)!,
        })),
      )
      .returning({ id: t.customers.id, email: t.customers.email });
    const byEmail = new Map(rows.map((r) => [r.email, r.id]));
    for (const c of batch) customerIds.set(c.index, byEmail.get(c.email)!);
  });
  const optedOut = seenCustomers.filter((c) => c.optedOutAt !== null);
  if (optedOut.length > 0) {
    await tx
      .insert(t.suppressionList)
      .values(optedOut.map((c) => ({ emailHash: hashEmail(c.email), createdAt: c.optedOutAt! })))
      .onConflictDoNothing();
  }

  const interactionIds = new Map<string, number>();
  await inBatches(ws.interactions, columnCount(t.interactions), async (batch) => {
    const rows = await tx
      .insert(t.interactions)
      .values(
        batch.map((it) => {
          const c = ws.customers[it.customer]!;
          return {
            externalId: it.externalId,
            repId: repIds[it.rep]!,
            customerId: customerIds.get(it.customer)!,
            type: it.type,
            occurredAt: it.occurredAt,
            quoteRequestedAt: it.quoteRequestedAt,
            quoteDeliveredAt: it.quoteDeliveredAt,
            contentKey: it.contentIds.join(';'),
            customerKey: customerKey({ email: c.email, name: c.name, locale: c.locale, company: c.company }),
            source: 'demo' as const,
            surveyStatus: it.invitation ? ('scheduled' as const) : ('suppressed' as const),
            suppressionReason: it.suppressionReason,
            createdAt: it.arrivedAt,
            updatedAt: Math.max(it.arrivedAt, it.quoteDeliveredAt ?? 0),
          };
        }),
      )
      .returning({ id: t.interactions.id, externalId: t.interactions.externalId });
    for (const r of rows) interactionIds.set(r.externalId, r.id);
  });
  const idOf = (it: GenInteraction) => interactionIds.get(it.externalId)!;

  const shared = ws.interactions.flatMap((it) =>
    it.contentIds.map((contentId) => ({ interactionId: idOf(it), contentId })),
  );
  await inBatches(shared, 2, (batch) => tx.insert(t.interactionContent).values(batch));

  const surveyed = ws.interactions.filter((it) => it.invitation !== null);
  const invitationIds = new Map<string, number>();
  await inBatches(surveyed, columnCount(t.invitations), async (batch) => {
    const rows = await tx
      .insert(t.invitations)
      .values(
        batch.map((it) => {
          const v = it.invitation!;
          return {
            interactionId: idOf(it),
            customerId: customerIds.get(it.customer)!,
            repId: repIds[it.rep]!,
            status: v.status,
            locale: ws.customers[it.customer]!.locale,
            questions: v.questions,
            required: v.required,
            sendAt: v.sendAt,
            sentAt: v.sentAt,
            expiresAt: v.expiresAt,
            expiryDays: v.expiryDays,
            reminderDueAt: v.reminderDueAt,
            remindedAt: v.remindedAt,
            respondedAt: v.respondedAt,
            createdAt: it.arrivedAt,
          };
        }),
      )
      .returning({ id: t.invitations.id, interactionId: t.invitations.interactionId });
    const byInteraction = new Map(rows.map((r) => [r.interactionId, r.id]));
    for (const it of batch) invitationIds.set(it.externalId, byInteraction.get(idOf(it))!);
  });

  const answered = surveyed.filter((it) => it.invitation!.response !== null);
  await inBatches(answered, columnCount(t.responses), (batch) =>
    tx.insert(t.responses).values(
      batch.map((it) => {
        const r = it.invitation!.response!;
        return {
          invitationId: invitationIds.get(it.externalId)!,
          interactionId: idOf(it),
          repId: repIds[it.rep]!,
          interactionType: it.type,
          occurredAt: it.occurredAt,
          status: r.status,
          source: 'demo' as const,
          resolvedFirstContact: r.resolvedFirstContact,
          contentUseful: r.contentUseful,
          decisionClearer: r.decisionClearer,
          addedValue: r.addedValue,
          comment: r.comment,
          contactConsent: r.contactConsent,
          locale: ws.customers[it.customer]!.locale,
          startedAt: r.startedAt,
          submittedAt: r.submittedAt,
          updatedAt: r.submittedAt ?? r.startedAt,
        };
      }),
    ),
  );

  // Invitations still open or not yet sent get their mail, with working links, in the outbox.
  for (const it of surveyed) {
    const v = it.invitation!;
    if (v.status !== 'scheduled' && v.status !== 'sent') continue;
    const c = ws.customers[it.customer]!;
    const message = {
      invitationId: invitationIds.get(it.externalId)!,
      expiresAt: v.expiresAt,
      interactionType: it.type,
      occurredAt: it.occurredAt,
      repName: ws.reps[it.rep]!.name,
      customer: { email: c.email, name: c.name, locale: c.locale },
    };
    await queueSurveyMail(tx, mail, { ...message, kind: 'invitation', sendAfter: v.sendAt }, it.arrivedAt);
    if (v.remindedAt !== null)
      await queueSurveyMail(tx, mail, { ...message, kind: 'reminder', sendAfter: v.remindedAt }, v.remindedAt);
  }

  await writeTraining(tx, ws, repIds, skillIds, staffIds);
  await writeFollowUps(tx, now);
  await writeTargets(tx, ws, teamIds, staffIds.get('lead@demo.cpilens.test') ?? null);
  // version: of the stated model (db/demo/model.ts); 2 = correlated skills, work mix, selection on answering, staggered training; 3 = the bootcamp drawn at random in months 4–6.
  await tx.insert(t.settings).values({
    key: DEMO_MARKER,
    value: { seed: ws.seed, loadedAt: new Date(now).toISOString(), version: 3 },
    updatedAt: now,
  });
  await recordAudit(tx, now, {
    actor: 'demo',
    action: 'demo.load',
    detail: { seed: ws.seed, interactions: ws.interactions.length },
  });
  return true;
}

/** Follow-ups for low answers from customers who consented (as the survey opens them): recent ones open, older ones resolved. */
async function writeFollowUps(tx: Drizzle, now: number): Promise<void> {
  const recent = now - 30 * DAY_MS;
  await tx.run(sql`
    INSERT INTO follow_ups (response_id, status, note, created_at, updated_at)
    SELECT id,
      CASE WHEN submitted_at >= ${recent} THEN 'open' ELSE 'resolved' END,
      CASE WHEN submitted_at >= ${recent} THEN '' ELSE 'Called the customer, apologised and sent a written summary of the next steps.' END,
      submitted_at,
      CASE WHEN submitted_at >= ${recent} THEN submitted_at ELSE min(submitted_at + ${2 * DAY_MS}, ${now}) END
    FROM responses
    WHERE status = 'submitted' AND contact_consent = 1
      AND ${hasLowAnswerSql('')}`);
}

/** Org-wide targets for every CPI and one per team, with the first three whole months as the baseline. */
async function writeTargets(tx: Drizzle, ws: DemoWorkspace, teamIds: number[], leadId: number | null): Promise<void> {
  const firstMonth = nextMonthKey(monthKey(ws.start));
  const baselineFrom = monthStart(firstMonth);
  const baselineTo = monthStart(nextMonthKey(nextMonthKey(nextMonthKey(firstMonth))));
  const org: [t.CpiKey, number][] = [
    ['fcr', 0.7],
    ['contentUseful', 4.0],
    ['decisionClearer', 3.8],
    ['addedValue', 3.8],
    ['quoteTurnaround', 24],
  ];
  const perTeam: [number, t.CpiKey, number][] = [
    [0, 'decisionClearer', 3.7],
    [1, 'quoteTurnaround', 30],
    [2, 'contentUseful', 3.9],
  ];
  const common = { baselineFrom, baselineTo, updatedBy: leadId, updatedAt: ws.now - 7 * DAY_MS };
  await tx.insert(t.cpiTargets).values([
    ...org.map(([cpi, target]) => ({ cpi, teamId: null, scope: 'org', target, ...common })),
    ...perTeam.map(([team, cpi, target]) => ({
      cpi,
      teamId: teamIds[team]!,
      scope: `team:${teamIds[team]!}`,
      target,
      ...common,
    })),
  ]);
}
