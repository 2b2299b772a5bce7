/**
 * Two teams of three reps with counts small enough to work by hand (docs/statistics.md,
 * "Team and org figures"), loaded through the JSON API: every rep has 10 answered quotes in
 * October 2026. Alpha's reps differ (FCR 9, 1 and 5 of 10), Beta's do not (6 of 10 each).
 */
import { expect } from 'vitest';
import { api, DAY, HOUR, type TestApp } from './app';

export const NOW = '2026-11-20T12:00:00Z';
export const FROM = '2026-10-01T00:00:00Z';
export const TO = '2026-11-01T00:00:00Z';

export interface SeedRep {
  email: string;
  team: 'Alpha' | 'Beta';
  /** Answers "yes" to first-contact resolution, of 10. */
  fcrYes: number;
  /** Decision clarity answers of 4 (the rest are 3), of 10. */
  fours: number;
  /** Quotes delivered within the 48 h SLA (24 h; the rest 72 h), of 10. */
  withinSla: number;
  /** Added-value answers of 5 (the rest are 2), of 10. */
  fives: number;
}

export const SEED_REPS: SeedRep[] = [
  { email: 'a1@clustered.test', team: 'Alpha', fcrYes: 9, fours: 8, withinSla: 10, fives: 8 },
  { email: 'a2@clustered.test', team: 'Alpha', fcrYes: 1, fours: 2, withinSla: 2, fives: 2 },
  { email: 'a3@clustered.test', team: 'Alpha', fcrYes: 5, fours: 5, withinSla: 5, fives: 5 },
  { email: 'b1@clustered.test', team: 'Beta', fcrYes: 6, fours: 5, withinSla: 5, fives: 5 },
  { email: 'b2@clustered.test', team: 'Beta', fcrYes: 6, fours: 5, withinSla: 5, fives: 5 },
  { email: 'b3@clustered.test', team: 'Beta', fcrYes: 6, fours: 5, withinSla: 5, fives: 5 },
];

export async function seedClusteredTeams(t: TestApp, key: string): Promise<void> {
  const reps = SEED_REPS.map((r) => ({ email: r.email, name: r.email.slice(0, 2).toUpperCase(), team: r.team }));
  expect((await api(t, key, 'POST', '/reps', reps)).status).toBe(200);
  const interactions: unknown[] = [];
  const responses: unknown[] = [];
  const start = Date.parse('2026-10-05T09:00:00Z');
  for (const [i, rep] of SEED_REPS.entries()) {
    for (let k = 0; k < 10; k++) {
      const externalId = `${rep.email.split('@')[0]}-${k}`;
      const at = start + k * DAY + i * HOUR;
      const occurredAt = new Date(at).toISOString();
      const deliveredAt = new Date(at + (k < rep.withinSla ? 24 : 72) * HOUR).toISOString();
      interactions.push({
        externalId,
        repEmail: rep.email,
        customer: { email: `c-${externalId}@x.test` },
        type: 'quote',
        occurredAt,
        quoteRequestedAt: occurredAt,
        quoteDeliveredAt: deliveredAt,
      });
      responses.push({
        interactionExternalId: externalId,
        answeredAt: occurredAt,
        answers: {
          resolved_first_contact: k < rep.fcrYes ? 'yes' : 'no',
          decision_clearer: k < rep.fours ? 4 : 3,
          added_value: k < rep.fives ? 5 : 2,
        },
      });
    }
  }
  const created = await api(t, key, 'POST', '/interactions', interactions);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  expect((await api(t, key, 'POST', '/responses/import', responses)).status).toBe(201);
}
