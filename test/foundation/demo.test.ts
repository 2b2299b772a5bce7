import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRankCorrelation } from 'simple-statistics';
import { createTestApp, login, manualClock, DAY, HOUR, type TestApp } from '../helpers/app';
import { DEMO_LOGINS, DEMO_SEED, generateDemoWorkspace, loadDemoWorkspace, type DemoLoadResult } from '../../db/demo';
import { rebuildRollups } from '../../db/queries/rollups';

const NOW = Date.parse('2026-11-20T10:00:00Z');

async function rows<T = Record<string, unknown>>(t: TestApp, query: string): Promise<T[]> {
  return (await t.db.readClient.execute(query)).rows as unknown as T[];
}

async function count(t: TestApp, query: string): Promise<number> {
  const [row] = await rows<{ n: number }>(t, query);
  return Number(row?.n ?? 0);
}

/** Row counts of every table of the schema. */
async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const tables = await rows<{ name: string }>(t, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = await count(t, `SELECT count(*) AS n FROM "${name}"`);
  return out;
}

/** Per rep: the latest assessment score in a skill (reps never assessed in it are left out). */
async function latestScores(t: TestApp, slug: string): Promise<Map<number, number>> {
  const list = await rows<{ rep_id: number; score: number }>(
    t,
    `SELECT tr.rep_id, tr.score FROM training_records tr JOIN skills s ON s.id = tr.skill_id
     WHERE s.slug = '${slug}' AND tr.kind = 'assessment'
       AND tr.completed_at = (SELECT max(completed_at) FROM training_records x WHERE x.rep_id = tr.rep_id AND x.skill_id = tr.skill_id AND x.kind = 'assessment')`,
  );
  return new Map(list.map((r) => [Number(r.rep_id), Number(r.score)]));
}

async function repMeans(t: TestApp, column: string): Promise<Map<number, number>> {
  const list = await rows<{ rep_id: number; m: number }>(t, `SELECT rep_id, avg(${column}) AS m FROM responses WHERE status = 'submitted' GROUP BY rep_id`);
  return new Map(list.map((r) => [Number(r.rep_id), Number(r.m)]));
}

function rankCorrelation(x: Map<number, number>, y: Map<number, number>): { rho: number; n: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [rep, value] of x) {
    const other = y.get(rep);
    if (other === undefined) continue;
    xs.push(value);
    ys.push(other);
  }
  return { rho: sampleRankCorrelation(xs, ys), n: xs.length };
}

