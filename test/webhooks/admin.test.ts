/** /admin/webhooks: add, rotate, delete, the delivery log and retrying a dead letter; admins only, CSRF-checked. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { addUser, countRows, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { startWebhookReceiver, webhookHeaders, type WebhookReceiver } from '../helpers/webhook-receiver';
import { deliverDueWebhooks } from '../../src/webhooks/sender';
import { queueImportFinishedEvent } from '../../src/domain/webhooks';

describe('/admin/webhooks', () => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let admin: string;
  let lead: string;
  const clock = manualClock(Date.now());

  beforeAll(async () => {
    t = await createTestApp({ WEBHOOK_ALLOW_LOCAL: '1' }, clock);
    receiver = await startWebhookReceiver();
    const a = await addUser(t, 'admin');
    admin = await login(t, a.email, a.password);
    const l = await addUser(t, 'lead');
    lead = await login(t, l.email, l.password);
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('adds an endpoint (secret shown once), refuses bad input inline, and is for admins only', async () => {
    const bad = await t.postForm(
      '/admin/webhooks',
      { url: 'ftp://x.test/', events: 'import.finished' },
      { cookie: admin },
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('must start with https://');
    const none = await t.postForm('/admin/webhooks', { url: receiver.url }, { cookie: admin });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('tick at least one event');
    expect(
      await t.postForm('/admin/webhooks', { url: receiver.url, events: 'import.finished' }, { cookie: lead }),
    ).toHaveProperty('status', 403);
    const noOrigin = await t.request('/admin/webhooks', {
      method: 'POST',
      cookie: admin,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ url: receiver.url, events: 'import.finished' }).toString(),
    });
    expect(noOrigin.status).toBe(403);
    expect(await countRows(t.db, 'webhook_endpoints')).toBe(0);

    const added = await t.postForm(
      '/admin/webhooks',
      { url: receiver.url, events: ['import.finished', 'invitation.bounced'] },
      { cookie: admin },
    );
    expect(added.status).toBe(200);
    const html = await added.text();
    const secret = /data-testid="webhook-secret">(whsec_[^<]+)</.exec(html)?.[1];
    expect(secret).toBeDefined();
    const listed = await (await t.request('/admin/webhooks', { cookie: admin })).text();
    expect(listed).toContain(receiver.url);
    expect(listed).not.toContain(secret!);
  });

  it('lists deliveries and retries a dead letter', async () => {
    await t.db.write((tx) =>
      queueImportFinishedEvent(
        tx,
        { importId: 1, kind: 'reps', status: 'published', rows: 1, created: 1, duplicates: 0, rejected: 0 },
        clock.nowMs(),
      ),
    );
    receiver.answers.push(410);
    // No retries left: the first failure is a dead letter.
    expect(await deliverDueWebhooks(t.deps, { retryDelaysMs: [] })).toEqual({ delivered: 0, retried: 0, dead: 1 });
    const page = await (await t.request('/admin/webhooks', { cookie: admin })).text();
    expect(page).toContain('dead letter');
    expect(page).toContain('HTTP 410');
    const id = /\/admin\/webhooks\/deliveries\/(\d+)\/retry/.exec(page)?.[1];
    expect(id).toBeDefined();
    const retried = await t.postForm(`/admin/webhooks/deliveries/${id}/retry`, {}, { cookie: admin });
    expect(retried.status).toBe(303);
    expect(await deliverDueWebhooks(t.deps)).toEqual({ delivered: 1, retried: 0, dead: 0 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers['webhook-id']).toBe(receiver.received[1]!.headers['webhook-id']);
    const again = await t.postForm(`/admin/webhooks/deliveries/${id}/retry`, {}, { cookie: admin });
    expect(again.status).toBe(404);
  });

  it('rotates (the new secret verifies, both sign for the overlap) and deletes', async () => {
    const page = await (await t.request('/admin/webhooks', { cookie: admin })).text();
    const id = /\/admin\/webhooks\/(\d+)\/rotate/.exec(page)?.[1];
    const rotated = await t.postForm(`/admin/webhooks/${id}/rotate`, {}, { cookie: admin });
    expect(rotated.status).toBe(200);
    const secret = /data-testid="webhook-secret">(whsec_[^<]+)</.exec(await rotated.text())?.[1];
    await t.db.write((tx) =>
      queueImportFinishedEvent(
        tx,
        { importId: 2, kind: 'reps', status: 'published', rows: 1, created: 1, duplicates: 0, rejected: 0 },
        clock.nowMs(),
      ),
    );
    await deliverDueWebhooks(t.deps);
    const last = receiver.received.at(-1)!;
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(new Webhook(secret!).verify(last.body, webhookHeaders(last.headers))).toMatchObject({
      type: 'import.finished',
      data: { importId: 2, status: 'published' },
    });
    const deleted = await t.postForm(`/admin/webhooks/${id}/delete`, {}, { cookie: admin });
    expect(deleted.status).toBe(303);
    expect(await countRows(t.db, 'webhook_endpoints')).toBe(0);
    expect(await countRows(t.db, 'webhook_deliveries')).toBe(0);
  });
});
