/**
 * Hostile CSV uploads through the admin page (/admin/imports): oversize files, bad rows
 * deep in a file, wrong delimiters and encodings, and the same file twice. Each asserts
 * the exact status and that nothing was published (a failed import is only shown as failed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, addApiKey, addUser, api, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { dataState } from './data-state';
import { interactionsCsv, INTERACTIONS_HEADER } from '../helpers/csv';

const START = '2026-11-20T12:00:00Z';

describe('hostile input: CSV uploads', () => {
  let t: TestApp;
  let admin: string;

  const upload = (
    kind: string,
    name: string,
    body: string | Uint8Array | Blob,
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', body instanceof Blob ? body : new Blob([body], { type: 'text/csv' }), name);
    return t.request('/admin/imports', {
      method: 'POST',
      body: form,
      headers: { Origin: BASE_URL, ...headers },
      cookie: admin,
    });
  };
  const page = async (path: string) => {
    const res = await t.request(path, { cookie: admin });
    return { status: res.status, html: await res.text() };
  };
  const importCount = async () =>
    Number((await t.db.readClient.execute('SELECT count(*) AS n FROM imports')).rows[0]!.n);
  const importStatus = async (location: string) =>
    String(
      (await t.db.readClient.execute(`SELECT status FROM imports WHERE id = ${Number(location.split('/').pop())}`))
        .rows[0]!.status,
    );
  /** Uploads a file that must be refused: 303 to its page, which shows it failed and names the problem; nothing else changed. */
  const auditActions = async () =>
    (await t.db.readClient.execute('SELECT action FROM audit_log ORDER BY id')).rows.map((r) => String(r.action));
  const refused = async (kind: string, name: string, body: string | Uint8Array) => {
    // The import's own records: itself, its audit entry, and the rows it rejected (for the rejected-rows file).
    const skip = ['rate_limits', 'api_keys', 'sessions', 'imports', 'import_rejects', 'audit_log'];
    const before = await dataState(t, skip);
    const audited = await auditActions();
    const res = await upload(kind, name, body);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/imports\/\d+$/);
    const detail = await page(location);
    expect(detail.status).toBe(200);
    expect(detail.html).toContain('data-status="failed"');
    expect(detail.html).not.toContain('/publish');
    expect(await importStatus(location)).toBe('failed');
    expect(await dataState(t, skip)).toEqual(before);
    // The refusal is audited, and that is all that was written.
    expect(await auditActions()).toEqual([...audited, 'import.refused']);
    // Publishing it anyway is refused too.
    const publish = await t.postForm(`${location}/publish`, {}, { cookie: admin });
    expect(publish.status).toBe(409);
    expect(await dataState(t, skip)).toEqual(before);
    expect(await auditActions()).toEqual([...audited, 'import.refused']);
    return detail.html;
  };

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(START));
    const key = (await addApiKey(t, 'all')).key;
    expect((await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }])).status).toBe(
      200,
    );
    const a = await addUser(t, 'admin');
    admin = await login(t, a.email, a.password);
  });
  afterAll(async () => t.close());

  it('a CSV over the web size limit (25 MB) → 413, nothing written, no import recorded', async () => {
    const row = `${'x'.repeat(200)}@x.test,Name,Team\n`;
    const big = new Blob([`email,name,team\n`, row.repeat(Math.ceil((26 * 1024 * 1024) / row.length))], {
      type: 'text/csv',
    });
    expect(big.size).toBeGreaterThan(25 * 1024 * 1024);
    const before = await dataState(t, ['rate_limits', 'api_keys', 'sessions']);
    const res = await upload('reps', 'huge.csv', big);
    expect(res.status).toBe(413);
    await res.text();
    expect(await dataState(t, ['rate_limits', 'api_keys', 'sessions'])).toEqual(before);
  });

  it('a bad date on line 4,312 (after a quoted newline) → the error names line 4312, nothing written unless the admin skips it', async () => {
    const skip = ['rate_limits', 'api_keys', 'sessions', 'imports', 'import_rows', 'import_rejects', 'audit_log'];
    const before = await dataState(t, skip);
    const res = await upload(
      'interactions',
      'deep.csv',
      interactionsCsv(5000, { quotedNewlineAtLine: 100, badDateAtLine: 4312 }),
    );
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const { html } = await page(location);
    expect(html).toMatch(
      /<td class="num">4312<\/td><td><code>occurredAt<\/code><\/td><td><code class="wrap">2025-02-30T10:00:00Z<\/code><\/td>/,
    );
    expect(html.match(/<td class="num">\d+<\/td><td><code>/g)).toHaveLength(1);
    // All or nothing by default: the whole file is not published; skipping the bad row is offered, never assumed.
    expect(html).toContain('Import the 4999 valid rows and skip 1');
    expect(html).not.toContain(`action="${location}/publish"`);
    const publish = await t.postForm(`${location}/publish`, {}, { cookie: admin });
    expect(publish.status).toBe(409);
    expect(await publish.text()).toContain('rejected rows');
    expect(await dataState(t, skip)).toEqual(before);
    expect(Number((await t.db.readClient.execute('SELECT count(*) AS n FROM interactions')).rows[0]!.n)).toBe(0);
    expect((await t.postForm(`${location}/cancel`, {}, { cookie: admin })).status).toBe(303);
  });

  it('a wrong delimiter (semicolons) → refused on line 1 naming the delimiter, nothing written', async () => {
    const html = await refused('reps', 'semicolons.csv', 'email;name;team\na@b.test;A;T\n');
    expect(html).toMatch(/<td class="num">1<\/td>/);
    expect(html).toContain('&quot;;&quot;');
  });

  it('a missing header (data on line 1) → refused naming the missing columns, nothing written', async () => {
    const html = await refused('reps', 'noheader.csv', 'a@b.test,A,T\nb@b.test,B,T\n');
    expect(html).toMatch(/missing column\(s\): email, name/);
  });

  it('a header with a column missing and an unknown one → refused naming both, nothing written', async () => {
    const html = await refused('reps', 'columns.csv', 'email,team,colour\na@b.test,T,red\n');
    expect(html).toMatch(/missing column\(s\): name; unknown column\(s\): colour/);
  });

  it('Latin-1 bytes → refused naming the line and the byte, nothing written', async () => {
    const latin1 = new Uint8Array([
      ...Buffer.from('email,name,team\na@b.test,A,Iberia\nb@b.test,Jos'),
      0xe9,
      ...Buffer.from(',Iberia\n'),
    ]);
    const html = await refused('reps', 'latin1.csv', latin1);
    expect(html).toMatch(/<td class="num">3<\/td>/);
    expect(html).toContain('not UTF-8 (byte 0xE9');
  });

  it('a ragged row (too few columns) → refused naming its line, nothing written', async () => {
    const html = await refused('reps', 'ragged.csv', 'email,name,team\na@b.test,A,T\nb@b.test,B\n');
    expect(html).toMatch(/<td class="num">3<\/td>/);
  });

  it('CR/LF inside a quoted customerEmail cell → refused naming line and column, nothing written', async () => {
    const csv = `${INTERACTIONS_HEADER}\nx-1,ana@acme.test,"c@x.test\r\nBcc: victim@evil.test",C,en,,call,2025-05-01T10:00:00Z,,,\n`;
    const html = await refused('interactions', 'crlf.csv', csv);
    expect(html).toMatch(/<td class="num">2<\/td><td><code>customerEmail<\/code><\/td>/);
  });

  it('a javascript: URL in a content CSV → refused naming the url column, nothing written', async () => {
    const html = await refused(
      'content',
      'content.csv',
      'id,title,url,stage,topic\ndeck-x,Deck,javascript:alert(1),decision,pricing\n',
    );
    expect(html).toMatch(/<td class="num">2<\/td><td><code>url<\/code><\/td>/);
  });

  it('BOM + CRLF (with a quoted CRLF inside a cell) is accepted and published once', async () => {
    const csv = interactionsCsv(50, { eol: '\r\n', bom: true, quotedNewlineAtLine: 5, prefix: 'crlf' });
    const res = await upload('interactions', 'windows.csv', csv);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const preview = await page(location);
    expect(preview.html).toContain('data-status="ready"');
    expect(preview.html).toContain('<td>crlf-0</td>');
    expect(preview.html).not.toContain('\uFEFF');
    const publish = await t.postForm(`${location}/publish`, {}, { cookie: admin });
    expect(publish.status).toBe(303);
    const rows = await t.db.readClient.execute(
      "SELECT i.external_id, c.name FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.external_id LIKE 'crlf-%' ORDER BY i.id",
    );
    expect(rows.rows).toHaveLength(50);
    expect(rows.rows[0]!.external_id).toBe('crlf-0'); // no BOM glued to the first cell
    expect(rows.rows.find((r) => r.external_id === 'crlf-3')!.name).toBe('Smith,\r\nJr.');
  });

  it('the same file twice → no duplicates (second publish: 0 created, all already known)', async () => {
    const csv = interactionsCsv(40, { prefix: 'twice' });
    const publishOnce = async () => {
      const res = await upload('interactions', 'twice.csv', csv);
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect((await t.postForm(`${location}/publish`, {}, { cookie: admin })).status).toBe(303);
      return (await page(location)).html;
    };
    expect(await publishOnce()).toContain('Published: 40 rows, 40 created, 0 already known.');
    // data_version is a counter, not data: every bulk load moves it once at its end, even one that changed nothing.
    const skip = ['rate_limits', 'api_keys', 'sessions', 'imports', 'import_rows', 'audit_log', 'data_version'];
    const before = await dataState(t, skip);
    expect(await publishOnce()).toContain('Published: 40 rows, 0 created, 40 already known.');
    expect(await dataState(t, skip)).toEqual(before);
    expect(
      Number(
        (await t.db.readClient.execute("SELECT count(*) AS n FROM interactions WHERE external_id LIKE 'twice-%'"))
          .rows[0]!.n,
      ),
    ).toBe(40);
  });

  it('a cross-origin upload → 403, no import recorded', async () => {
    const before = await dataState(t, ['rate_limits', 'api_keys', 'sessions']);
    const count = await importCount();
    const res = await upload('reps', 'csrf.csv', 'email,name,team\nevil@acme.test,Evil,T\n', {
      Origin: 'http://evil.test',
    });
    expect(res.status).toBe(403);
    expect(await importCount()).toBe(count);
    expect(await dataState(t, ['rate_limits', 'api_keys', 'sessions'])).toEqual(before);
  });

  it('a path in the uploaded file name is dropped (only the base name is kept and shown escaped)', async () => {
    const res = await upload(
      'reps',
      '..\\..\\C:\\temp\\<script>x</script>.csv',
      'email,name,team\nfile@acme.test,F,T\n',
    );
    expect(res.status).toBe(303);
    const detail = await page(res.headers.get('location')!);
    expect(detail.html).not.toContain('temp');
    expect(detail.html).not.toContain('<script>x');
    const stored = await t.db.readClient.execute(
      `SELECT filename FROM imports WHERE id = ${Number(res.headers.get('location')!.split('/').pop())}`,
    );
    expect(String(stored.rows[0]!.filename)).not.toMatch(/[\\/]/);
    expect((await t.postForm(`${res.headers.get('location')!}/cancel`, {}, { cookie: admin })).status).toBe(303);
  });
});
