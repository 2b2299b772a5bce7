/**
 * The demo workspace (ending at NOW) plus a tiny team "Tiny" whose only rep has 3
 * responses this quarter — a group every page must show as "not enough responses" —
 * and signed-in demo users.
 */
import { addApiKey, api, createTestApp, login, manualClock, DAY, type ManualClock, type TestApp } from '../helpers/app';
import { DEMO_LOGINS, loadDemoWorkspace } from '../../db/demo';

const NOW = '2026-11-20T10:00:00Z';
export const TINY_REP = { email: 'tina@tiny.test', name: 'Tina Tiny', team: 'Tiny' };

export interface WorkspaceFixture {
  t: TestApp;
  clock: ManualClock;
  key: string;
  teams: Record<'Iberia' | 'DACH' | 'North America' | 'Tiny', number>;
  cookies: { admin: string; lead: string; trainer: string };
}

async function one(t: TestApp, query: string): Promise<number> {
  return Number((await t.db.readClient.execute(query)).rows[0]?.id);
}

/** Adds a rep to `team` with one answered call per entry of `answers`, `daysAgo` days before now. */
export async function addRepWithResponses(
  t: TestApp,
  key: string,
  rep: { email: string; name: string; team: string },
  count: number,
  daysAgo = 6,
) {
  const reps = await api(t, key, 'POST', '/reps', [rep]);
  if (reps.status !== 200 && reps.status !== 201) throw new Error(`reps: ${reps.status} ${JSON.stringify(reps.json)}`);
  const now = t.clock.nowMs();
  const ids = Array.from({ length: count }, (_, i) => `${rep.email.replace(/[^a-z0-9]+/gi, '-')}-${i}`);
  const interactions = await api(
    t,
    key,
    'POST',
    '/interactions',
    ids.map((externalId, i) => ({
      externalId,
      repEmail: rep.email,
      customer: { email: `${externalId}@customer.test`, name: null, locale: 'en', company: null },
      type: 'call',
      occurredAt: new Date(now - (daysAgo + i) * DAY).toISOString(),
      quoteRequestedAt: null,
      quoteDeliveredAt: null,
      contentIds: [],
    })),
  );
  if (interactions.status !== 201)
    throw new Error(`interactions: ${interactions.status} ${JSON.stringify(interactions.json)}`);
  const answered = await api(
    t,
    key,
    'POST',
    '/responses/import',
    ids.map((externalId, i) => ({
      interactionExternalId: externalId,
      answeredAt: new Date(now - (daysAgo + i) * DAY + 3_600_000).toISOString(),
      answers: {
        resolved_first_contact: i % 2 === 0 ? 'yes' : 'no',
        content_useful: null,
        decision_clearer: 4,
        added_value: 5,
        comment: null,
      },
    })),
  );
  if (answered.status !== 201) throw new Error(`responses: ${answered.status} ${JSON.stringify(answered.json)}`);
}

export async function workspaceFixture(): Promise<WorkspaceFixture> {
  const clock = manualClock(NOW);
  const t = await createTestApp({}, clock);
  await loadDemoWorkspace(t.deps);
  const key = (await addApiKey(t, 'all')).key;
  await addRepWithResponses(t, key, TINY_REP, 3);
  const teamId = (name: string) => one(t, `SELECT id FROM teams WHERE name = '${name}'`);
  const teams = {
    Iberia: await teamId('Iberia'),
    DACH: await teamId('DACH'),
    'North America': await teamId('North America'),
    Tiny: await teamId('Tiny'),
  };
  const password = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;
  const signIn = (role: string) => login(t, password(role).email, password(role).password);
  return {
    t,
    clock,
    key,
    teams,
    cookies: { admin: await signIn('admin'), lead: await signIn('lead'), trainer: await signIn('trainer') },
  };
}

export const hx = { 'HX-Request': 'true' };

export async function get(f: WorkspaceFixture, path: string, cookie: string, headers: Record<string, string> = {}) {
  const res = await f.t.request(path, { cookie, headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** The text of an HTML fragment, tags removed and whitespace collapsed (for reading numbers). */
export const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

/** The markup of the element with `data-cpi="<cpi>"` (an overview tile). */
export function tile(html: string, cpi: string): string {
  const at = html.indexOf(`data-cpi="${cpi}"`);
  if (at < 0) throw new Error(`no tile ${cpi}`);
  const start = html.indexOf('>', at) + 1;
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}
