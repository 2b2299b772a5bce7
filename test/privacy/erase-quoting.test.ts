/**
 * Erasure clears comments that quote the erased address, matched literally: `_`, `%` and
 * `\` in an address are characters, not LIKE wildcards (docs/reliability.md, "Privacy:
 * erasure and retention"). On a real database file, through the API and the domain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, interaction, manualClock, type TestApp } from '../helpers/app';
import { eraseCustomer } from '../../src/domain/privacy';

describe('erasure: comments quoting the address', () => {
  let t: TestApp;
  const clock = manualClock('2026-11-20T12:00:00Z');
  const comments = {
    'q-1': 'please write to John_Doe@x.test about it',
    'q-2': 'johnxdoe@x.test is someone else',
    'q-3': 'john\\_doe@x.test is not the address either',
    'q-4': 'john_doe@x.testing.example is longer, but quotes it',
    'q-5': 'nothing to see',
  };

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    const { key } = await addApiKey(t, 'all');
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'T' }]);
    for (const [externalId, comment] of Object.entries(comments)) {
      await api(
        t,
        key,
        'POST',
        '/interactions',
        interaction({
          externalId,
          customer: { email: `${externalId}@other.test` },
          occurredAt: '2026-11-01T10:00:00Z',
        }),
      );
      const imported = await api(t, key, 'POST', '/responses/import', [
        { interactionExternalId: externalId, answeredAt: '2026-11-02T10:00:00Z', answers: { added_value: 4, comment } },
      ]);
      expect(imported.status).toBeLessThan(300);
    }
  });
  afterAll(async () => t.close());

  it('clears exactly the comments containing the address, `_` taken literally', async () => {
    const report = await t.db.write((tx) => eraseCustomer(tx, 'John_Doe@x.test', 'test', clock.nowMs()));
    const left = await t.db.readClient.execute(
      'SELECT i.external_id, r.comment FROM responses r JOIN interactions i ON i.id = r.interaction_id ORDER BY i.external_id',
    );
    expect(Object.fromEntries(left.rows.map((r) => [String(r.external_id), r.comment]))).toEqual({
      'q-1': null,
      'q-2': comments['q-2'],
      'q-3': comments['q-3'],
      'q-4': null,
      'q-5': comments['q-5'],
    });
    expect(report.comments).toBe(2);
  });

  it('takes `%` and `\\` literally too', async () => {
    const { key } = await addApiKey(t, 'all');
    const quoting = {
      'p-1': 'ask 50%off@x.test',
      'p-2': 'ask 50 percent off@x.test',
      'p-3': 'a\\b@x.test',
      'p-4': 'ab@x.test',
    };
    for (const [externalId, comment] of Object.entries(quoting)) {
      await api(
        t,
        key,
        'POST',
        '/interactions',
        interaction({
          externalId,
          customer: { email: `${externalId}@other.test` },
          occurredAt: '2026-11-01T10:00:00Z',
        }),
      );
      await api(t, key, 'POST', '/responses/import', [
        { interactionExternalId: externalId, answeredAt: '2026-11-02T10:00:00Z', answers: { added_value: 4, comment } },
      ]);
    }
    await t.db.write((tx) => eraseCustomer(tx, '50%off@x.test', 'test', clock.nowMs()));
    await t.db.write((tx) => eraseCustomer(tx, 'a\\b@x.test', 'test', clock.nowMs()));
    const left = await t.db.readClient.execute(
      "SELECT i.external_id, r.comment FROM responses r JOIN interactions i ON i.id = r.interaction_id WHERE i.external_id LIKE 'p-%' ORDER BY i.external_id",
    );
    expect(Object.fromEntries(left.rows.map((r) => [String(r.external_id), r.comment]))).toEqual({
      'p-1': null,
      'p-2': quoting['p-2'],
      'p-3': null,
      'p-4': quoting['p-4'],
    });
  });
});
