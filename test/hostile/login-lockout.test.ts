/**
 * Issue 13, finding 5 ("anyone can lock a staff member out"): the per-account failure limit
 * was checked before the password, so ten wrong guesses from anywhere locked the real user
 * out for the whole window. Now the hard limits key on the address and on account + address;
 * failures against the account from everywhere only slow its sign-in down. X-Forwarded-For is
 * believed only from TRUSTED_PROXIES.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, addUser, createTestApp, type TestApp } from '../helpers/app';
import { clientAddressOf, trustedProxyList } from '../../src/lib/client-address';
import { loadConfig } from '../../src/config';

const LIMIT = 3;

function loginFrom(t: TestApp, address: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return Promise.resolve(
    t.app.request(
      `${BASE_URL}/login`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE_URL, ...headers },
        body: new URLSearchParams(fields).toString(),
      },
      { incoming: { socket: { remoteAddress: address } } },
    ),
  );
}

describe('finding 5: anyone can lock a staff member out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_FAILURE_LIMIT: String(LIMIT) });
  });
  afterAll(async () => t.close());

  it('wrong guesses from many addresses do not lock the real user out; they slow the account down', async () => {
    const user = await addUser(t, 'lead');
    for (let i = 0; i < LIMIT + 2; i++) {
      expect((await loginFrom(t, `203.0.113.${i + 1}`, { email: user.email, password: 'wrong guess' })).status).toBe(
        401,
      );
    }
    const started = performance.now();
    const res = await loginFrom(t, '198.51.100.200', { email: user.email, password: user.password });
    expect(res.status).toBe(303);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('one address guessing at one account is stopped with 429 there only', async () => {
    const user = await addUser(t, 'trainer');
    for (let i = 0; i < LIMIT; i++)
      expect((await loginFrom(t, '192.0.2.10', { email: user.email, password: 'wrong guess' })).status).toBe(401);
    const blocked = await loginFrom(t, '192.0.2.10', { email: user.email, password: user.password });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await loginFrom(t, '192.0.2.11', { email: user.email, password: user.password })).status).toBe(303);
  });

  it('one address guessing at many accounts is stopped with 429', async () => {
    const user = await addUser(t, 'lead');
    for (let i = 0; i < LIMIT; i++)
      expect((await loginFrom(t, '192.0.2.20', { email: `nobody${i}@staff.test`, password: 'x' })).status).toBe(401);
    expect((await loginFrom(t, '192.0.2.20', { email: user.email, password: user.password })).status).toBe(429);
  });

  it('X-Forwarded-For from an untrusted peer is ignored: rotating it does not dodge the limit', async () => {
    const user = await addUser(t, 'lead');
    for (let i = 0; i < LIMIT; i++) {
      expect(
        (
          await loginFrom(
            t,
            '192.0.2.30',
            { email: user.email, password: 'wrong' },
            { 'X-Forwarded-For': `10.9.9.${i}` },
          )
        ).status,
      ).toBe(401);
    }
    expect(
      (
        await loginFrom(
          t,
          '192.0.2.30',
          { email: user.email, password: user.password },
          { 'X-Forwarded-For': '10.9.9.99' },
        )
      ).status,
    ).toBe(429);
  });
});

describe('finding 5: TRUSTED_PROXIES', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_FAILURE_LIMIT: String(LIMIT), TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' });
  });
  afterAll(async () => t.close());

  it('behind a trusted proxy, each client is counted by its forwarded address', async () => {
    const user = await addUser(t, 'lead');
    for (let i = 0; i < LIMIT; i++) {
      expect(
        (
          await loginFrom(
            t,
            '10.0.0.1',
            { email: user.email, password: 'wrong' },
            { 'X-Forwarded-For': '198.51.100.7' },
          )
        ).status,
      ).toBe(401);
    }
    // The guesser is limited…
    expect(
      (
        await loginFrom(
          t,
          '10.0.0.1',
          { email: user.email, password: user.password },
          { 'X-Forwarded-For': '198.51.100.7' },
        )
      ).status,
    ).toBe(429);
    // …a spoofed address on the left of the chain changes nothing…
    expect(
      (
        await loginFrom(
          t,
          '10.0.0.1',
          { email: user.email, password: user.password },
          { 'X-Forwarded-For': '1.2.3.4, 198.51.100.7, 10.1.2.3' },
        )
      ).status,
    ).toBe(429);
    // …and the real user behind the same proxy gets in.
    expect(
      (
        await loginFrom(
          t,
          '10.0.0.1',
          { email: user.email, password: user.password },
          { 'X-Forwarded-For': '198.51.100.8' },
        )
      ).status,
    ).toBe(303);
  });

  it('clientAddressOf reads the chain from the right, skipping trusted hops', () => {
    const trusted = trustedProxyList(['10.0.0.1', '10.1.0.0/16', 'fd00::/8']);
    expect(clientAddressOf('10.0.0.1', '198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddressOf('::ffff:10.0.0.1', '1.2.3.4, 198.51.100.7, 10.1.9.9', trusted)).toBe('198.51.100.7');
    expect(clientAddressOf('192.0.2.1', '198.51.100.7', trusted)).toBe('192.0.2.1');
    expect(clientAddressOf('10.0.0.1', 'garbage, 198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.1', '198.51.100.7, garbage', trusted)).toBe('10.0.0.1');
    expect(clientAddressOf('fd00::1', '2001:db8::5', trusted)).toBe('2001:db8::5');
    expect(clientAddressOf('10.0.0.1', '10.1.0.2', trusted)).toBe('10.1.0.2');
    expect(clientAddressOf('10.0.0.1', undefined, trusted)).toBe('10.0.0.1');
    expect(clientAddressOf('10.0.0.1', '198.51.100.7', undefined)).toBe('10.0.0.1');
    expect(clientAddressOf(undefined, '198.51.100.7', trusted)).toBe('unknown');
  });

  it('a bad TRUSTED_PROXIES entry stops the start, naming it', () => {
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.1, 10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES.*10\.0\.0\.0\/33/);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(/TRUSTED_PROXIES.*proxy\.local/);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.1,::1' }).trustedProxies).toEqual(['10.0.0.1', '::1']);
  });
});
