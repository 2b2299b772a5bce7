/**
 * Signed webhooks end to end: a real receiver on loopback (WEBHOOK_ALLOW_LOCAL=1), a real
 * database file, the real survey submit; each delivery verified with the standardwebhooks library.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { MailTransport } from '../../src/mail/transport';
import { addApiKey, api, countRows, createTestApp, HOUR, interaction, manualClock, type TestApp } from '../helpers/app';
import { startWebhookReceiver, webhookHeaders, type WebhookReceiver } from '../helpers/webhook-receiver';
import { sendDue } from '../../src/mail/sender';
import { eraseCustomer } from '../../src/domain/privacy';
import { deliverDueWebhooks, RETRY_DELAYS_MS } from '../../src/webhooks/sender';
import {
  queueImportFinishedEvent,
  registerWebhook,
  rotateWebhook,
  ROTATION_OVERLAP_MS,
} from '../../src/domain/webhooks';

const verify = (secret: string, r: WebhookReceiver['received'][number]) =>
  new Webhook(secret).verify(r.body, webhookHeaders(r.headers));

describe('signed webhooks', () => {
  let t: TestApp;
  let key: string;
  // Receivers check webhook-timestamp against their own clock: the app's clock starts at the real now.
  const clock = manualClock(Date.now());

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_LOCAL: '1' }, clock);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A new interaction's survey link, read from its (unsent) outbox message. */
  async function surveyPath(): Promise<{ path: string; externalId: string; email: string }> {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });
    const created = await api(t, key, 'POST', '/interactions', item);
    expect(created.status).toBe(201);
    const row = await t.db.readClient.execute({
      sql: 'SELECT text_body FROM outbox WHERE to_address = ?',
      args: [item.customer.email],
    });
    const path = /\/s\/[A-Za-z0-9_-]{43}/.exec(String(row.rows[0]?.text_body))?.[0];
    if (!path) throw new Error('no survey link in the outbox');
    return { path, externalId: item.externalId, email: item.customer.email };
  }

  it('signs each delivery so the standardwebhooks library verifies it; identity only with consent', async () => {
    const receiver = await startWebhookReceiver();
    const { id, secret } = await registerWebhook(
      t.deps,
      { url: receiver.url, events: ['response.submitted', 'response.low_score_with_consent'] },
      'test',
    );
    expect(secret).toMatch(/^whsec_/);
    const low = await surveyPath();
    const res = await t.postForm(low.path, {
      resolved_first_contact: 'no',
      decision_clearer: '1',
      contact_consent: 'yes',
      action: 'submit',
    });
    expect(res.status).toBe(303);
    const quiet = await surveyPath();
    await t.postForm(quiet.path, { resolved_first_contact: 'yes', added_value: '5', action: 'submit' });
    expect(await countRows(t.db, 'webhook_deliveries', `endpoint_id = ${id} AND status = 'pending'`)).toBe(3);

    const report = await sendDue(t.deps, undefined);
    expect(report.webhooks).toEqual({ delivered: 3, retried: 0, dead: 0 });
    const bodies = receiver.received.map((r) => verify(secret, r) as { type: string; timestamp: string; data: any });
    expect(bodies.map((b) => b.type).sort()).toEqual([
      'response.low_score_with_consent',
      'response.submitted',
      'response.submitted',
    ]);
    const consented = bodies.find((b) => b.type === 'response.submitted' && b.data.externalId === low.externalId)!;
    expect(consented.data).toMatchObject({
      externalId: low.externalId,
      answers: { resolved_first_contact: false, decision_clearer: 1 },
      contactConsent: true,
      customer: { email: low.email },
    });
    expect(Date.parse(consented.timestamp)).toBeGreaterThan(0);
    const anonymous = bodies.find((b) => b.data.externalId === quiet.externalId)!;
    expect(anonymous.data).toMatchObject({ contactConsent: false, customer: null });
    expect(JSON.stringify(anonymous)).not.toContain(quiet.email);
    // The same event has one webhook-id; a tampered body fails verification.
    const first = receiver.received[0]!;
    expect(() => new Webhook(secret).verify(`${first.body} `, webhookHeaders(first.headers))).toThrow();
    await receiver.close();
  });

  it('retries a receiver that fails 3 times (the first retry within 10 s) and delivers each event once', async () => {
    const receiver = await startWebhookReceiver();
    const { secret } = await registerWebhook(t.deps, { url: receiver.url, events: ['response.submitted'] }, 'test');
    receiver.answers.push(500, 503, 502);
    const one = await surveyPath();
    await t.postForm(one.path, { resolved_first_contact: 'yes', action: 'submit' });
    expect(RETRY_DELAYS_MS[0]).toBeLessThanOrEqual(10_000);
    const counts: number[] = [];
    const start = clock.nowMs();
    for (const delay of [0, ...RETRY_DELAYS_MS.slice(0, 4)]) {
      clock.advance(delay);
      await deliverDueWebhooks(t.deps);
      // Nothing is due early: running again at once sends nothing.
      await deliverDueWebhooks(t.deps);
      counts.push(receiver.received.length);
    }
    clock.set(start);
    expect(counts).toEqual([1, 2, 3, 4, 4]);
    expect(await countRows(t.db, 'webhook_deliveries', `status = 'delivered' AND attempts = 4`)).toBe(1);
    const ids = new Set(receiver.received.map((r) => r.headers['webhook-id']));
    expect(ids.size).toBe(1);
    const verified = receiver.received.map((r) => verify(secret, r));
    expect(verified.every((b) => JSON.stringify(b) === JSON.stringify(verified[0]))).toBe(true);
    await receiver.close();
  });

  it('keeps deliveries verifiable with the old secret during the rotation overlap, and with the new one', async () => {
    const receiver = await startWebhookReceiver();
    const { id, secret: old } = await registerWebhook(
      t.deps,
      { url: receiver.url, events: ['response.submitted'] },
      'test',
    );
    const { secret: fresh } = await rotateWebhook(t.deps, id, 'test');
    expect(fresh).not.toBe(old);
    const a = await surveyPath();
    await t.postForm(a.path, { resolved_first_contact: 'yes', action: 'submit' });
    await deliverDueWebhooks(t.deps);
    const during = receiver.received.at(-1)!;
    expect(String(during.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(old, during)).toMatchObject({ type: 'response.submitted' });
    expect(verify(fresh, during)).toMatchObject({ type: 'response.submitted' });

    // After the overlap only the new secret signs. (The receiver's clock must agree: move it back after.)
    clock.advance(ROTATION_OVERLAP_MS + 1);
    const b = await surveyPath();
    await t.postForm(b.path, { resolved_first_contact: 'yes', action: 'submit' });
    await deliverDueWebhooks(t.deps);
    clock.advance(-(ROTATION_OVERLAP_MS + 1));
    const after = receiver.received.at(-1)!;
    expect(String(after.headers['webhook-signature']).split(' ')).toHaveLength(1);
    // Which secret signed it (the receiver's timestamp check aside: it was sent a day ahead).
    const h = webhookHeaders(after.headers);
    const signedWith = (secret: string) =>
      new Webhook(secret).sign(h['webhook-id']!, new Date(Number(h['webhook-timestamp']) * 1000), after.body);
    expect(h['webhook-signature']).toBe(signedWith(fresh));
    expect(h['webhook-signature']).not.toBe(signedWith(old));
    await receiver.close();
  });

  it('does not follow redirects and gives up on a silent receiver after the timeout; both retry later', async () => {
    const receiver = await startWebhookReceiver();
    await registerWebhook(t.deps, { url: receiver.url, events: ['response.submitted'] }, 'test');
    const elsewhere = await startWebhookReceiver();
    receiver.answers.push(307);
    const one = await surveyPath();
    await t.postForm(one.path, { resolved_first_contact: 'yes', action: 'submit' });
    expect(await deliverDueWebhooks(t.deps)).toMatchObject({ delivered: 0, retried: expect.any(Number) });
    expect(receiver.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    const row = await t.db.readClient.execute(
      "SELECT last_status, last_error FROM webhook_deliveries WHERE status = 'pending' AND last_status = 307",
    );
    expect(row.rows[0]).toMatchObject({ last_status: 307, last_error: 'the receiver answered 307' });
    await receiver.close();
    await elsewhere.close();
    await t.db.write(async (tx) => {
      await tx.run(sql`DELETE FROM webhook_endpoints`);
    });

    // A receiver that accepts the connection and never answers.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const port = (silent.address() as AddressInfo).port;
    await registerWebhook(t.deps, { url: `http://127.0.0.1:${port}/`, events: ['response.submitted'] }, 'test');
    const two = await surveyPath();
    await t.postForm(two.path, { resolved_first_contact: 'yes', action: 'submit' });
    const started = Date.now();
    expect(await deliverDueWebhooks(t.deps, { timeoutMs: 300 })).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
    const timedOut = await t.db.readClient.execute(
      "SELECT last_error FROM webhook_deliveries WHERE status = 'pending'",
    );
    expect(String(timedOut.rows[0]?.last_error)).toContain('no answer within 0.3 s');
    silent.closeAllConnections();
    silent.close();
    await t.db.write(async (tx) => {
      await tx.run(sql`DELETE FROM webhook_endpoints`);
    });
  });

  it('tells invitation.bounced when the SMTP server refuses an invitation for good (550)', async () => {
    const receiver = await startWebhookReceiver();
    const { secret } = await registerWebhook(t.deps, { url: receiver.url, events: ['invitation.bounced'] }, 'test');
    const refusing: MailTransport = {
      send: async () => {
        throw Object.assign(new Error('550 5.1.1 Mailbox unavailable'), { responseCode: 550 });
      },
      close: () => {},
    };
    const item = interaction({ occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString() });
    await api(t, key, 'POST', '/interactions', item);
    // Sent 2 hours after the interaction: due now (the other tests' invitations are not due yet).
    const report = await sendDue(t.deps, refusing);
    expect(report.dead).toBe(1);
    expect(report.webhooks.delivered).toBe(report.dead);
    const bounced = receiver.received.map((r) => verify(secret, r) as { type: string; data: any });
    expect(bounced[0]).toMatchObject({
      type: 'invitation.bounced',
      data: { externalId: item.externalId, message: 'invitation', error: expect.stringContaining('550') },
    });
    expect(JSON.stringify(bounced)).not.toContain(item.customer.email);
    await receiver.close();
  });

  it('two senders at once post each delivery once (leases)', async () => {
    const receiver = await startWebhookReceiver();
    await registerWebhook(t.deps, { url: receiver.url, events: ['import.finished'] }, 'test');
    await t.db.write(async (tx) => {
      for (let importId = 1; importId <= 6; importId++)
        await queueImportFinishedEvent(
          tx,
          { importId, kind: 'reps', status: 'published', rows: 1, created: 1, duplicates: 0, rejected: 0 },
          clock.nowMs(),
        );
    });
    const reports = await Promise.all([
      deliverDueWebhooks(t.deps, { owner: 'a', batchSize: 2 }),
      deliverDueWebhooks(t.deps, { owner: 'b', batchSize: 2 }),
    ]);
    expect(reports.reduce((n, r) => n + r.delivered, 0)).toBe(6);
    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(6);
    await receiver.close();
  });

  it('keeps no payload once delivered, and erasing a customer drops their undelivered events', async () => {
    const receiver = await startWebhookReceiver();
    const { id } = await registerWebhook(t.deps, { url: receiver.url, events: ['response.submitted'] }, 'test');
    const one = await surveyPath();
    await t.postForm(one.path, { resolved_first_contact: 'yes', contact_consent: 'yes', action: 'submit' });
    const quoting = `endpoint_id = ${id} AND instr(body, '${one.email}') > 0`;
    expect(await countRows(t.db, 'webhook_deliveries', quoting)).toBe(1);
    await t.db.write((tx) => eraseCustomer(tx, one.email, 'test', clock.nowMs()));
    expect(await countRows(t.db, 'webhook_deliveries', `endpoint_id = ${id}`)).toBe(0);

    const two = await surveyPath();
    await t.postForm(two.path, { resolved_first_contact: 'yes', action: 'submit' });
    await deliverDueWebhooks(t.deps);
    expect(receiver.received).toHaveLength(1);
    expect(
      await countRows(t.db, 'webhook_deliveries', `endpoint_id = ${id} AND status = 'delivered' AND body = ''`),
    ).toBe(1);
    await receiver.close();
  });
});
