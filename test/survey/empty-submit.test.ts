/**
 * Sending a survey with no answer at all (docs/architecture.md, "The survey loop", outcome `empty`): 422, the
 * form asks for at least one answer, nothing is recorded as submitted; one primary button.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, addApiKey, api, createTestApp, interaction, manualClock, type TestApp } from '../helpers/app';

describe('a survey sent with no answer', () => {
  let t: TestApp;
  let key: string;
  const clock = manualClock('2026-11-20T12:00:00Z');
  const post = (path: string, body: string) =>
    t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
  async function survey() {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });
    await api(t, key, 'POST', '/interactions', item);
    const mail = await t.db.readClient.execute({
      sql: "SELECT text_body FROM outbox WHERE to_address = ? AND kind = 'invitation'",
      args: [item.customer.email],
    });
    return /\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0];
  }
  const submitted = async () =>
    Number(
      (await t.db.readClient.execute("SELECT count(*) AS n FROM responses WHERE status = 'submitted'")).rows[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
  });
  afterAll(async () => t.close());

  it('answers 422 with data-outcome="empty" in the customer language, and records nothing as submitted', async () => {
    const path = await survey();
    for (const body of [
      'action=submit',
      'action=submit&contact_consent=no',
      'action=submit&comment=%20%20',
      'action=submit&contact_consent=yes',
    ]) {
      const res = await post(path, body);
      expect(res.status, body).toBe(422);
      const html = await res.text();
      expect(html).toContain('data-outcome="empty"');
      expect(html).toMatch(/Responde al menos una pregunta|Please answer at least one question/);
    }
    expect(await submitted()).toBe(0);
    // Then an answer and a send: submitted once.
    expect((await post(path, 'decision_clearer=4&action=submit')).status).toBe(303);
    expect(await submitted()).toBe(1);
  });

  it('an answer saved earlier counts: sending it alone submits', async () => {
    const path = await survey();
    expect((await post(path, 'added_value=5')).status).toBe(200);
    expect((await post(path, 'action=submit')).status).toBe(303);
  });

  it('shows one button, the primary one', async () => {
    const html = await (await t.request(await survey())).text();
    expect(html.match(/<button[^>]*type="submit"/g)).toHaveLength(1);
    expect(html).toContain('name="action" value="submit"');
  });
});
