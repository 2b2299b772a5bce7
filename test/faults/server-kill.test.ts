/**
 * Fault 1: the server is SIGKILLed at a random moment while 20–50 clients submit surveys.
 * After a restart on the same file, every submission that was acknowledged (303) is
 * there, submitted, with its answers; nothing is doubled or half-written; the file is
 * sound. Posts that were in flight at the kill are sent again: each is recorded once
 * (303 if the kill beat its commit, "already received" if not).
 *
 * Rounds: FAULT_SERVER_ROUNDS (or FAULT_ROUNDS); default 5 (CI), ≥ 20 locally.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { createOpenInvitations } from '../../bench/survey-fixture';
import { startServerOn, sleep, type ServerProc } from './helpers/procs';
import { integrityCheck, openRaw, rollupMismatches, scalar } from './helpers/db';
import { answersFor, outcomeOf, postSurvey } from './helpers/http';
import { note, rng, rounds } from './helpers/knobs';

const ROUNDS = rounds('FAULT_SERVER_ROUNDS', 5);
/** Tokens set aside for each round: more than the server can take before the latest kill. */
const PER_ROUND = 4000;

interface RoundLog {
  attempted: Set<number>;
  acked: Set<number>;
  /** Sent, no answer: the kill came first. */
  unknown: Set<number>;
  /** Statuses other than 303 answered before the kill (there should be none). */
  unexpected: { index: number; status: number }[];
}

