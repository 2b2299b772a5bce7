/**
 * The reproducible demo workspace behind `npm run demo`: 3 teams, 36 reps, 6 skills, a
 * year of training history, ~12,000 interactions and ~5,000 survey responses ending at the
 * moment of loading, generated from the model stated in db/demo/model.ts (fixed seed).
 *
 * Idempotent by a marker row (`settings.key = 'demo.workspace'`): the first load writes
 * everything in one write; later runs find the marker and change nothing (the data keeps
 * ending at the first load's instant — delete the database file to get a fresh one).
 * A database that already holds other teams, reps or interactions is refused, so the
 * demo never mixes with real data. Staff accounts with the demo emails that already
 * exist are kept as they are.
 */
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../src/context';
import type { Drizzle } from './client';
import { hashPassword } from '../src/lib/passwords';
import { newToken } from '../src/lib/tokens';
import { DEMO_LOGINS, DEMO_TEAMS } from './demo/catalog';
import { DEMO_SEED } from './demo/model';
import { generateDemoWorkspace } from './demo/generate';
import { DEMO_MARKER, writeDemoWorkspace, type DemoStaffAccount } from './demo/load';

export { DEMO_LOGINS, DEMO_SEED, generateDemoWorkspace };
export { DemoRefusedError } from './demo/load';

interface DemoCounts {
  teams: number;
  reps: number;
  skills: number;
  contentItems: number;
  customers: number;
  interactions: number;
  suppressed: Record<string, number>;
  invitations: Record<string, number>;
  openInvitations: number;
  reminded: number;
  responses: number;
  partialResponses: number;
  comments: number;
  training: Record<string, number>;
  coachingSessions: number;
  followUps: number;
  outboxPending: number;
  cpiTargets: number;
  staffUsers: number;
}

export interface DemoLoadResult {
  /** False when the marker row showed the workspace was already there. */
  loaded: boolean;
  ms: number;
  counts: DemoCounts;
}

async function hasMarker(db: Drizzle): Promise<boolean> {
  const rows = await db.all<{ key: string }>(sql`SELECT key FROM settings WHERE key = ${DEMO_MARKER}`);
  return rows.length > 0;
}

/** The demo logins and the other teams' trainers (who get an unusable password). */
async function staffAccounts(): Promise<DemoStaffAccount[]> {
  const logins = await Promise.all(
    DEMO_LOGINS.map(async (l) => ({
      email: l.email,
      name: l.name,
      role: l.role,
      passwordHash: await hashPassword(l.password),
      teams: 'team' in l ? [l.team] : [],
    })),
  );
  const otherTrainers = await Promise.all(
    DEMO_TEAMS.filter((team) => !logins.some((l) => l.email === team.trainer.email)).map(async (team) => ({
      ...team.trainer,
      role: 'trainer' as const,
      passwordHash: await hashPassword(newToken()),
      teams: [team.name],
    })),
  );
  return [...logins, ...otherTrainers];
}

/** Loads the demo workspace into deps.db unless it is there already; times end at deps.clock's now. */
export async function loadDemoWorkspace(deps: AppDeps, seed = DEMO_SEED): Promise<DemoLoadResult> {
  const started = performance.now();
  let loaded = false;
  if (!(await hasMarker(deps.db.read))) {
    const workspace = generateDemoWorkspace(seed, deps.clock.nowMs());
    const staff = await staffAccounts();
    const mail = { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom };
    loaded = await deps.db.write((tx) => writeDemoWorkspace(tx, workspace, staff, mail));
  }
  return { loaded, ms: Math.round(performance.now() - started), counts: await countWorkspace(deps.db.read) };
}

const byKey = (rows: { k: string | null; n: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.k ?? 'none', Number(r.n)]));

async function countWorkspace(db: Drizzle): Promise<DemoCounts> {
  const one = async (query: ReturnType<typeof sql>) => Number((await db.all<{ n: number }>(query))[0]?.n ?? 0);
  const grouped = async (query: ReturnType<typeof sql>) => byKey(await db.all<{ k: string | null; n: number }>(query));
  return {
    teams: await one(sql`SELECT count(*) AS n FROM teams`),
    reps: await one(sql`SELECT count(*) AS n FROM reps`),
    skills: await one(sql`SELECT count(*) AS n FROM skills`),
    contentItems: await one(sql`SELECT count(*) AS n FROM content_items`),
    customers: await one(sql`SELECT count(*) AS n FROM customers`),
    interactions: await one(sql`SELECT count(*) AS n FROM interactions`),
    suppressed: await grouped(
      sql`SELECT suppression_reason AS k, count(*) AS n FROM interactions WHERE survey_status = 'suppressed' GROUP BY 1 ORDER BY 1`,
    ),
    invitations: await grouped(sql`SELECT status AS k, count(*) AS n FROM invitations GROUP BY 1 ORDER BY 1`),
    openInvitations: await one(
      sql`SELECT count(*) AS n FROM invitations i WHERE status = 'sent' AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.invitation_id = i.id AND r.status = 'submitted')`,
    ),
    reminded: await one(sql`SELECT count(*) AS n FROM invitations WHERE reminded_at IS NOT NULL`),
    responses: await one(sql`SELECT count(*) AS n FROM responses WHERE status = 'submitted'`),
    partialResponses: await one(sql`SELECT count(*) AS n FROM responses WHERE status = 'partial'`),
    comments: await one(sql`SELECT count(*) AS n FROM responses WHERE comment IS NOT NULL`),
    training: await grouped(sql`SELECT kind AS k, count(*) AS n FROM training_records GROUP BY 1 ORDER BY 1`),
    coachingSessions: await one(sql`SELECT count(*) AS n FROM coaching_sessions`),
    followUps: await one(sql`SELECT count(*) AS n FROM follow_ups`),
    outboxPending: await one(sql`SELECT count(*) AS n FROM outbox WHERE status = 'pending'`),
    cpiTargets: await one(sql`SELECT count(*) AS n FROM cpi_targets`),
    staffUsers: await one(sql`SELECT count(*) AS n FROM staff_users`),
  };
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

/** A few lines for the console. */
export function describeDemo(result: DemoLoadResult): string[] {
  const c = result.counts;
  return [
    result.loaded
      ? `Demo workspace loaded in ${(result.ms / 1000).toFixed(1)} s:`
      : 'Demo workspace already loaded (nothing changed):',
    `  ${c.teams} teams, ${c.reps} reps, ${c.skills} skills, ${c.contentItems} content items, ${c.customers} customers`,
    `  ${c.interactions} interactions (suppressed: ${list(c.suppressed) || 'none'})`,
    `  invitations: ${list(c.invitations)}; ${c.openInvitations} open, ${c.reminded} reminded`,
    `  ${c.responses} responses (+${c.partialResponses} partial), ${c.comments} comments, ${c.followUps} follow-ups`,
    `  training records: ${list(c.training)}; ${c.coachingSessions} coaching sessions; ${c.cpiTargets} CPI targets`,
    `  ${c.outboxPending} messages with working survey links wait in the outbox (/admin/outbox)`,
  ];
}
