/** The demo workspace (loaded once per test file) with the demo logins signed in. */
import { createTestApp, login, manualClock, type ManualClock, type TestApp } from '../helpers/app';
import { loadDemoWorkspace } from '../../db/demo';
import { untilAnalysed } from '../helpers/analysis';

const NOW = '2026-11-20T10:00:00Z';
/** Loading the demo takes ~5–10 s on a shared machine. */
export const DEMO_TIMEOUT = 180_000;

export interface CoachingFixture {
  t: TestApp;
  clock: ManualClock;
  cookies: { trainer: string; lead: string; admin: string };
  users: { trainer: number; lead: number; admin: number };
  teams: { iberia: number; dach: number; na: number };
  /** A rep of each team, by id. */
  reps: { iberia: number; dach: number };
}

export async function coachingFixture(): Promise<CoachingFixture> {
  const clock = manualClock(NOW);
  const t = await createTestApp({}, clock);
  await loadDemoWorkspace(t.deps);
  const one = async (query: string) => Number((await t.db.readClient.execute(query)).rows[0]?.id);
  const teams = {
    iberia: await one("SELECT id FROM teams WHERE name = 'Iberia'"),
    dach: await one("SELECT id FROM teams WHERE name = 'DACH'"),
    na: await one("SELECT id FROM teams WHERE name = 'North America'"),
  };
  const reps = {
    iberia: await one(`SELECT id FROM reps WHERE team_id = ${teams.iberia} ORDER BY id LIMIT 1`),
    dach: await one(`SELECT id FROM reps WHERE team_id = ${teams.dach} ORDER BY id LIMIT 1`),
  };
  const users = {
    trainer: await one("SELECT id FROM staff_users WHERE email = 'trainer@demo.cpilens.test'"),
    lead: await one("SELECT id FROM staff_users WHERE email = 'lead@demo.cpilens.test'"),
    admin: await one("SELECT id FROM staff_users WHERE email = 'admin@demo.cpilens.test'"),
  };
  const cookies = {
    trainer: await login(t, 'trainer@demo.cpilens.test', 'demo-trainer-pass'),
    lead: await login(t, 'lead@demo.cpilens.test', 'demo-lead-pass'),
    admin: await login(t, 'admin@demo.cpilens.test', 'demo-admin-pass'),
  };
  return { t, clock, cookies, users, teams, reps };
}

export const HX = { 'HX-Request': 'true' };

/** A page served from the link analysis: asked again while the period's analysis is being computed. */
export async function analysedPage(t: TestApp, path: string, cookie: string, headers: Record<string, string> = {}) {
  return untilAnalysed(async () => {
    const res = await t.request(path, { cookie, headers });
    return { status: res.status, html: await res.text(), headers: res.headers };
  });
}

export async function rows<T = Record<string, unknown>>(t: TestApp, query: string): Promise<T[]> {
  return (await t.db.readClient.execute(query)).rows as unknown as T[];
}

export async function count(t: TestApp, query: string): Promise<number> {
  const [row] = await rows<{ n: number }>(t, query);
  return Number(row?.n ?? 0);
}

/** Input, select and textarea elements that no <label for> names (hidden inputs excepted). */
export function unlabelledControls(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(tag)) continue;
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (id && html.includes(`for="${id}"`)) continue;
    out.push(tag);
  }
  return out;
}

/** Rep names inside the rep cards of a plan page. */
export function planRepIds(html: string): number[] {
  return [...html.matchAll(/<article class="rep-card[^"]*" id="rep-(\d+)"/g)].map((m) => Number(m[1]));
}

/** A day as YYYY-MM-DD (UTC). */
export const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

let seq = 0;

/**
 * A submitted response written straight to the tables (no invitation, rollups untouched):
 * enough for the quote, follow-up and export reads, which read the rows.
 */
export async function addResponse(
  t: TestApp,
  r: {
    repId: number;
    occurredAt: number;
    comment: string;
    consent: boolean;
    customer: { email: string; name: string; company: string };
    decisionClearer?: number;
    fcr?: number;
  },
): Promise<number> {
  seq += 1;
  const now = t.clock.nowMs();
  return t.db.write(async (tx) => {
    const customer = await tx.run(
      `INSERT INTO customers (email, name, locale, company, created_at) VALUES ('${r.customer.email}', '${r.customer.name}', 'en', '${r.customer.company}', ${now})`,
    );
    const interaction = await tx.run(
      `INSERT INTO interactions (external_id, rep_id, customer_id, type, occurred_at, source, survey_status, created_at, updated_at)
       VALUES ('test-coaching-${seq}-${now}', ${r.repId}, ${Number(customer.lastInsertRowid)}, 'call', ${r.occurredAt}, 'demo', 'scheduled', ${now}, ${now})`,
    );
    const response = await tx.run(
      `INSERT INTO responses (interaction_id, rep_id, interaction_type, occurred_at, status, source, resolved_first_contact, decision_clearer, comment, contact_consent, started_at, submitted_at, updated_at)
       VALUES (${Number(interaction.lastInsertRowid)}, ${r.repId}, 'call', ${r.occurredAt}, 'submitted', 'demo', ${r.fcr ?? 'NULL'}, ${r.decisionClearer ?? 'NULL'}, '${r.comment.replace(/'/g, "''")}', ${r.consent ? 1 : 0}, ${r.occurredAt}, ${r.occurredAt}, ${now})`,
    );
    return Number(response.lastInsertRowid);
  });
}
