/**
 * An organisation too small for the joint model (docs/statistics.md, "Skill-gap score",
 * step 6): eight reps with three skills assessed. No gap is put down to a skill: the gaps page, the rep
 * page and the coaching plan show the reps' CPI shortfalls and how many more reps to assess;
 * links read "too few assessed reps" and importance is the unadjusted correlation, marked so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, addUser, api, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { untilAnalysed } from '../helpers/analysis';
import { mulberry32 } from '../../src/stats/prng';
import { elementWith } from './setup';
import { DAY_MS } from '../../src/lib/days';

const REPS = 8;
/** A model needs 1 + skills + 10 reps with every skill assessed (docs/statistics.md, "Evidence 1"). */
const MORE = 1 + 3 + 10 - REPS;

describe('an organisation with too few assessed reps for the joint model', () => {
  let t: TestApp;
  let cookie: string;
  let repId: number;
  const page = (path: string) =>
    untilAnalysed(async () => {
      const res = await t.request(path, { cookie });
      return { status: res.status, html: await res.text(), headers: res.headers };
    });

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-20T12:00:00Z'));
    const key = (await addApiKey(t, 'all')).key;
    const random = mulberry32(3);
    const reps = Array.from({ length: REPS }, (_, i) => ({
      email: `small${i}@acme.test`,
      name: `Small ${i}`,
      team: i % 2 ? 'East' : 'West',
    }));
    expect((await api(t, key, 'POST', '/reps', reps)).status).toBe(200);
    const training = reps.flatMap((rep, i) =>
      ['discovery', 'quoting', 'product-knowledge'].map((skill, s) => ({
        repEmail: rep.email,
        skill,
        kind: 'assessment',
        completedAt: '2026-02-01T00:00:00Z',
        score: 45 + ((i * 11 + s * 7) % 45),
      })),
    );
    expect((await api(t, key, 'POST', '/training-records', training)).status).toBe(201);
    for (const [i, rep] of reps.entries()) {
      const items = Array.from({ length: 20 }, (_, k) => ({
        externalId: `s-${i}-${k}`,
        repEmail: rep.email,
        customer: { email: `s-${i}-${k}@x.test` },
        type: (['call', 'demo'] as const)[k % 2],
        occurredAt: new Date(Date.parse('2026-04-01T10:00:00Z') + k * 7 * DAY_MS).toISOString(),
      }));
      expect((await api(t, key, 'POST', '/interactions', items)).status).toBe(201);
      const answers = items.map((item) => ({
        interactionExternalId: item.externalId,
        answeredAt: item.occurredAt,
        answers: {
          resolved_first_contact: random() < 0.3 + i * 0.07 ? 'yes' : 'no',
          decision_clearer: 1 + Math.floor(random() * 5),
        },
      }));
      expect((await api(t, key, 'POST', '/responses/import', answers)).status).toBe(201);
    }
    const lead = await addUser(t, 'lead');
    cookie = await login(t, lead.email, lead.password);
    repId = Number((await t.db.readClient.execute("SELECT id FROM reps WHERE email = 'small0@acme.test'")).rows[0]!.id);
  }, 120_000);
  afterAll(async () => t.close());

  it('the gaps page shows each rep’s CPI shortfalls and how many more reps to assess, nothing put down to skills', async () => {
    const { status, html } = await page('/gaps');
    expect(status).toBe(200);
    expect(html).toContain('No CPI has a model yet: too few reps have every skill assessed.');
    expect([...html.matchAll(/data-tier="insufficient"/g)]).toHaveLength(3 * 5);
    expect(html).not.toContain('data-tier="finding"');
    expect(html).toContain(`Reps still to assess in every skill before skills can be linked to CPIs: ${MORE}.`);
    expect(html).toContain(
      `First-contact resolution: no model yet — ${REPS} reps have every skill assessed and a model needs ${REPS + MORE}; assess more reps to link skills to this CPI.`,
    );
    const shortfalls = elementWith(html, 'data-testid="shortfalls"', 'table');
    expect(shortfalls).toMatch(/<a href="\/reps\/\d+">Small \d<\/a>/);
    expect(shortfalls).toMatch(/against target [^·]+ · P\(below target\) (&gt; )?\d+%/);
    expect(html).not.toContain('data-testid="top-gaps"');
    // Importance: the unadjusted correlation, marked as such.
    const quadrant = elementWith(html, 'id="quadrant"', 'section');
    expect(quadrant).toContain('No model for this CPI yet');
    expect(quadrant).toMatch(/\d\.\d\d \(unadjusted\)/);
    expect(html).not.toMatch(/NaN|undefined/);
  });

  it('the rep page lists the rep’s CPIs against target instead of gaps', async () => {
    const { html } = await page(`/reps/${repId}`);
    const note = elementWith(html, 'data-testid="rep-no-model"', 'p');
    expect(note).toContain(`Reps still to assess in every skill before skills can be linked to CPIs: ${MORE}.`);
    expect(elementWith(html, 'id="rep-gaps"', 'section')).toMatch(/First-contact resolution \d+% against target \d+%/);
    expect(html).not.toContain('data-testid="rep-gaps"');
  });

  it('the coaching plan ranks no gap and says how many more reps to assess', async () => {
    const { html } = await page('/coaching');
    expect(html).toContain(
      `Too few reps have every skill assessed to link skills to CPIs, so no gap is put down to a skill yet. Reps still to assess in every skill: ${MORE}.`,
    );
    expect(html).not.toContain('<span class="rank">');
    expect(html).toContain('No gap can be put down to a skill yet: too few reps have every skill assessed.');
    expect(html).not.toContain('No skill gap found in this period.');
  });
});
