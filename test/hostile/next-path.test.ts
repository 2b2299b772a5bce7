/**
 * Issue 13, finding 4 ("open redirect after sign-in"): `safeNextPath` checked the raw string
 * and returned the normalised one, so `/login?next=/.//evil.test/x` sent a signed-in user to
 * `//evil.test/x`. Every spelling below, built from dot segments, encoded dots, backslashes
 * and doubled slashes, must come back as a path a browser resolves on our own origin.
 */
import { describe, expect, it } from 'vitest';
import { safeNextPath } from '../../src/middleware/session';
import { createTestApp, addUser, login } from '../helpers/app';

const ORIGIN = 'http://cpi.test';
const PREFIXES = [
  '',
  '/',
  '/.',
  '/./',
  '/..',
  '/../',
  '/a/..',
  '/a/../',
  '/%2e',
  '/%2e/',
  '/%2E%2e/',
  '/.%2e/',
  '\\',
  '/\\',
  '/.\\',
  '/%5c',
  '/./.',
  '/a/b/../..',
];
const JOINS = ['/', '//', '\\', '\\\\', '/\\', '\\/', '///', '%2f', '%2F%2F', '%5c%5c'];
const HOSTS = ['evil.test/x', 'evil.test', 'evil.test?next=/', 'user@evil.test/x'];

const spellings = PREFIXES.flatMap((prefix) => JOINS.flatMap((join) => HOSTS.map((host) => `${prefix}${join}${host}`)));

describe('finding 4: open redirect after sign-in', () => {
  it(`keeps every one of ${spellings.length} spellings on our origin, and is stable`, () => {
    for (const next of spellings) {
      const path = safeNextPath(next);
      expect(path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\'), `${next} → ${path}`).toBe(true);
      expect(new URL(path, ORIGIN).origin, `${next} → ${path}`).toBe(ORIGIN);
      expect(safeNextPath(path), `${next} → ${path} is not a fixed point`).toBe(path);
    }
  });

  it('the reported spelling goes to /, and local paths are kept', () => {
    expect(safeNextPath('/.//evil.test/x')).toBe('/');
    expect(safeNextPath('/reps?team=1')).toBe('/reps?team=1');
    expect(safeNextPath('/reps/../gaps')).toBe('/gaps');
    expect(safeNextPath('/%2F%2Fevil.test')).toBe('/%2F%2Fevil.test');
  });

  it('a signed-in user opening /login?next=/.//evil.test/x is sent to /', async () => {
    const t = await createTestApp();
    try {
      const user = await addUser(t, 'lead');
      const cookie = await login(t, user.email, user.password);
      const res = await t.request('/login?next=/.//evil.test/x', { cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/');
      const posted = await t.postForm('/login', {
        email: user.email,
        password: user.password,
        next: '/.//evil.test/x',
      });
      expect(posted.headers.get('location')).toBe('/');
    } finally {
      await t.close();
    }
  });
});
