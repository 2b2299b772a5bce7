/**
 * Issue 13, finding 6 ("a CRM-imported answer breaks the customer's open survey"): after
 * POST /api/v1/responses/import for an interaction whose survey was still open, the
 * customer's own submit failed with 500 (UNIQUE constraint on responses.interaction_id) and the
 * error log printed the survey token. The rule now: one answer per interaction, whichever
 * came first — an imported answer closes the open survey ("already received", no more mail),
 * and an answer the customer already began stays (the import counts it a duplicate).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HOUR, addApiKey, api, createTestApp, interaction, manualClock, type TestApp } from '../helpers/app';
import { newToken, pathForLog } from '../../src/lib/tokens';

const START = '2026-11-20T12:00:00Z';

describe("finding 6: a CRM-imported answer breaks the customer's open survey", () => {
  let t: TestApp;
  let key: string;
  const clock = manualClock(START);

  async function invite() {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });
    const res = await api(t, key, 'POST', '/interactions', item);
    expect(res.status).toBe(201);
    const mail = await t.db.readClient.execute({
      sql: "SELECT text_body FROM outbox WHERE to_address = ? AND kind = 'invitation'",
      args: [item.customer.email],
    });
    return {
      externalId: item.externalId,
      path: /\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0],
      email: item.customer.email,
    };
  }
  const post = (path: string, fields: Record<string, string>) =>
    t.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const importAnswer = (externalId: string) =>
    api(t, key, 'POST', '/responses/import', [
      {
        interactionExternalId: externalId,
        answeredAt: new Date(clock.nowMs()).toISOString(),
        answers: { resolved_first_contact: 'no', added_value: 2 },
      },
    ]);

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
  });
  afterAll(async () => t.close());

  it('an imported answer closes the open survey: the customer sees "already received", nothing fails, no mail goes out', async () => {
    const survey = await invite();
    expect((await importAnswer(survey.externalId)).json).toEqual({ created: 1, duplicates: 0 });
    const errors = vi.spyOn(console, 'error');
    try {
      const page = await t.request(survey.path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('data-outcome="already-submitted"');
      const submit = await post(survey.path, { resolved_first_contact: 'yes', action: 'submit' });
      expect(submit.status).toBe(200);
      expect(await submit.text()).toContain('data-outcome="already-submitted"');
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
    const stored = await t.db.readClient.execute({
      sql: 'SELECT r.source, r.resolved_first_contact AS fcr FROM responses r JOIN interactions i ON i.id = r.interaction_id WHERE i.external_id = ?',
      args: [survey.externalId],
    });
    expect(stored.rows.map((r) => ({ ...r }))).toEqual([{ source: 'import', fcr: 0 }]);
    const pending = await t.db.readClient.execute({
      sql: "SELECT count(*) AS n FROM outbox WHERE to_address = ? AND status = 'pending'",
      args: [survey.email],
    });
    expect(Number(pending.rows[0]!.n)).toBe(0);
  });

  it('an answer the customer already began stays; the import counts it a duplicate and the customer can submit', async () => {
    const survey = await invite();
    expect((await post(survey.path, { resolved_first_contact: 'yes' })).status).toBe(200);
    expect((await importAnswer(survey.externalId)).json).toEqual({ created: 0, duplicates: 1 });
    const submit = await post(survey.path, { added_value: '5', action: 'submit' });
    expect(submit.status).toBe(303);
    const stored = await t.db.readClient.execute({
      sql: 'SELECT r.source, r.status, r.resolved_first_contact AS fcr, r.added_value AS av FROM responses r JOIN interactions i ON i.id = r.interaction_id WHERE i.external_id = ?',
      args: [survey.externalId],
    });
    expect(stored.rows.map((r) => ({ ...r }))).toEqual([{ source: 'survey', status: 'submitted', fcr: 1, av: 5 }]);
  });

  it('no token reaches the error log', () => {
    const token = newToken();
    for (const path of [`/s/${token}`, `/u/${token}/`, `/s/${token}/thanks`, `/bench/noop-survey/${token}`]) {
      expect(pathForLog(path)).not.toContain(token);
      expect(pathForLog(path)).toContain('[token]');
    }
    expect(pathForLog('/reps/12')).toBe('/reps/12');
  });
});
