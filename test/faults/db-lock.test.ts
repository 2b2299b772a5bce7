/**
 * Fault 4: another process (the `sqlite3` command line) holds the database write lock
 * (BEGIN IMMEDIATE) while a customer submits a survey on the running server.
 * - 3 s: the app waits (busy timeout 0, asynchronous backoff) and the submit succeeds
 *   (303) once the lock is released; reads go on meanwhile.
 * - 10 s, longer than WRITE_DEADLINE_MS (default 5 s): 503 with Retry-After, the form
 *   comes back with the answers as typed, and nothing is written — a fresh invitation has
 *   no response row, a half-answered one keeps its saved answers. Sent again afterwards,
 *   the answers are recorded once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { createOpenInvitations } from '../../bench/survey-fixture';
import { startServerOn, type ServerProc } from './helpers/procs';
import { integrityCheck, openRaw, rollupMismatches, scalar } from './helpers/db';
import { answersFor, outcomeOf, postSurvey, shownValues } from './helpers/http';
import { holdWriteLock } from './helpers/lock';

const DEADLINE_MS = 5000; // WRITE_DEADLINE_MS's default, which the server runs with here

describe('another process holds the database write lock', () => {
  let dir: string;
  let dbPath: string;
  let tokens: string[];
  let raw: Client;
  let server: ServerProc;

  const responseOf = async (index: number) => {
    const r = await raw.execute({
      sql: 'SELECT status, resolved_first_contact AS fcr, content_useful AS cu, decision_clearer AS dc, added_value AS av, comment FROM responses WHERE invitation_id = ?',
      args: [index + 1],
    });
    return r.rows.map((row) => ({ ...row }));
  };
  const submitted = (index: number, a = answersFor(index)) => [
    {
      status: 'submitted',
      fcr: a.resolved_first_contact === 'yes' ? 1 : 0,
      cu: Number(a.content_useful),
      dc: Number(a.decision_clearer),
      av: Number(a.added_value),
      comment: a.comment,
    },
  ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-faults-lock-'));
    dbPath = join(dir, 'lock.db');
    tokens = await createOpenInvitations(dbPath, 10, Date.now());
    raw = openRaw(dbPath);
    server = await startServerOn(dbPath);
    // Warm the routes up so that timings below measure the lock, not the first request.
    expect((await fetch(`${server.baseUrl}/s/${tokens[9]}`)).status).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    raw?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits out a 3 s lock: the submit succeeds (303) after the release, and reads go on meanwhile', async () => {
    const lock = holdWriteLock(dbPath, 3000);
    const lockedAt = await lock.locked;

    const read = Date.now();
    const page = await fetch(`${server.baseUrl}/s/${tokens[1]}`);
    expect(page.status).toBe(200);
    expect(outcomeOf(await page.text())).toBeUndefined(); // the open form
    expect(Date.now() - read).toBeLessThan(2500); // not held up by the 3 s lock

    const res = await postSurvey(server.baseUrl, tokens[0]!, { ...answersFor(0), action: 'submit' });
    const answeredAt = Date.now();
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/s/${tokens[0]}/thanks?lang=en`);
    const releasedAt = await lock.released;
    expect(await lock.exited).toBe(0);
    // It could only commit once the other process had committed ("released" is printed just after).
    expect(answeredAt).toBeGreaterThanOrEqual(releasedAt - 1000);
    expect(answeredAt - lockedAt).toBeGreaterThanOrEqual(2500);
    expect(answeredAt - lockedAt).toBeLessThan(DEADLINE_MS + 2000);
    expect(await responseOf(0)).toEqual(submitted(0));
    expect(await scalar(raw, "SELECT count(*) FROM invitations WHERE id = 1 AND status = 'responded'")).toBe(1);
  });

  it('answers 503 with Retry-After under a 10 s lock, gives the form back as typed, and writes nothing', async () => {
    // Token 2 was half answered before: a saved partial response.
    const saved = await postSurvey(server.baseUrl, tokens[2]!, { content_useful: '2' });
    expect(saved.status).toBe(200);
    expect(outcomeOf(await saved.text())).toBe('saved');
    const before = await responseOf(2);
    expect(before).toEqual([{ status: 'partial', fcr: null, cu: 2, dc: null, av: null, comment: null }]);

    const lock = holdWriteLock(dbPath, 10_000);
    const lockedAt = await lock.locked;
    const typed = { ...answersFor(3), comment: 'Typed while the database was locked: "keep me" & <me>' };
    const [fresh, half] = await Promise.all([
      postSurvey(server.baseUrl, tokens[3]!, { ...typed, action: 'submit' }),
      postSurvey(server.baseUrl, tokens[2]!, { ...answersFor(2), action: 'submit' }),
    ]);
    const answeredAt = Date.now();
    for (const res of [fresh, half]) {
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // It waited up to the deadline, not for the whole lock.
    expect(answeredAt - lockedAt).toBeGreaterThanOrEqual(DEADLINE_MS - 100);
    expect(answeredAt - lockedAt).toBeLessThan(9500);

    const freshHtml = await fresh.text();
    expect(freshHtml).toContain('We could not save your answers just now');
    expect(freshHtml).toContain(`action="/s/${tokens[3]}"`);
    expect(shownValues(freshHtml)).toEqual(typed);
    expect(shownValues(await half.text())).toEqual(answersFor(2));

    // Nothing half-written, checked while the lock is still held (WAL readers see the last commit).
    expect(await responseOf(3)).toEqual([]);
    expect(await responseOf(2)).toEqual(before);
    expect(await scalar(raw, "SELECT count(*) FROM invitations WHERE id IN (3, 4) AND status = 'responded'")).toBe(0);
    expect(Date.now()).toBeLessThan(lockedAt + 10_000); // (the lock was still held for those reads)

    await lock.released;
    expect(await lock.exited).toBe(0);
    // Sent again once the lock is gone: recorded once, with the answers as sent.
    const again = await postSurvey(server.baseUrl, tokens[3]!, { ...typed, action: 'submit' });
    expect(again.status).toBe(303);
    expect(await responseOf(3)).toEqual(submitted(3, typed));
    expect((await postSurvey(server.baseUrl, tokens[2]!, { ...answersFor(2), action: 'submit' })).status).toBe(303);
    expect(await responseOf(2)).toEqual(submitted(2));
    const twice = await postSurvey(server.baseUrl, tokens[3]!, { ...typed, action: 'submit' });
    expect([twice.status, outcomeOf(await twice.text())]).toEqual([200, 'already-submitted']);

    expect(await scalar(raw, 'SELECT count(*) FROM responses')).toBe(3);
    expect(await rollupMismatches(raw)).toEqual([]);
    expect(await integrityCheck(dbPath)).toBe('ok');
  });
});
