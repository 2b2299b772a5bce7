/**
 * Issue 19: a libSQL server that stops answering under load. Two real server processes
 * (one over WebSocket, one over HTTP) take survey submits while sqld is stopped (SIGSTOP)
 * and later killed and restarted on the same data: every request answers within the
 * deadline (503 with Retry-After), /healthz turns 503, both instances answer again by
 * themselves within 10 s of the server coming back, and every acknowledged (303) submit is
 * stored, once.
 */
import { createClient } from '@libsql/client';
import { createDb } from '../../db/client';
import { isBusyError } from '../../db/errors';
import { DatabaseUnavailableError } from '../../db/errors';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOpenInvitations } from '../../bench/survey-fixture';
import { answersFor, outcomeOf, postSurvey } from '../faults/helpers/http';
import { startTestServer, type TestServer } from '../helpers/server';
import { describeSqld, startSqld, type Sqld } from '../helpers/sqld';

/** DATABASE_TIMEOUT_MS for both instances. */
const DEADLINE = 2500;
/**
 * The longest a request may take while the server is gone: a write queued behind one that is
 * stuck waits for it, then for the probe (2 × the deadline), plus a loaded machine's margin.
 * The code before the deadline existed held them until the server came back (the stall lasts
 * longer than this), or forever.
 */
const ANSWER_WITHIN = 2 * DEADLINE + 4000;
const STALL_MS = 12_000;
const RECOVER_WITHIN = 10_000;
const CLIENTS_PER_SERVER = 6;

