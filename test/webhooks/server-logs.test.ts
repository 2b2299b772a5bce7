/**
 * The real server process and CLI with webhooks: an import through the CLI queues
 * `import.finished` in its write, the server's sender delivers it signed (after a failure and
 * a retry), and no signing secret reaches a log line of either process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { startTestServer, type TestServer } from '../helpers/server';
import { runCli } from '../helpers/cli';
import { startWebhookReceiver, webhookHeaders, type WebhookReceiver } from '../helpers/webhook-receiver';

describe('webhooks in the server process', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    server = await startTestServer({ WEBHOOK_ALLOW_LOCAL: '1', SEND_INTERVAL_SECONDS: '1' });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it('delivers import.finished from CLI imports (published after a retry, then refused); secrets are in no log line', async () => {
    const env = { DATABASE_URL: `file:${server.dbPath}`, WEBHOOK_ALLOW_LOCAL: '1' };
    const key = (await runCli(['apikey', 'create', '--name', 'hooks'], env)).stdout.trim().split('\n').pop()!;
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.baseUrl}/api/v1${path}`, {
        method,
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as { id: number; secret: string };
    };
    const { id, secret: first } = await call('POST', '/webhooks', { url: receiver.url, events: ['import.finished'] });
    const { secret } = await call('POST', `/webhooks/${id}/rotate`);
    receiver.answers.push(500);

    const csv = join(server.dir, 'reps.csv');
    writeFileSync(csv, 'email,name,team\nana@acme.test,Ana Ruiz,Iberia\n');
    const imported = await runCli(['import', 'reps', csv], env);
    expect(imported.code).toBe(0);

    // The first attempt fails (500); the retry 5 s later succeeds.
    const deadline = Date.now() + 30_000;
    while (receiver.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(receiver.received).toHaveLength(2);
    const delivered = receiver.received[1]!;
    expect(new Webhook(secret).verify(delivered.body, webhookHeaders(delivered.headers))).toMatchObject({
      type: 'import.finished',
      data: { kind: 'reps', status: 'published', rows: 1 },
    });
    // A refused import (all or nothing: one bad row) finishes too.
    writeFileSync(csv, 'email,name,team\nnot-an-address,Bea,Iberia\n');
    expect((await runCli(['import', 'reps', csv], env)).code).toBe(1);
    const refusedBy = Date.now() + 15_000;
    while (receiver.received.length < 3 && Date.now() < refusedBy) await new Promise((r) => setTimeout(r, 200));
    const refused = receiver.received[2]!;
    expect(new Webhook(secret).verify(refused.body, webhookHeaders(refused.headers))).toMatchObject({
      type: 'import.finished',
      data: { kind: 'reps', status: 'failed', rows: 0 },
    });
    const sendDue = await runCli(['send-due'], env);
    expect(sendDue.stdout).toContain('Webhooks: delivered 0');

    const logs = [server.output(), imported.stdout, imported.stderr, sendDue.stdout, sendDue.stderr].join('\n');
    for (const s of [first, secret]) {
      expect(logs).not.toContain(s);
      expect(logs).not.toContain(s.slice('whsec_'.length, 20));
    }
    expect(logs).not.toContain('whsec_');
  }, 60_000);
});