describe('demo workspace (npm run demo)', () => {
  let t: TestApp;
  let first: DemoLoadResult;

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    first = await loadDemoWorkspace(t.deps);
  }, 120_000);
  afterAll(async () => t.close());

  it('is generated reproducibly from the fixed seed', () => {
    const a = generateDemoWorkspace(DEMO_SEED, NOW);
    const b = generateDemoWorkspace(DEMO_SEED, NOW);
    expect(b).toEqual(a);
    expect(first.counts.interactions).toBe(a.interactions.length);
    expect(first.counts.responses).toBe(a.interactions.filter((i) => i.invitation?.response?.status === 'submitted').length);
  });

  it('loads once; running it again changes nothing', async () => {
    expect(first.loaded).toBe(true);
    const before = await tableCounts(t);
    const second = await loadDemoWorkspace(t.deps);
    expect(second.loaded).toBe(false);
    expect(await tableCounts(t)).toEqual(before);
    expect(second.counts).toEqual(first.counts);
  });

  it('holds the stated teams, reps, skills, content and volumes, ending now', async () => {
    const c = first.counts;
    expect(c.teams).toBe(3);
    expect(c.reps).toBe(36);
    expect(await count(t, 'SELECT count(DISTINCT team_id) AS n FROM reps')).toBe(3);
    expect((await rows<{ slug: string }>(t, 'SELECT slug FROM skills ORDER BY slug')).map((r) => r.slug)).toEqual([
      'content-usage',
      'discovery',
      'objection-handling',
      'product-knowledge',
      'quoting',
      'value-messaging',
    ]);
    expect(c.contentItems).toBe(12);
    expect(await count(t, "SELECT count(*) AS n FROM content_items WHERE url LIKE 'https://%example.com/%' AND stage IS NOT NULL AND topic IS NOT NULL")).toBe(12);
    expect(c.interactions).toBeGreaterThan(12_000 * 0.85);
    expect(c.interactions).toBeLessThan(12_000 * 1.15);
    expect(c.responses).toBeGreaterThan(5_000 * 0.85);
    expect(c.responses).toBeLessThan(5_000 * 1.15);
    expect(c.partialResponses).toBeGreaterThanOrEqual(1);
    expect((await rows<{ locale: string }>(t, 'SELECT DISTINCT locale FROM customers ORDER BY 1')).map((r) => r.locale)).toEqual(['de', 'en', 'es']);
    expect((await rows<{ type: string }>(t, 'SELECT DISTINCT type FROM interactions ORDER BY 1')).map((r) => r.type)).toEqual(['call', 'demo', 'meeting', 'quote', 'support']);
    const [span] = await rows<{ first: number; last: number }>(t, 'SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM interactions');
    expect(Number(span?.first)).toBeGreaterThanOrEqual(NOW - 365 * DAY);
    expect(Number(span?.last)).toBeLessThanOrEqual(NOW);
    expect(Number(span?.last)).toBeGreaterThan(NOW - 2 * HOUR);
    expect(await count(t, "SELECT count(*) AS n FROM interactions WHERE (type = 'quote') <> (quote_requested_at IS NOT NULL)")).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM interactions WHERE quote_delivered_at < quote_requested_at')).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM interactions WHERE customer_key = '' OR (content_key = '') <> NOT EXISTS (SELECT 1 FROM interaction_content c WHERE c.interaction_id = interactions.id)")).toBe(0);
  });

  it('has training history with coaching sessions and missing (never zero) assessments', async () => {
    const c = first.counts;
    expect(c.training.assessment).toBeGreaterThan(200);
    expect(c.training.course).toBeGreaterThan(30);
    expect(c.training.coaching).toBeGreaterThan(5);
    expect(await count(t, "SELECT count(*) AS n FROM coaching_sessions WHERE status = 'done' AND trainer_id IS NOT NULL AND training_record_id IS NOT NULL")).toBe(c.training.coaching);
    expect(await count(t, "SELECT count(*) AS n FROM coaching_sessions WHERE status = 'planned'")).toBeGreaterThan(0);
    expect(await count(t, "SELECT count(*) AS n FROM training_records WHERE kind = 'assessment' AND score IS NULL")).toBe(0);
    const assessedPairs = await count(t, "SELECT count(*) AS n FROM (SELECT DISTINCT rep_id, skill_id FROM training_records WHERE kind = 'assessment')");
    expect(assessedPairs).toBeLessThan(36 * 6);
    expect(assessedPairs).toBeGreaterThan(36 * 6 * 0.8);
    expect(c.cpiTargets).toBeGreaterThanOrEqual(8);
    expect(await count(t, "SELECT count(*) AS n FROM cpi_targets WHERE scope LIKE 'team:%' AND team_id IS NOT NULL")).toBe(3);
    expect(await count(t, 'SELECT count(*) AS n FROM cpi_targets WHERE baseline_to - baseline_from BETWEEN 89 * 86400000 AND 92 * 86400000')).toBe(c.cpiTargets);
  });

  it('has one invitation per surveyed interaction, in every state, and answers only to questions asked', async () => {
    const c = first.counts;
    expect(await count(t, "SELECT count(*) AS n FROM interactions i WHERE (survey_status = 'scheduled') <> EXISTS (SELECT 1 FROM invitations v WHERE v.interaction_id = i.id)")).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM interactions WHERE (survey_status = 'suppressed') <> (suppression_reason IS NOT NULL)")).toBe(0);
    expect(c.suppressed.fatigue).toBeGreaterThan(500);
    expect(Object.keys(c.suppressed).length).toBeGreaterThanOrEqual(3);
    expect(c.invitations.expired).toBeGreaterThan(500);
    expect(c.invitations.responded).toBe(c.responses);
    expect(c.openInvitations).toBeGreaterThan(20);
    expect(c.reminded).toBeGreaterThan(100);
    expect(await count(t, `SELECT count(*) AS n FROM invitations WHERE status = 'sent' AND expires_at > ${NOW} AND reminded_at IS NOT NULL`)).toBeGreaterThan(5);
    expect(await count(t, `SELECT count(*) AS n FROM invitations WHERE status = 'scheduled' AND send_at > ${NOW}`)).toBeGreaterThan(0);
    expect(await count(t, `SELECT count(*) AS n FROM invitations WHERE status = 'expired' AND expires_at > ${NOW}`)).toBe(0);
    expect(await count(t, `SELECT count(*) AS n FROM invitations WHERE status IN ('sent', 'responded', 'expired') AND (sent_at IS NULL OR expires_at <> sent_at + 14 * 86400000)`)).toBe(0);
    expect(await count(t, 'SELECT count(*) AS n FROM invitations v JOIN interactions i ON i.id = v.interaction_id WHERE v.send_at <> i.occurred_at + 2 * 3600000')).toBe(0);
    // content_useful only where content was shared (and so asked); answers only after the send.
    expect(await count(t, "SELECT count(*) AS n FROM responses r JOIN invitations v ON v.id = r.invitation_id WHERE r.content_useful IS NOT NULL AND v.questions NOT LIKE '%content_useful%'")).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM responses r JOIN interactions i ON i.id = r.interaction_id WHERE r.content_useful IS NOT NULL AND i.content_key = ''")).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM responses r JOIN invitations v ON v.id = r.invitation_id WHERE r.status = 'submitted' AND (r.submitted_at < v.sent_at OR r.submitted_at > v.expires_at OR r.submitted_at <> v.responded_at)")).toBe(0);
    expect(await count(t, "SELECT count(*) AS n FROM responses WHERE status = 'submitted' AND decision_clearer IS NULL")).toBeGreaterThan(0);
    expect(c.comments).toBeGreaterThan(100);
    expect(await count(t, "SELECT count(DISTINCT locale) AS n FROM responses WHERE comment IS NOT NULL")).toBe(3);
    expect(await count(t, 'SELECT count(*) AS n FROM responses WHERE comment IS NOT NULL AND contact_consent = 1')).toBeGreaterThan(0);
  });

  it('keeps the CPI rollups equal to a rebuild from the rows', async () => {
    // Whatever tables the rollups live in (cpi_* besides the targets), compared whole.
    const tables = await rows<{ name: string }>(t, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'cpi\\_%' ESCAPE '\\' AND name <> 'cpi_targets'");
    expect(tables.length).toBeGreaterThan(0);
    const snapshot = async () => Promise.all(tables.map(({ name }) => rows(t, `SELECT * FROM "${name}" ORDER BY 1, 2, 3`)));
    const before = await snapshot();
    expect(before[0]!.length).toBeGreaterThan(36 * 5);
    await t.db.write((tx) => rebuildRollups(tx));
    expect(await snapshot()).toEqual(before);
  });

  it('queues mail with working survey links for the open invitations', async () => {
    expect(first.counts.outboxPending).toBeGreaterThan(first.counts.openInvitations);
    const pending = await rows<{ kind: string; text_body: string }>(t, "SELECT kind, text_body FROM outbox WHERE status = 'pending' ORDER BY id DESC");
    for (const kind of ['invitation', 'reminder']) {
      const message = pending.find((m) => m.kind === kind);
      const token = /\/s\/([A-Za-z0-9_-]{43})/.exec(message?.text_body ?? '')?.[1];
      expect(token, `a pending ${kind} with a survey link`).toBeDefined();
      const res = await t.request(`/s/${token}`);
      expect(res.status).toBe(200);
    }
  });

  it('plants the stated effects: objection-handling goes with decision clarity, discovery with nothing', async () => {
    const decisionClearer = await repMeans(t, 'decision_clearer');
    const planted = rankCorrelation(await latestScores(t, 'objection-handling'), decisionClearer);
    expect(planted.n).toBeGreaterThanOrEqual(30);
    expect(planted.rho).toBeGreaterThan(0.3);
    const discovery = await latestScores(t, 'discovery');
    for (const column of ['resolved_first_contact', 'content_useful', 'decision_clearer', 'added_value']) {
      expect(Math.abs(rankCorrelation(discovery, await repMeans(t, column)).rho), `discovery × ${column}`).toBeLessThan(0.3);
    }
  });

  it('prints logins that work, one per role; the trainer coaches one team', async () => {
    expect(DEMO_LOGINS.map((l) => l.role)).toEqual(['admin', 'lead', 'trainer']);
    for (const l of DEMO_LOGINS) {
      expect(l.password.length).toBeGreaterThanOrEqual(10);
      const cookie = await login(t, l.email, l.password);
      expect(cookie).toMatch(/cpil_session=/);
    }
    const teams = await rows<{ name: string }>(
      t,
      "SELECT teams.name FROM trainer_teams JOIN staff_users u ON u.id = trainer_teams.user_id JOIN teams ON teams.id = trainer_teams.team_id WHERE u.email = 'trainer@demo.cpilens.test'",
    );
    expect(teams.map((r) => r.name)).toEqual(['Iberia']);
  });
});
