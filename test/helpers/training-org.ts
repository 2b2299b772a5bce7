/**
 * A constructed organisation for the training-effects tests: 32 reps in two teams answering
 * 12 calls a month from January to November 2026; 16 complete a value-messaging course in
 * June, July or August (staggered), which raises their added value by one point from the
 * month after; everyone's added value rises half a point from September (a company-wide change).
 */
import { expect } from 'vitest';
import { api, type TestApp } from './app';
import { mulberry32 } from '../../src/stats/prng';

const MONTHS = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-11',
];

export async function loadTrainingOrg(t: TestApp, key: string): Promise<void> {
  const random = mulberry32(5);
  const reps = Array.from({ length: 32 }, (_, i) => ({
    email: `rep${i}@acme.test`,
    name: `Rep ${i}`,
    team: i % 2 ? 'Alpha' : 'Beta',
  }));
  await api(t, key, 'POST', '/reps', reps);
  // Reps 0–15 take the course in June, July or August (staggered); the rest never do.
  const courseMonth = (i: number) => (i < 16 ? 5 + (i % 3) : null); // index into MONTHS
  const records = reps.flatMap((rep, i) =>
    courseMonth(i) === null
      ? []
      : [
          {
            repEmail: rep.email,
            skill: 'value-messaging',
            kind: 'course',
            completedAt: `${MONTHS[courseMonth(i)!]}-15T10:00:00Z`,
          },
        ],
  );
  expect((await api(t, key, 'POST', '/training-records', records)).status).toBe(201);
  for (const [i, rep] of reps.entries()) {
    const level = 2.8 + random() * 0.4;
    const items: { externalId: string; occurredAt: string; value: number }[] = [];
    MONTHS.forEach((month, m) => {
      for (let k = 0; k < 12; k++) {
        const trained = courseMonth(i) !== null && m > courseMonth(i)!;
        const mean = level + (trained ? 1 : 0) + (m >= 8 ? 0.5 : 0);
        const value = Math.max(1, Math.min(5, Math.round(mean + (random() - 0.5) * 1.6)));
        items.push({
          externalId: `x-${i}-${m}-${k}`,
          occurredAt: `${month}-${String(2 + k * 2).padStart(2, '0')}T10:00:00Z`,
          value,
        });
      }
    });
    const interactions = items.map((x) => ({
      externalId: x.externalId,
      repEmail: rep.email,
      customer: { email: `${x.externalId}@c.test` },
      type: 'call',
      occurredAt: x.occurredAt,
    }));
    expect((await api(t, key, 'POST', '/interactions', interactions)).status).toBe(201);
    const answers = items.map((x) => ({
      interactionExternalId: x.externalId,
      answeredAt: x.occurredAt,
      answers: { added_value: x.value },
    }));
    expect((await api(t, key, 'POST', '/responses/import', answers)).status).toBe(201);
  }
}
