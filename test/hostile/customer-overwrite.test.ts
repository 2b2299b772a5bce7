/**
 * Issue 13, finding 10: `upsertCustomers` let any staff form or ingest key overwrite a known
 * customer's name, company and locale. Now only the customer's own choice (the survey page's
 * language) and an admin's CSV import change them; API keys and staff forms only add customers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOUR,
  addApiKey,
  addUser,
  api,
  createTestApp,
  interaction,
  login,
  manualClock,
  type TestApp,
} from '../helpers/app';

describe('finding 10: a CRM key or a staff form overwrites what is known of a customer', () => {
  let t: TestApp;
  let ingest: string;
  const clock = manualClock('2026-11-20T12:00:00Z');
  const customer = async () => ({
    ...(await t.db.readClient.execute("SELECT name, company, locale FROM customers WHERE email = 'carla@x.test'"))
      .rows[0],
  });

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    ingest = (await addApiKey(t, 'ingest')).key;
    await api(t, ingest, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
    const first = await api(
      t,
      ingest,
      'POST',
      '/interactions',
      interaction({
        customer: { email: 'carla@x.test', name: 'Carla', company: 'Xeno', locale: 'es' },
        occurredAt: new Date(clock.nowMs() - HOUR).toISOString(),
      }),
    );
    expect(first.status).toBe(201);
  });
  afterAll(async () => t.close());

  it('an ingest key cannot rename a known customer or change their language', async () => {
    const res = await api(
      t,
      ingest,
      'POST',
      '/interactions',
      interaction({ customer: { email: 'carla@x.test', name: 'Mallory', company: 'Evil Corp', locale: 'de' } }),
    );
    expect(res.status).toBe(201);
    expect(await customer()).toEqual({ name: 'Carla', company: 'Xeno', locale: 'es' });
  });

  it('nor can a staff form', async () => {
    const lead = await addUser(t, 'lead');
    const cookie = await login(t, lead.email, lead.password);
    const repId = String(
      (await t.db.readClient.execute("SELECT id FROM reps WHERE email = 'ana@acme.test'")).rows[0]!.id,
    );
    const res = await t.postForm(
      '/interactions',
      {
        repId,
        customerEmail: 'carla@x.test',
        customerName: 'Mallory',
        customerCompany: 'Evil Corp',
        customerLocale: 'de',
        type: 'call',
        occurredAt: '2026-11-20T09:00',
      },
      { cookie },
    );
    expect(res.status).toBe(303);
    expect(await customer()).toEqual({ name: 'Carla', company: 'Xeno', locale: 'es' });
  });

  it("the customer's own language choice on the survey page is kept", async () => {
    const mail = await t.db.readClient.execute(
      "SELECT text_body FROM outbox WHERE to_address = 'carla@x.test' AND kind = 'invitation' ORDER BY id LIMIT 1",
    );
    const path = /\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0];
    const res = await t.request(`${path}?lang=en`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'resolved_first_contact=yes',
    });
    expect(res.status).toBe(200);
    expect(await customer()).toEqual({ name: 'Carla', company: 'Xeno', locale: 'en' });
  });
});
