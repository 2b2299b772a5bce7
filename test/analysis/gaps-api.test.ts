/**
 * GET /api/v1/gaps from the joint model (issue 14): the link and gap shapes of docs/api.md,
 * computed once per data version on the analysis worker and served from the stored result
 * until a write an analysis reads moves the version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { mulberry32 } from '../../src/stats/prng';
import { DAY_MS } from '../../src/lib/days';

const TIERS = ['finding', 'exploratory', 'no-evidence', 'not-separable', 'insufficient'];
const LABELS = [
  'untrained',
  'trained-not-transferred',
  'coached-improving',
  'coached-not-improving',
  'coached-too-early-to-tell',
];
const CPI_KEYS = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'];
const PERIOD = '?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z';

describe('GET /api/v1/gaps (joint model, served per data version)', () => {
  let t: TestApp;
  let key: string;
  const version = async () =>
    Number((await t.db.readClient.execute('SELECT version FROM data_version')).rows[0]!.version);

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-20T12:00:00Z'));
    key = (await addApiKey(t, 'all')).key;
    const random = mulberry32(11);
    const reps = Array.from({ length: 24 }, (_, i) => ({
      email: `rep${i}@acme.test`,
      name: `Rep ${i}`,
      team: ['Alpha', 'Beta', 'Gamma'][i % 3]!,
    }));
    expect((await api(t, key, 'POST', '/reps', reps)).status).toBe(200);
    const training = reps.flatMap((rep, i) =>
      ['discovery', 'quoting', 'product-knowledge'].map((skill, s) => ({
        repEmail: rep.email,
        skill,
        kind: 'assessment',
        completedAt: '2026-02-01T00:00:00Z',
        score: 50 + ((i * 7 + s * 13) % 40),
      })),
    );
    training.push({
      repEmail: 'rep0@acme.test',
      skill: 'quoting',
      kind: 'course',
      completedAt: '2026-03-01T00:00:00Z',
      score: 0,
    });
    expect((await api(t, key, 'POST', '/training-records', training)).status).toBe(201);
    for (const [i, rep] of reps.entries()) {
      const items = Array.from({ length: 30 }, (_, k) => ({
        externalId: `g-${i}-${k}`,
        repEmail: rep.email,
        customer: { email: `c-${i}-${k}@x.test` },
        type: (['call', 'demo', 'support'] as const)[k % 3],
        occurredAt: new Date(Date.parse('2026-03-01T10:00:00Z') + k * 5 * DAY_MS).toISOString(),
      }));
      expect((await api(t, key, 'POST', '/interactions', items)).status).toBe(201);
      const answers = items.map((item) => ({
        interactionExternalId: item.externalId,
        answeredAt: item.occurredAt,
        answers: {
          resolved_first_contact: random() < 0.4 + i * 0.015 ? 'yes' : 'no',
          decision_clearer: 1 + Math.floor(random() * 5),
        },
      }));
      expect((await api(t, key, 'POST', '/responses/import', answers)).status).toBe(201);
    }
  }, 120_000);
  afterAll(async () => t.close());

  it('answers in the contract shape', async () => {
    const res = await api(t, key, 'GET', `/gaps${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.json.links.length).toBeGreaterThan(0);
    for (const link of res.json.links) {
      expect(Object.keys(link)).toEqual(
        expect.arrayContaining([
          'skill',
          'cpi',
          'n',
          'estimate',
          'se',
          'lower',
          'upper',
          'p',
          'q',
          'tier',
          'mde',
          'vif',
          'unadjustedRho',
        ]),
      );
      expect(TIERS).toContain(link.tier);
      expect(CPI_KEYS).toContain(link.cpi);
      expect(link.q === null || typeof link.q === 'number').toBe(true);
      if (link.tier === 'not-separable') expect(typeof link.separableFrom).toBe('string');
      else expect(link.separableFrom).toBeUndefined();
      if (link.tier === 'insufficient' || link.tier === 'not-separable') expect(link.q).toBeNull();
    }
    expect(res.json.reps).toHaveLength(24);
    for (const rep of res.json.reps) {
      const scores = rep.gaps.map((g: { score: number | null }) => g.score ?? -Infinity);
      expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
      for (const gap of rep.gaps) {
        expect(LABELS).toContain(gap.label);
        expect(CPI_KEYS).toContain(gap.cpi);
        expect(typeof gap.lowConfidence).toBe('boolean');
      }
    }
    const team = await api(t, key, 'GET', `/gaps${PERIOD}&team=Alpha`);
    expect(team.json.reps).toHaveLength(8);
    expect(team.json.links).toEqual(res.json.links);
  });

  it('is computed once per data version and served from the stored result', async () => {
    const first = await api(t, key, 'GET', `/gaps${PERIOD}`);
    const again = await api(t, key, 'GET', `/gaps${PERIOD}`);
    expect(again.json).toEqual(first.json);
    expect(await version()).toBe(first.json.dataVersion);
    const before = await version();
    await api(t, key, 'POST', '/training-records', [
      {
        repEmail: 'rep1@acme.test',
        skill: 'discovery',
        kind: 'assessment',
        completedAt: '2026-06-01T00:00:00Z',
        score: 99,
      },
    ]);
    expect(await version()).toBeGreaterThan(before);
    const after = await api(t, key, 'GET', `/gaps${PERIOD}`);
    expect(after.json.dataVersion).toBe(await version());
    expect(after.json.computedAt >= first.json.computedAt).toBe(true);
    const stored = await t.db.readClient.execute("SELECT count(*) AS n FROM analysis_results WHERE kind = 'links'");
    expect(Number(stored.rows[0]!.n)).toBe(1);
  });

  it('without `to`, is served from the stored result all day (the default period ends at the end of the UTC day)', async () => {
    const clock = t.clock as ReturnType<typeof manualClock>;
    const first = await api(t, key, 'GET', '/gaps');
    expect(first.status).toBe(200);
    clock.advance(3 * 3_600_000);
    const later = await api(t, key, 'GET', '/gaps');
    expect(later.json.computedAt).toBe(first.json.computedAt);
    expect(later.json).toEqual(first.json);
    clock.advance(-3 * 3_600_000);
  });

  it('moves the data version with submitted answers, targets and reps, not with partial saves or new interactions', async () => {
    const v0 = await version();
    const item = {
      externalId: 'v-1',
      repEmail: 'rep2@acme.test',
      customer: { email: 'v1@x.test' },
      type: 'call',
      occurredAt: '2026-11-20T10:00:00Z',
    };
    await api(t, key, 'POST', '/interactions', item);
    expect(await version()).toBe(v0);
    const mail = await t.db.readClient.execute("SELECT text_body FROM outbox WHERE to_address = 'v1@x.test'");
    const path = /\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0];
    const post = (body: string) =>
      t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    await post('resolved_first_contact=yes');
    expect(await version()).toBe(v0);
    await post('action=submit');
    expect(await version()).toBe(v0 + 1);
    await api(t, key, 'POST', '/reps', [{ email: 'rep2@acme.test', name: 'Rep Two', team: 'Alpha' }]);
    expect(await version()).toBeGreaterThan(v0 + 1);
  });
});
