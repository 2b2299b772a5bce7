/** A test app with reps in two teams and a signed-in admin, lead and trainers (one per team). */
import {
  createTestApp,
  addApiKey,
  addUser,
  api,
  login,
  manualClock,
  type ManualClock,
  type TestApp,
} from '../helpers/app';
import type { Role } from '../../db/schema';

const START = '2026-11-20T12:00:00Z';

export interface AdminFixture {
  t: TestApp;
  clock: ManualClock;
  key: string;
  teams: { iberia: number; dach: number };
  reps: { ana: number; ben: number };
  cookies: { admin: string; lead: string; trainer: string };
  users: Record<'admin' | 'lead' | 'trainer', { id: number; email: string }>;
}

export async function adminFixture(): Promise<AdminFixture> {
  const clock = manualClock(START);
  const t = await createTestApp({}, clock);
  const key = (await addApiKey(t, 'all')).key;
  const reps = await api(t, key, 'POST', '/reps', [
    { email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' },
    { email: 'ben@acme.test', name: 'Ben Ng', team: 'DACH' },
  ]);
  if (reps.status !== 200) throw new Error(`reps: ${reps.status}`);
  const idOf = async (sql: string) => Number((await t.db.readClient.execute(sql)).rows[0]?.id);
  const teams = {
    iberia: await idOf("SELECT id FROM teams WHERE name = 'Iberia'"),
    dach: await idOf("SELECT id FROM teams WHERE name = 'DACH'"),
  };
  const repIds = {
    ana: await idOf("SELECT id FROM reps WHERE email = 'ana@acme.test'"),
    ben: await idOf("SELECT id FROM reps WHERE email = 'ben@acme.test'"),
  };
  const signIn = async (role: Role, teamIds: number[] = []) => {
    const user = await addUser(t, role, { teamIds });
    return { user: { id: user.id, email: user.email }, cookie: await login(t, user.email, user.password) };
  };
  const admin = await signIn('admin');
  const lead = await signIn('lead');
  const trainer = await signIn('trainer', [teams.iberia]);
  return {
    t,
    clock,
    key,
    teams,
    reps: repIds,
    cookies: { admin: admin.cookie, lead: lead.cookie, trainer: trainer.cookie },
    users: { admin: admin.user, lead: lead.user, trainer: trainer.user },
  };
}

export async function setLocale(t: TestApp, userId: number, locale: 'en' | 'es') {
  await t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = '${locale}' WHERE id = ${userId}`));
}

/** Input and select elements that no <label for> names (checkboxes and radios must sit inside their label). */
export function unlabelledControls(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
    if (/type="(hidden|submit)"/.test(tag)) continue;
    const id = /\sid="([^"]+)"/.exec(tag)?.[1];
    if (id ? html.includes(`for="${id}"`) : /type="(checkbox|radio)"/.test(tag)) continue;
    out.push(tag);
  }
  return out;
}

/** "Iso minus n minutes" for interactions that happened just now. */
export const minutesAgo = (clock: ManualClock, minutes: number) =>
  new Date(clock.nowMs() - minutes * 60_000).toISOString();
