/** No secret in a log: a bad setting is named without printing a token or a password (issue 13, the same class as finding 6). */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('no secret in a log', () => {
  it('a configuration error masks the password of SMTP_URL', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://bob:s3cret@mail.test' })).toThrow(
      /SMTP_URL="ftp:\/\/bob:\*\*\*@mail.test"/,
    );
    try {
      loadConfig({ SMTP_URL: 'ftp://bob:s3cret@mail.test' });
    } catch (error) {
      expect((error as Error).message).not.toContain('s3cret');
    }
  });

  it('a configuration error never prints a database token', () => {
    try {
      loadConfig({ DATABASE_AUTH_TOKEN: 'tok3n-value', PORT: 'not a port', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).not.toContain('tok3n-value');
    }
  });
});