interface Sent {
  index: number;
  server: number;
  started: number;
  ended: number;
  status: number;
  retryAfter: string | null;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describeSqld('a libSQL server that stops answering under load', () => {
  let sqld: Sqld;
  let servers: TestServer[] = [];
  let tokens: string[];
  let next = 0;

  beforeAll(async () => {
    sqld = await startSqld();
    tokens = await createOpenInvitations(sqld.url, 4000, Date.now());
    const env = { DATABASE_TIMEOUT_MS: String(DEADLINE), WRITE_DEADLINE_MS: '5000' };
    servers = await Promise.all([
      startTestServer({ ...env, DATABASE_URL: `${sqld.url.replace('http://', 'libsql://')}?tls=0` }),
      startTestServer({ ...env, DATABASE_URL: sqld.url }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await sqld?.stop();
  });

  /** Clients submit unique tokens to both servers until stopped; every answer is recorded. */
  function load() {
    const sent: Sent[] = [];
    let running = true;
    const client = async (server: number) => {
      while (running && next < tokens.length) {
        const index = next++;
        const started = Date.now();
        let status = 0;
        let retryAfter: string | null = null;
        try {
          const res = await postSurvey(servers[server]!.baseUrl, tokens[index]!, {
            ...answersFor(index),
            action: 'submit',
          });
          await res.arrayBuffer();
          status = res.status;
          retryAfter = res.headers.get('retry-after');
        } catch {
          status = 0; // no answer within 30 s
        }
        sent.push({ index, server, started, ended: Date.now(), status, retryAfter });
        if (status !== 303) await sleep(500);
      }
    };
    const clients = servers.flatMap((_, server) => Array.from({ length: CLIENTS_PER_SERVER }, () => client(server)));
    return {
      sent,
      async stop() {
        running = false;
        await Promise.all(clients);
      },
    };
  }

  /** Polls GET /healthz until it answers `status`; the time that took, or Infinity after `within` ms. */
  async function healthTurns(server: TestServer, status: number, within: number): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < within) {
      try {
        const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(within) });
        await res.arrayBuffer();
        if (res.status === status) return Date.now() - started;
      } catch {
        // no answer: keep asking until `within`
      }
      await sleep(100);
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Until both servers answer /healthz 200 and a fresh submit 303: how long that took, and what each saw meanwhile. */
  async function recovery(): Promise<{ ms: number; seen: string }> {
    const started = Date.now();
    const seen: string[] = [];
    await Promise.all(
      servers.map(async (server, n) => {
        while (Date.now() - started < 30_000) {
          const health = await fetch(`${server.baseUrl}/healthz`).catch(() => undefined);
          const index = next++;
          const posted = Date.now();
          const res = await postSurvey(server.baseUrl, tokens[index]!, {
            ...answersFor(index),
            action: 'submit',
          }).catch(() => undefined);
          await res?.arrayBuffer();
          seen.push(
            `${n}@${posted - started}: health ${health?.status}, submit ${res?.status} in ${Date.now() - posted} ms`,
          );
          if (health?.status === 200 && res?.status === 303) return;
          await sleep(100);
        }
      }),
    );
    return { ms: Date.now() - started, seen: seen.join('; ') };
  }

  /** Every acknowledged token is stored, submitted, once; what got a 503 is recorded once when sent again. */
  async function checkNothingLost(sent: Sent[]) {
    const raw = createClient({ url: sqld.url });
    try {
      const rows = await raw.execute(
        "SELECT invitation_id AS id, count(*) AS n FROM responses WHERE status = 'submitted' GROUP BY invitation_id",
      );
      const stored = new Map(rows.rows.map((r) => [Number(r.id) - 1, Number(r.n)]));
      const acked = sent.filter((s) => s.status === 303).map((s) => s.index);
      const lost = acked.filter((i) => !stored.has(i));
      expect(lost, 'acknowledged (303) but not stored').toEqual([]);
      expect(
        [...stored.values()].filter((n) => n > 1),
        'stored twice',
      ).toEqual([]);
      // A 503 may have come after the commit reached the server (the answer was lost on the
      // way back): sent again, such a token is "already received"; the others are stored now.
      const refused = sent.filter((s) => s.status === 503);
      const queue = [...refused];
      const outcomes: { index: number; stored: boolean; status: number; outcome: string | undefined }[] = [];
      // Four at a time: this is a check, not more load.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let s = queue.shift(); s; s = queue.shift()) {
            const res = await postSurvey(servers[s.server]!.baseUrl, tokens[s.index]!, {
              ...answersFor(s.index),
              action: 'submit',
            });
            const body = await res.text();
            outcomes.push({
              index: s.index,
              stored: stored.has(s.index),
              status: res.status,
              outcome: outcomeOf(body),
            });
          }
        }),
      );
      expect(
        outcomes.filter((o) => (o.stored ? o.status !== 200 || o.outcome !== 'already-submitted' : o.status !== 303)),
      ).toEqual([]);
      return {
        acked: acked.length,
        refused: refused.length,
        refusedButStored: outcomes.filter((o) => o.stored).length,
      };
    } finally {
      raw.close();
    }
  }

  /** The servers' own account: no 500 logged; the [db] lines say when they gave up and came back. */
  function serverLog() {
    const lines = servers.flatMap((s) => s.output().split('\n'));
    expect(lines.filter((l) => l.startsWith('[error]'))).toEqual([]);
    return lines.filter((l) => l.startsWith('[db]')).join('\n');
  }

  function checkAnswersDuringOutage(sent: Sent[], from: number, to: number) {
    const during = sent.filter((s) => s.ended > from && s.started < to);
    const slow = during.filter((s) => s.ended - Math.max(s.started, from) > ANSWER_WITHIN);
    expect(
      slow.map((s) => ({ ...s, took: s.ended - Math.max(s.started, from) })),
      'answered late',
    ).toEqual([]);
    expect(during.filter((s) => s.status !== 303 && s.status !== 503)).toEqual([]);
    const refused = during.filter((s) => s.status === 503);
    expect(refused.length, '503s during the outage').toBeGreaterThan(0);
    expect(refused.filter((s) => !s.retryAfter)).toEqual([]);
    const longest = Math.max(...during.map((s) => s.ended - Math.max(s.started, from)));
    return { requests: during.length, refused: refused.length, longest };
  }

  it('answers 503 within the deadline while sqld is stopped (SIGSTOP), and recovers after SIGCONT', {
    timeout: 120_000,
  }, async () => {
    const traffic = load();
    while (traffic.sent.filter((s) => s.status === 303).length < 20) await sleep(50);
    const stoppedAt = Date.now();
    sqld.signal('SIGSTOP');
    let health: number[];
    try {
      health = await Promise.all(servers.map((s) => healthTurns(s, 503, ANSWER_WITHIN + 5000)));
      await sleep(STALL_MS - (Date.now() - stoppedAt));
    } finally {
      sqld.signal('SIGCONT');
    }
    const resumedAt = Date.now();
    expect(Math.max(...health), '/healthz turned 503 (ms)').toBeLessThanOrEqual(ANSWER_WITHIN);
    const { ms: recovered, seen } = await recovery();
    await sleep(500);
    await traffic.stop();
    const outage = checkAnswersDuringOutage(traffic.sent, stoppedAt, resumedAt);
    expect(recovered, `answering again after SIGCONT (ms); what each saw: ${seen}`).toBeLessThanOrEqual(RECOVER_WITHIN);
    const after = traffic.sent.filter((s) => s.started > resumedAt + RECOVER_WITHIN);
    expect(after.filter((s) => s.status !== 303)).toEqual([]);
    const counts = await checkNothingLost(traffic.sent);
    console.log(serverLog());
    const before = traffic.sent.filter((s) => s.ended < stoppedAt && s.status === 303).map((s) => s.ended - s.started);
    console.log(
      `[stall] deadline ${DEADLINE} ms; submits before the stop: ${before.length}, median ${before.sort((x, y) => x - y)[before.length >> 1]} ms, slowest ${Math.max(...before)} ms; /healthz 503 after ${health.join(' / ')} ms; during the stall ${outage.requests} requests, ${outage.refused} answered 503, the slowest in ${outage.longest} ms; answering again ${recovered} ms after SIGCONT; ${counts.acked} acknowledged, all stored once; ${counts.refused} refused, ${counts.refusedButStored} of them had committed`,
    );
  });

  it('answers 503 while sqld is killed, and recovers when it restarts on the same data', {
    timeout: 120_000,
  }, async () => {
    const traffic = load();
    const before = traffic.sent.length;
    while (traffic.sent.slice(before).filter((s) => s.status === 303).length < 20) await sleep(50);
    const killedAt = Date.now();
    await sqld.kill();
    const health = await Promise.all(servers.map((s) => healthTurns(s, 503, ANSWER_WITHIN + 5000)));
    expect(Math.max(...health), '/healthz turned 503 (ms)').toBeLessThanOrEqual(ANSWER_WITHIN);
    await sleep(3000);
    const restartedAt = Date.now();
    await sqld.restart();
    const upAt = Date.now();
    const { ms: recovered, seen } = await recovery();
    await sleep(500);
    await traffic.stop();
    const outage = checkAnswersDuringOutage(traffic.sent, killedAt, restartedAt);
    expect(recovered, `answering again after the restart (ms); what each saw: ${seen}`).toBeLessThanOrEqual(
      RECOVER_WITHIN,
    );
    const counts = await checkNothingLost(traffic.sent);
    console.log(serverLog());
    console.log(
      `[kill] /healthz 503 after ${health.join(' / ')} ms; sqld down ${upAt - killedAt} ms (restart ${upAt - restartedAt} ms); ${outage.requests} requests meanwhile, ${outage.refused} answered 503, the slowest in ${outage.longest} ms; answering again ${recovered} ms after sqld was back; ${counts.acked} acknowledged, all stored once; ${counts.refused} refused, ${counts.refusedButStored} of them had committed`,
    );
  });

  it('refuses requests beyond DATABASE_MAX_PENDING at once instead of queueing them', async () => {
    const db = await createDb({ url: sqld.url, timeoutMs: 2000, maxPending: 4 });
    try {
      await db.readClient.execute('SELECT 1');
      sqld.signal('SIGSTOP');
      const started = Date.now();
      const settled: { ms: number; refused: boolean }[] = [];
      const timed = (p: Promise<unknown>) =>
        p.then(
          () => settled.push({ ms: Date.now() - started, refused: false }),
          (e: unknown) =>
            settled.push({
              ms: Date.now() - started,
              refused: isBusyError(e) || e instanceof DatabaseUnavailableError,
            }),
        );
      try {
        const waits = Array.from({ length: 10 }, () =>
          timed(db.write((tx) => tx.$client.execute('UPDATE rollup_mode SET bulk = bulk WHERE id = 1'))),
        );
        // Reads made in one turn share one request (db/coalesce.ts): these come one turn apart.
        for (let i = 0; i < 10; i++) {
          waits.push(timed(db.readClient.execute('SELECT count(*) FROM responses')));
          await new Promise((resolve) => setImmediate(resolve));
        }
        await Promise.all(waits);
      } finally {
        sqld.signal('SIGCONT');
      }
      expect(settled.filter((s) => !s.refused)).toEqual([]);
      // 4 writes may queue and 4 reads wait; the rest are refused at once.
      expect(settled.filter((s) => s.ms < 500).length).toBeGreaterThanOrEqual(12);
      expect(Math.max(...settled.map((s) => s.ms))).toBeLessThan(2 * 2000 + 3000);
    } finally {
      await db.close();
    }
  });
});
