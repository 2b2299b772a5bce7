/**
 * The API keys page helps connect a CRM (issue 18): the base URL, a curl example with the new
 * key that works as shown, the reference link, and a test interaction through the API's intake.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminFixture, type AdminFixture } from './setup';
import { BASE_URL, countRows } from '../helpers/app';
import { loadSetupChecklist } from '../../src/domain/setup-checklist';

const decodeEntities = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('connecting a CRM from the API keys page', () => {
  let f: AdminFixture;
  beforeEach(async () => {
    f = await adminFixture();
  });
  afterEach(async () => {
    await f.t.close();
  });

  it('shows the base URL and a curl example with the new key that the API accepts', async () => {
    const res = await f.t.postForm('/admin/api-keys', { name: 'CRM', scope: 'ingest' }, { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    const key = /data-testid="new-api-key">([^<]+)</.exec(html)?.[1];
    expect(key).toBeTruthy();
    expect(html).toContain(`data-testid="api-base-url">${BASE_URL}/api/v1<`);
    expect(html).toContain('href="/api/reference"');
    const curl = decodeEntities(
      /<pre data-testid="curl-example"><code>([\s\S]*?)<\/code><\/pre>/.exec(html)?.[1] ?? '',
    );
    expect(curl).toContain(`Authorization: Bearer ${key}`);
    expect(curl).toContain(`'${BASE_URL}/api/v1/interactions'`);
    // The body as shown is one the API takes in.
    const body = /-d '(.*)'$/m.exec(curl)?.[1] ?? '';
    const posted = await f.t.request('/api/v1/interactions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body,
    });
    expect(posted.status).toBe(201);
  });

  it('takes in a test interaction to the admin’s own address, audited, ticking the test-survey step', async () => {
    const res = await f.t.postForm('/admin/api-keys/test-interaction', {}, { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/data-test-interaction="ok">Test interaction test-[0-9a-f]{12} recorded/);
    expect(await countRows(f.t.db, 'interactions', "external_id LIKE 'test-%' AND source = 'form'")).toBe(1);
    expect(await countRows(f.t.db, 'outbox', `to_address = '${f.users.admin.email}' AND kind = 'invitation'`)).toBe(1);
    expect(await countRows(f.t.db, 'audit_log', "action = 'interaction.test'")).toBe(1);
    const steps = (await loadSetupChecklist(f.t.deps)).steps;
    expect(steps.find((s) => s.key === 'testSurvey')?.done).toBe(true);
  });

  it('is for admins only', async () => {
    for (const cookie of [f.cookies.lead, f.cookies.trainer]) {
      expect((await f.t.postForm('/admin/api-keys/test-interaction', {}, { cookie })).status).toBe(403);
    }
    expect(await countRows(f.t.db, 'interactions')).toBe(0);
  });
});
