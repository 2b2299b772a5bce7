/**
 * Issue 6 benchmark: invitation sending. 10,000 invitations through the outbox sender
 * (claim with a lease, send over a pooled transport, mark sent) to a loopback
 * smtp-server, against nodemailer sending the same pre-rendered messages with no database.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { loadConfig } from '../src/config';
import { createClock } from '../src/lib/clock';
import { sendDue } from '../src/mail/sender';
import { createSmtpTransport } from '../src/mail/transport';
import { ingestInTransaction } from '../src/domain/interactions';
import { upsertRepsInTransaction } from '../src/domain/training';
import { median } from './lib';

async function sink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        received++;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export async function benchMail(
  count = Number(process.env.BENCH_MAIL ?? 10_000),
  runs = Number(process.env.BENCH_RUNS ?? 5),
) {
  console.log(`Invitation sending (issue 6): ${count.toLocaleString('en')} messages, ${runs} run(s)`);
  mkdirSync('test-output/bench', { recursive: true });
  const ours: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < runs; run++) {
    const path = `test-output/bench/mail-${run}.db`;
    for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
    const smtp = await sink();
    const config = loadConfig({
      DATABASE_URL: `file:${path}`,
      SMTP_URL: smtp.url,
      BASE_URL: 'http://bench.test',
      SEND_INTERVAL_SECONDS: '0',
    });
    const db = await createDb({ url: config.databaseUrl });
    await migrate(db.adminClient);
    const now = Date.now();
    const deps = { config, db, clock: createClock(), wakeSender: () => {} };
    await db.write((tx) =>
      upsertRepsInTransaction(
        tx,
        Array.from({ length: 50 }, (_, i) => ({ email: `rep${i}@bench.test`, name: `Rep ${i}`, team: 'Bench' })),
        now,
      ),
    );
    for (let i = 0; i < count; i += 1000) {
      const items = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({
        externalId: `mail-${i + k}`,
        repEmail: `rep${(i + k) % 50}@bench.test`,
        customer: {
          email: `c${i + k}@bench.test`,
          name: `Customer ${i + k}`,
          locale: (['en', 'es', 'de'] as const)[(i + k) % 3]!,
          company: null,
        },
        type: 'call' as const,
        occurredAt: now - 3 * 3_600_000,
        quoteRequestedAt: null,
        quoteDeliveredAt: null,
        contentIds: [],
      }));
      await db.write((tx) =>
        ingestInTransaction(tx, items, 'api', now, { baseUrl: config.baseUrl, mailFrom: config.mailFrom }),
      );
    }
    const rendered = (
      await db.readClient.execute(
        'SELECT to_address, subject, text_body, html_body, headers, message_id FROM outbox ORDER BY id',
      )
    ).rows.map((r) => ({
      to: String(r.to_address),
      subject: String(r.subject),
      text: String(r.text_body),
      html: String(r.html_body),
      headers: JSON.parse(String(r.headers)) as Record<string, string>,
      messageId: String(r.message_id),
    }));
    // Ours: the outbox sender with its leases and per-message bookkeeping.
    const transport = createSmtpTransport(smtp.url);
    let t = performance.now();
    const report = await sendDue(deps, transport, { batchSize: 100 });
    const oursSeconds = (performance.now() - t) / 1000;
    transport.close();
    if (report.sent !== count) throw new Error(`sent ${report.sent} of ${count}`);
    // Baseline: nodemailer alone, same pool size, the same messages, no database.
    const pool = nodemailer.createTransport({
      pool: true,
      maxConnections: 5,
      host: '127.0.0.1',
      port: Number(new URL(smtp.url).port),
      secure: false,
    });
    t = performance.now();
    for (let i = 0; i < rendered.length; i += 100) {
      await Promise.all(rendered.slice(i, i + 100).map((m) => pool.sendMail({ from: config.mailFrom, ...m })));
    }
    const rawSeconds = (performance.now() - t) / 1000;
    pool.close();
    ours.push(count / oursSeconds);
    raw.push(count / rawSeconds);
    console.log(
      `  run ${run + 1}: outbox sender ${(count / oursSeconds).toFixed(0)} msg/s; nodemailer alone ${(count / rawSeconds).toFixed(0)} msg/s → ${(rawSeconds / oursSeconds).toFixed(2)}`,
    );
    await db.close();
    await smtp.close();
    for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  }
  const ratios = ours.map((o, i) => o / raw[i]!);
  console.log('RESULT mail:');
  console.log(
    `  outbox sender: median ${median(ours).toFixed(0)} msg/s; nodemailer alone: median ${median(raw).toFixed(0)} msg/s`,
  );
  console.log(
    `  sender / nodemailer alone: median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
  );
}
