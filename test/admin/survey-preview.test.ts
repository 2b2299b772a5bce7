/**
 * The survey preview from the rules page (issue 18): per interaction type and language, the
 * e-mail as its own sandboxed document (inline styles allowed there only) and the real survey
 * page with a disabled form. Admins only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFixture, type AdminFixture } from './setup';

describe('survey preview', () => {
  let f: AdminFixture;
  beforeAll(async () => {
    f = await adminFixture();
  });
  afterAll(async () => {
    await f.t.close();
  });
  const get = (path: string, cookie = f.cookies.admin) => f.t.request(path, { cookie });

  it('links each rule to its preview, which frames the e-mail and the page sandboxed', async () => {
    const rules = await (await get('/admin/rules')).text();
    expect(rules).toContain('href="/admin/rules/preview?type=demo"');
    const res = await get('/admin/rules/preview?type=demo&lang=de');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/<iframe[^>]*src="\/admin\/rules\/preview\/email\?type=demo&amp;lang=de"[^>]*sandbox=""/);
    expect(html).toMatch(
      /<iframe[^>]*src="\/admin\/rules\/preview\/page\?type=demo&amp;lang=de"[^>]*sandbox="allow-same-origin"/,
    );
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
  });

  it('serves the e-mail with a CSP that allows its inline styles and no script, framed by us only', async () => {
    const res = await get('/admin/rules/preview/email?type=support&lang=es');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/(^|; )sandbox($|;)/);
    expect(csp).not.toContain('script-src');
    const html = await res.text();
    expect(html).toContain('El equipo de CPI Lens');
    expect(html).toContain('style="');
    expect(html).not.toMatch(/\{\{|\}\}/);
  });

  it('renders the real survey page with a disabled form that posts nowhere', async () => {
    const res = await get('/admin/rules/preview/page?type=call&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("form-action 'none'");
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<form method="post" class="survey">/); // no action
    expect(html).not.toContain('hx-post');
    expect(html).toMatch(/<fieldset class="preview-wrap" disabled/);
    expect(html).toContain('href="/admin/rules/preview/page?type=call&amp;lang=es"');
    expect(html).toContain('data-testid="preview-banner"');
  });

  it('answers 422 naming the field and keeping the values', async () => {
    const res = await get('/admin/rules/preview?type=webinar&lang=es');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<select id="f-type" name="type" aria-invalid="true">/);
    expect(html).toContain('type: must be one of call, meeting, demo, quote, support'.slice(6));
    expect(html).toMatch(/<option value="es" selected/);
    expect(html).not.toContain('<iframe');
    const email = await get('/admin/rules/preview/email?type=call&lang=fr');
    expect(email.status).toBe(422);
    expect(await email.text()).toMatch(/^lang: /);
  });

  it('is for admins only', async () => {
    for (const cookie of [f.cookies.lead, f.cookies.trainer])
      for (const path of ['/admin/rules/preview', '/admin/rules/preview/email', '/admin/rules/preview/page'])
        expect((await get(path, cookie)).status).toBe(403);
  });
});
