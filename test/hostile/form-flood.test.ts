/**
 * Issue 13, finding 1 ("repeated form fields freeze the server"): floods of form fields,
 * urlencoded and multipart, posted to the sign-in form and to an open survey on the REAL
 * server, while another client times /healthz. Before the fix 60,000 repeated `a=` pairs
 * took 34 s to parse and /healthz waited 33 s; now every flood gets a 4xx and /healthz
 * keeps answering within 200 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenInvitations } from '../../bench/survey-fixture';
import { startTestServer, type TestServer } from '../helpers/server';
import { BASE_URL, createTestApp, type TestApp } from '../helpers/app';
import { MAX_FORM_FIELDS } from '../../src/lib/forms';
import { probeHealth } from '../helpers/health-probe';

const BOUNDARY = 'flood';
const urlencoded = (pairs: string[]) => ({ type: 'application/x-www-form-urlencoded', body: pairs.join('&') });
const multipart = (names: string[]) => ({
  type: `multipart/form-data; boundary=${BOUNDARY}`,
  body: `${names.map((name) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n\r\n`).join('')}--${BOUNDARY}--\r\n`,
});

const FLOODS = {
  '60,000 repeated urlencoded fields': urlencoded(Array.from({ length: 60_000 }, () => 'a=')),
  '60,000 distinct urlencoded fields': urlencoded(Array.from({ length: 60_000 }, (_, i) => `a${i}=`)),
  '20,000 multipart parts': multipart(Array.from({ length: 20_000 }, () => 'a')),
  '4,000 multipart parts (under the body limit)': multipart(Array.from({ length: 4_000 }, () => 'a')),
};

/**
 * POSTs with node:http and resolves with the status as soon as the server answers: a body
 * over the limit is answered 413 before it is read, and the server may then close the
 * socket while the client is still writing (fetch reports that as a failure).
 */
function postRaw(url: string, type: string, body: Buffer, origin: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers: { 'Content-Type': type, 'Content-Length': body.length, Origin: origin } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (error) => reject(error));
    req.end(body);
  });
}

describe('finding 1: repeated form fields freeze the server', () => {
  let dir: string;
  let server: TestServer;
  let surveyPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-flood-'));
    const path = join(dir, 'flood.db');
    const [token] = await createOpenInvitations(path, 1, Date.now());
    surveyPath = `/s/${token}`;
    server = await startTestServer({ DATABASE_URL: `file:${path}` }, { waitForSetupLink: false });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const target of ['/login', 'survey'] as const) {
    it(`floods ${target === 'survey' ? 'an open survey' : '/login'}: every flood gets a 4xx, /healthz answers within 200 ms`, async () => {
      const path = target === 'survey' ? surveyPath : target;
      const post = ({ type, body }: { type: string; body: Buffer }) =>
        postRaw(`${server.baseUrl}${path}`, type, body, server.baseUrl);
      const floods = Object.values(FLOODS).map(({ type, body }) => ({ type, body: Buffer.from(body) }));
      const probe = probeHealth(`${server.baseUrl}/healthz`);
      await probe.ready;
      // Each flood three times over, all at once, while the probe runs.
      let statuses: number[];
      let latencies: number[];
      try {
        statuses = await Promise.all(floods.flatMap((flood) => [post(flood), post(flood), post(flood)]));
      } finally {
        latencies = await probe.stop();
      }
      for (const status of statuses) expect(status === 413 || status === 422, `status ${status}`).toBe(true);
      expect(latencies.length).toBeGreaterThan(0);
      console.log(
        `form flood on ${target}: statuses ${[...new Set(statuses)].join('/')}; /healthz ${latencies.length} answers, worst ${Math.max(...latencies).toFixed(0)} ms`,
      );
      expect(Math.max(...latencies), `healthz latencies ${latencies.map((l) => l.toFixed(0)).join(', ')}`).toBeLessThan(
        200,
      );
    });
  }

  it('the survey still takes a normal post after the floods', async () => {
    const res = await fetch(`${server.baseUrl}${surveyPath}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'resolved_first_contact=yes',
    });
    expect(res.status).toBe(200);
  });
});

describe('finding 1: form caps, in process', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const postRaw = (path: string, type: string, body: string) =>
    t.request(path, { method: 'POST', headers: { 'Content-Type': type, Origin: BASE_URL }, body });

  it(`refuses more than ${MAX_FORM_FIELDS} urlencoded fields with 413 and a message`, async () => {
    const res = await postRaw(
      '/login',
      'application/x-www-form-urlencoded',
      Array.from({ length: MAX_FORM_FIELDS + 1 }, () => 'email=x').join('&'),
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/more than 1000 fields|más de 1000 campos/);
  });

  it(`takes ${MAX_FORM_FIELDS} fields (the cap is not off by one)`, async () => {
    const res = await postRaw(
      '/login',
      'application/x-www-form-urlencoded',
      [...Array.from({ length: MAX_FORM_FIELDS - 1 }, () => 'x='), 'email=nobody@x.test'].join('&'),
    );
    expect(res.status).toBe(401);
  });

  it(`refuses more than ${MAX_FORM_FIELDS} multipart parts with 413`, async () => {
    const { type, body } = multipart(Array.from({ length: MAX_FORM_FIELDS + 1 }, () => 'x'));
    expect((await postRaw('/login', type, body)).status).toBe(413);
  });

  it('a field named __proto__ is an ordinary field', async () => {
    const res = await postRaw(
      '/login',
      'application/x-www-form-urlencoded',
      '__proto__=x&__proto__=y&constructor=z&email=a@x.test&password=p',
    );
    expect(res.status).toBe(401);
  });
});