describe('SIGKILL of the server while clients submit surveys', () => {
  let dir: string;
  let dbPath: string;
  let tokens: string[];
  let raw: Client;
  let server: ServerProc | undefined;
  const random = rng('server-kill');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-faults-kill-'));
    dbPath = join(dir, 'survey.db');
    const started = Date.now();
    tokens = await createOpenInvitations(dbPath, ROUNDS * PER_ROUND, Date.now());
    note(`server-kill: ${tokens.length} open invitations in ${Date.now() - started} ms`);
    raw = openRaw(dbPath);
  });
  afterAll(async () => {
    await server?.stop();
    raw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Clients post unique tokens from this round's slice until the server is gone. */
  async function loadUntilKilled(
    srv: ServerProc,
    round: number,
    clients: number,
    killAfterMs: number,
  ): Promise<RoundLog> {
    const log: RoundLog = { attempted: new Set(), acked: new Set(), unknown: new Set(), unexpected: [] };
    const first = round * PER_ROUND;
    let next = first;
    let killing = false;
    let killed = false;
    const client = async () => {
      while (!killed && next < first + PER_ROUND) {
        const index = next++;
        log.attempted.add(index);
        try {
          const res = await postSurvey(srv.baseUrl, tokens[index]!, { ...answersFor(index), action: 'submit' });
          await res.arrayBuffer();
          if (res.status === 303 && res.headers.get('location')?.startsWith(`/s/${tokens[index]}/thanks`))
            log.acked.add(index);
          else log.unexpected.push({ index, status: res.status });
        } catch {
          // Connection refused or reset: the server is gone. Before the kill, that is a failure.
          if (killing) log.unknown.add(index);
          else log.unexpected.push({ index, status: 0 });
        }
      }
    };
    const running = Array.from({ length: clients }, () => client());
    // The random moment counts from the first acknowledgement, when submissions are flowing.
    const deadline = Date.now() + 30_000;
    while (log.acked.size === 0 && log.unexpected.length === 0 && Date.now() < deadline) await sleep(5);
    await sleep(killAfterMs);
    killing = true;
    await srv.kill();
    killed = true;
    await Promise.all(running);
    return log;
  }

  async function checkRound(srv: ServerProc, round: number, log: RoundLog) {
    const first = round * PER_ROUND;
    const rows = await raw.execute({
      sql: `SELECT r.invitation_id AS id, r.status, r.resolved_first_contact AS fcr, r.content_useful AS cu, r.decision_clearer AS dc,
              r.added_value AS av, r.comment, v.status AS invitation_status
            FROM responses r JOIN invitations v ON v.id = r.invitation_id WHERE r.invitation_id BETWEEN ? AND ?`,
      args: [first + 1, first + PER_ROUND],
    });
    const stored = new Set<number>();
    for (const row of rows.rows) {
      const index = Number(row.id) - 1;
      stored.add(index);
      // Only posted tokens have a row, and a row is a whole submission (never partial).
      expect(log.attempted.has(index), `response for token ${index} that was never posted`).toBe(true);
      const a = answersFor(index);
      expect({
        status: row.status,
        fcr: row.fcr,
        cu: row.cu,
        dc: row.dc,
        av: row.av,
        comment: row.comment,
        invitation: row.invitation_status,
      }).toEqual({
        status: 'submitted',
        fcr: a.resolved_first_contact === 'yes' ? 1 : 0,
        cu: Number(a.content_useful),
        dc: Number(a.decision_clearer),
        av: Number(a.added_value),
        comment: a.comment,
        invitation: 'responded',
      });
    }
    const lost = [...log.acked].filter((i) => !stored.has(i));
    expect(lost, `acknowledged (303) but not in the database after the kill`).toEqual([]);
    // An invitation marked responded has its response (the same write did both).
    expect(
      await scalar(
        raw,
        "SELECT count(*) FROM invitations WHERE id BETWEEN ? AND ? AND status = 'responded' AND id NOT IN (SELECT invitation_id FROM responses WHERE invitation_id IS NOT NULL)",
        [first + 1, first + PER_ROUND],
      ),
    ).toBe(0);

    // In-flight posts, sent again: recorded once whichever side of the commit the kill fell on.
    const again = [...log.unknown];
    const outcomes: { index: number; got: [number, string | undefined]; want: [number, string | undefined] }[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let index = again.shift(); index !== undefined; index = again.shift()) {
          const res = await postSurvey(srv.baseUrl, tokens[index]!, { ...answersFor(index), action: 'submit' });
          const body = await res.text();
          outcomes.push({
            index,
            got: [res.status, res.status === 303 ? undefined : outcomeOf(body)],
            want: stored.has(index) ? [200, 'already-submitted'] : [303, undefined],
          });
        }
      }),
    );
    expect(outcomes.filter((o) => o.got[0] !== o.want[0] || o.got[1] !== o.want[1])).toEqual([]);
    // A few acknowledged tokens through the restarted server: "already received".
    for (const index of [...log.acked].slice(0, 3)) {
      const res = await fetch(`${srv.baseUrl}/s/${tokens[index]}`);
      expect([res.status, outcomeOf(await res.text())]).toEqual([200, 'already-submitted']);
    }
    expect(
      await scalar(raw, 'SELECT count(*) FROM responses WHERE invitation_id BETWEEN ? AND ?', [
        first + 1,
        first + PER_ROUND,
      ]),
    ).toBe(log.attempted.size);
    expect(await scalar(raw, "SELECT count(*) FROM responses WHERE status != 'submitted'")).toBe(0);
    expect(
      await scalar(
        raw,
        'SELECT count(*) FROM (SELECT invitation_id FROM responses GROUP BY invitation_id HAVING count(*) > 1)',
      ),
    ).toBe(0);
    expect(await rollupMismatches(raw)).toEqual([]);
  }

  it(
    `keeps every acknowledged submission exactly once over ${ROUNDS} kills, and the file stays sound`,
    async () => {
      server = await startServerOn(dbPath);
      let totalAcked = 0;
      let midCommitRepeats = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const started = Date.now();
        const clients = random.int(20, 50);
        const killAfterMs = random.int(0, 1500);
        const log = await loadUntilKilled(server, round, clients, killAfterMs);
        expect(log.unexpected, 'every answer before the kill is a 303').toEqual([]);
        expect(log.acked.size + log.unknown.size).toBe(log.attempted.size);
        if (log.attempted.size === PER_ROUND)
          note(`server-kill round ${round + 1}: all ${PER_ROUND} tokens were posted before the kill`);

        const killedAt = Date.now();
        expect(await integrityCheck(dbPath)).toBe('ok');
        const checkedAt = Date.now();
        server = await startServerOn(dbPath);
        const restartedAt = Date.now();
        const storedBefore = await scalar(raw, 'SELECT count(*) FROM responses WHERE invitation_id BETWEEN ? AND ?', [
          round * PER_ROUND + 1,
          (round + 1) * PER_ROUND,
        ]);
        midCommitRepeats += storedBefore - log.acked.size;
        await checkRound(server, round, log);
        totalAcked += log.acked.size;
        note(
          `server-kill round ${round + 1}/${ROUNDS}: ${clients} clients, kill ${killAfterMs} ms after the first 303, ${log.acked.size} acknowledged, ` +
            `${log.unknown.size} in flight (${storedBefore - log.acked.size} of them committed); ` +
            `${Date.now() - started} ms (load ${killedAt - started}, integrity_check ${checkedAt - killedAt}, restart ${restartedAt - checkedAt}, checks ${Date.now() - restartedAt})`,
        );
      }
      expect(await integrityCheck(dbPath)).toBe('ok');
      note(
        `server-kill: ${ROUNDS} kills, ${totalAcked} acknowledged submissions all kept; ${midCommitRepeats} in-flight posts had committed before the kill`,
      );
    },
    60_000 + ROUNDS * 40_000,
  );
});
