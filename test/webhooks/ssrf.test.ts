/** Webhook targets: only https to public addresses, checked after DNS, unless WEBHOOK_ALLOW_LOCAL=1. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, countRows, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { isPublicAddress } from '../../src/webhooks/address';
import { registerWebhook } from '../../src/domain/webhooks';
import { deliverDueWebhooks } from '../../src/webhooks/sender';
import { insertWebhookEndpoint, enqueueWebhookEvent } from '../../db/queries/webhooks';
import { AppError } from '../../src/lib/errors';

describe('isPublicAddress', () => {
  it.each([
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '127.8.8.8',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fc00::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '::127.0.0.1',
    'fe80::1%eth0',
    '2001::1',
    '2002:7f00:1::1',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
  it.each(['8.8.8.8', '1.1.1.1', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );
});

describe('webhook targets without WEBHOOK_ALLOW_LOCAL', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  const clock = manualClock(Date.now());
  beforeAll(async () => {
    t = await createTestApp({}, clock);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it.each([
    ['http://example.com/hook', 'must start with https://'],
    ['https://127.0.0.1/hook', 'not a public address'],
    ['https://[::1]/hook', 'not a public address'],
    ['https://169.254.169.254/latest/meta-data', 'not a public address'],
    ['https://10.0.0.5/hook', 'not a public address'],
    ['https://localhost/hook', 'not a public address'],
    ['https://user:pw@example.com/hook', 'user name or password'],
  ])('refuses to register %s (422 naming url)', async (url, message) => {
    const error = await registerWebhook(t.deps, { url, events: ['import.finished'] }, 'test').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(422);
    expect((error as AppError).issues[0]?.path).toEqual(['url']);
    expect((error as AppError).issues[0]?.message).toContain(message);
  });

  it('refuses a loopback receiver through the API: 422 naming url, nothing stored', async () => {
    const { key } = await addApiKey(t, 'all');
    const res = await api(t, key, 'POST', '/webhooks', { url: receiver.url, events: ['import.finished'] });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toEqual(['url']);
    const https = await api(t, key, 'POST', '/webhooks', {
      url: receiver.url.replace('http:', 'https:'),
      events: ['import.finished'],
    });
    expect(https.status).toBe(422);
    expect(https.json.error.issues[0]).toEqual({ path: ['url'], message: expect.stringContaining('127.0.0.1') });
    expect(await countRows(t.db, 'webhook_endpoints')).toBe(0);
  });

  it('refuses at delivery after DNS: a name resolving to loopback gets nothing, the row retries with the reason', async () => {
    // An endpoint written before the rules (or whose name now resolves elsewhere): the check runs again on each connection.
    const port = new URL(receiver.url).port;
    const now = clock.nowMs();
    await t.db.write(async (tx) => {
      await insertWebhookEndpoint(tx, {
        url: `https://localhost:${port}/hooks/cpi`,
        events: ['import.finished'],
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        now,
      });
      await enqueueWebhookEvent(tx, { type: 'import.finished', messageId: 'msg_test', body: '{}' }, now);
    });
    const report = await deliverDueWebhooks(t.deps);
    expect(report).toEqual({ delivered: 0, retried: 1, dead: 0 });
    expect(receiver.received).toHaveLength(0);
    const row = await t.db.readClient.execute('SELECT last_error, last_status FROM webhook_deliveries');
    expect(String(row.rows[0]?.last_error)).toMatch(
      /localhost resolves to (127\.0\.0\.1|::1), which is not a public address/,
    );
    expect(await countRows(t.db, 'webhook_deliveries', "status = 'pending'")).toBe(1);
  });
});
