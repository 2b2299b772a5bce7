import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  addApiKey,
  addUser,
  api,
  countRows,
  interaction,
  login,
  manualClock,
  HOUR,
  type TestApp,
} from '../helpers/app';
import { runCli } from '../helpers/cli';
import { rebuildRollups } from '../../db/queries/rollups';
import { sendDue } from '../../src/mail/sender';

const totals = async (t: TestApp) =>
  [
    ...(await t.db.readClient.execute('SELECT * FROM cpi_cumulative ORDER BY rep_id, interaction_type, day')).rows,
    ...(await t.db.readClient.execute('SELECT * FROM cpi_monthly ORDER BY month, rep_id, interaction_type')).rows,
  ].map((x) => ({ ...x }));

describe('privacy: erasure and retention', () => {
  let t: TestApp;
  let key: string;
  let admin: string;
  const clock = manualClock('2026-11-20T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'T' }]);
    const a = await addUser(t, 'admin');
    admin = await login(t, a.email, a.password);
  });
  afterAll(async () => t.close());

  const answered = async (customer: string, externalId: string, comment: string) => {
    await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({
        externalId,
        customer: { email: customer, name: 'Eve', locale: 'en' },
        occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      }),
    );
    await sendDue(t.deps, undefined);
    const link = await t.db.readClient.execute(
      `SELECT text_body FROM outbox WHERE to_address = '${customer}' ORDER BY id DESC LIMIT 1`,
    );
    const url = /\/s\/[A-Za-z0-9_-]{43}/.exec(String(link.rows[0]!.text_body))![0];
    expect(
      (
        await t.postForm(url, {
          resolved_first_contact: 'no',
          added_value: '1',
          comment,
          contact_consent: 'yes',
          action: 'submit',
        })
      ).status,
    ).toBe(303);
  };

  it('erases a customer from the admin page: invitations, answers, mail, comments quoting the address, and the aggregates they fed', async () => {
    await answered('eve@victim.test', 'e-1', 'call me at eve@victim.test');
    await answered('bob@other.test', 'b-1', 'Eve@Victim.test told me about you');
    await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({
        externalId: 'e-2',
        customer: { email: 'eve@victim.test' },
        occurredAt: new Date(clock.nowMs() - HOUR).toISOString(),
      }),
    );
    expect(await countRows(t.db, 'follow_ups')).toBe(2);
    const refused = await t.postForm('/admin/privacy/erase', { email: 'eve@victim.test' }, { cookie: admin });
    expect(refused.status).toBe(422);
    const res = await t.postForm(
      '/admin/privacy/erase',
      { email: 'Eve@Victim.test', confirm: 'yes' },
      { cookie: admin },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/Erased eve@victim\.test: 1 response/);
    expect(await countRows(t.db, 'customers', "email = 'eve@victim.test'")).toBe(0);
    expect(await countRows(t.db, 'outbox', "to_address = 'eve@victim.test'")).toBe(0);
    expect(await countRows(t.db, 'invitations', 'customer_id IS NULL')).toBe(0);
    expect(await countRows(t.db, 'responses')).toBe(1);
    expect(await countRows(t.db, 'responses', 'comment IS NOT NULL')).toBe(0);
    expect(await countRows(t.db, 'follow_ups')).toBe(1);
    expect(await countRows(t.db, 'interactions', "external_id LIKE 'e-%' AND customer_id IS NULL")).toBe(2);
    const audit = await t.db.readClient.execute("SELECT subject, detail FROM audit_log WHERE action = 'privacy.erase'");
    expect(String(audit.rows[0]!.subject)).toMatch(/^sha256:/);
    expect(JSON.stringify(audit.rows)).not.toContain('victim');
    const incremental = await totals(t);
    await t.db.write((tx) => rebuildRollups(tx));
    expect(await totals(t)).toEqual(incremental);
  });

  it('keeps an opt-out through erasure', async () => {
    await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({
        externalId: 'o-1',
        customer: { email: 'opt@out.test' },
        occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      }),
    );
    await sendDue(t.deps, undefined);
    const body = await t.db.readClient.execute("SELECT text_body FROM outbox WHERE to_address = 'opt@out.test'");
    const unsub = /\/u\/[A-Za-z0-9_-]{43}/.exec(String(body.rows[0]!.text_body))![0];
    expect(
      (
        await t.request(unsub, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        })
      ).status,
    ).toBe(200);
    const cli = await runCli(['erase-customer', '--email', 'opt@out.test'], {
      DATABASE_URL: `file:${t.dbPath}`,
      NOW: '2026-11-20T12:00:00Z',
    });
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/Erased opt@out\.test/);
    expect(await countRows(t.db, 'customers', "email = 'opt@out.test'")).toBe(0);
    clock.advance(30 * 24 * HOUR);
    const again = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({
        externalId: 'o-2',
        customer: { email: 'opt@out.test' },
        occurredAt: new Date(clock.nowMs()).toISOString(),
      }),
    );
    expect(again.json[0]).toMatchObject({ survey: 'suppressed', reason: 'opted-out' });
  });

  it('anonymises responses older than the retention setting, keeping their answers', async () => {
    await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ externalId: 'old-1', customer: { email: 'old@x.test' }, occurredAt: '2024-01-10T10:00:00Z' }),
    );
    await api(t, key, 'POST', '/responses/import', [
      {
        interactionExternalId: 'old-1',
        answeredAt: '2024-01-11T10:00:00Z',
        answers: { decision_clearer: 2, comment: 'old words' },
      },
    ]);
    const before = await totals(t);
    const a = await addUser(t, 'admin');
    admin = await login(t, a.email, a.password); // the clock moved past the earlier session's idle timeout
    expect((await t.postForm('/admin/privacy/retention', { months: 'twelve' }, { cookie: admin })).status).toBe(422);
    expect((await t.postForm('/admin/privacy/retention', { months: '12' }, { cookie: admin })).status).toBe(303);
    const applied = await t.postForm('/admin/privacy/retention/apply', {}, { cookie: admin });
    expect(applied.status).toBe(200);
    expect(await countRows(t.db, 'responses', "comment = 'old words'")).toBe(0);
    expect(await countRows(t.db, 'responses', 'decision_clearer = 2')).toBe(1);
    expect(await countRows(t.db, 'customers', "email = 'old@x.test'")).toBe(0);
    expect(await totals(t)).toEqual(before);
    expect(await countRows(t.db, 'audit_log', "action = 'privacy.retention'")).toBe(1);
  });
});
