/**
 * The default sender (issue 18): with MAIL_FROM unset, the address takes BASE_URL's host, so a
 * server at https://feedback.acme.test sends as surveys@feedback.acme.test rather than
 * surveys@localhost (which relays refuse as a non-FQDN sender); without a public host it stays as before.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

describe('the default MAIL_FROM', () => {
  it('takes the host of BASE_URL', () => {
    expect(loadConfig({ BASE_URL: 'https://feedback.acme.test' }).mailFrom).toBe(
      'CPI Lens <surveys@feedback.acme.test>',
    );
    expect(loadConfig({ BASE_URL: 'https://Feedback.Acme.test:8443/cpi' }).mailFrom).toBe(
      'CPI Lens <surveys@feedback.acme.test>',
    );
  });

  it('stays CPI Lens <surveys@localhost> without BASE_URL, on localhost, and for an IP address or a single-label host', () => {
    for (const BASE_URL of [
      undefined,
      'http://localhost:3000',
      'http://127.0.0.1:3000',
      'http://[::1]:3000',
      'http://intranet:8080',
    ])
      expect(loadConfig({ BASE_URL }).mailFrom, String(BASE_URL)).toBe('CPI Lens <surveys@localhost>');
  });

  it('is only a default: a MAIL_FROM given is used as it is', () => {
    expect(loadConfig({ BASE_URL: 'https://feedback.acme.test', MAIL_FROM: 'Acme <hi@acme.test>' }).mailFrom).toBe(
      'Acme <hi@acme.test>',
    );
  });
});
