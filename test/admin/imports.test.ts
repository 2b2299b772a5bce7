import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, countRows } from '../helpers/app';
import { createImport } from '../../db/queries/imports';
import { endProgress, reportProgress } from '../../src/domain/imports/progress';
import { BACKGROUND_UPLOAD_BYTES } from '../../src/routes/admin/imports';
import { adminFixture, setLocale, type AdminFixture } from './setup';
import { INTERACTIONS_HEADER } from '../helpers/csv';

const HEADER = INTERACTIONS_HEADER;
const row = (i: number, over: { date?: string; type?: string } = {}) =>
  `imp-${i},ana@acme.test,c${i}@x.test,Name ${i},es,Acme,${over.type ?? 'call'},${over.date ?? '2026-11-19T10:00:00Z'},,,deck-a;deck-b`;

describe('/admin/imports', () => {
  let f: AdminFixture;

  /** Uploads a file the way a browser does: multipart/form-data, same origin. */
  const upload = (kind: string, name: string, text: string | undefined) => {
    const form = new FormData();
    form.set('kind', kind);
    if (text !== undefined) form.set('file', new Blob([text], { type: 'text/csv' }), name);
    return f.t.request('/admin/imports', {
      method: 'POST',
      body: form,
      headers: { Origin: BASE_URL },
      cookie: f.cookies.admin,
    });
  };
  const page = async (path: string) => {
    const res = await f.t.request(path, { cookie: f.cookies.admin });
    return { status: res.status, html: await res.text() };
  };

  beforeAll(async () => {
    f = await adminFixture();
  });
  afterAll(async () => f.t.close());

  it('shows the upload form and the expected columns of each kind', async () => {
    const { status, html } = await page('/admin/imports');
    expect(status).toBe(200);
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('<label for="f-file">CSV file</label>');
    for (const column of ['customerEmail', 'contentIds', 'interactionExternalId', 'completedAt'])
      expect(html).toContain(`<code>${column}</code>`);
  });

  it('lists every bad row by line and column, writes nothing, and offers to skip them or fix the file', async () => {
    const csv = [
      HEADER,
      row(1),
      `"quoted, with a\nnewline",ana@acme.test,q@x.test,Q,es,Acme,call,2026-11-19T10:00:00Z,,,`,
      row(3, { date: '2026-13-45T10:00:00Z' }),
      row(4, { type: 'lunch' }),
    ].join('\n');
    const res = await upload('interactions', 'bad.csv', `${csv}\n`);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/admin\/imports\/\d+$/);
    const { html } = await page(location);
    expect(html).toContain('data-status="ready"');
    expect(html).toContain('Rows rejected: your choice');
    expect(html).toMatch(
      /<td class="num">5<\/td><td><code>occurredAt<\/code><\/td><td><code class="wrap">2026-13-45T10:00:00Z<\/code><\/td>/,
    );
    expect(html).toMatch(/<td class="num">6<\/td><td><code>type<\/code><\/td>/);
    // The two choices; no plain confirm (all or nothing stays the default).
    expect(html).toContain(
      `<form method="post" action="${location}/skip-invalid" class="inline"><button type="submit">Import the 2 valid rows and skip 2</button></form>`,
    );
    expect(html).toContain(
      '<input type="hidden" name="next" value="upload"/><button type="submit" class="secondary">Fix and upload again</button>',
    );
    expect(html).toContain(`href="${location}/rejected.csv"`);
    expect(html).not.toContain('/publish');
    expect(await countRows(f.t.db, 'interactions')).toBe(0);
    expect(await countRows(f.t.db, 'import_rows')).toBe(2);
    expect(await countRows(f.t.db, 'import_rejects')).toBe(2);
    const list = await page('/admin/imports');
    expect(list.html).toContain('bad.csv');
    expect(list.html).toContain('Rows rejected: your choice');
    // Fix and upload again: the staged rows go, back to the upload form; the rejected rows stay downloadable.
    const again = await f.t.postForm(`${location}/cancel`, { next: 'upload' }, { cookie: f.cookies.admin });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/admin/imports');
    expect(await countRows(f.t.db, 'import_rows')).toBe(0);
    expect((await page(location)).html).toContain('data-status="failed"');
    expect(await countRows(f.t.db, 'interactions')).toBe(0);
  });

  it('explains a file-level problem (wrong delimiter) on line 1', async () => {
    const res = await upload('reps', 'semicolons.csv', 'email;name;team\na@b.test;A;T\n');
    const { html } = await page(res.headers.get('location')!);
    expect(html).toMatch(/<td class="num">1<\/td><td>—<\/td>/);
    expect(html).toContain('&quot;;&quot;');
    expect(await countRows(f.t.db, 'reps')).toBe(2);
  });

  it('previews a good file, publishes it once on confirm; a second confirm is a harmless 409', async () => {
    const csv = `\uFEFF${[HEADER, row(10), row(11), row(12)].join('\r\n')}\r\n`;
    const res = await upload('interactions', 'C:\\exports\\good.csv', csv);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const preview = await page(location);
    expect(preview.html).toContain('data-status="ready"');
    expect(preview.html).toContain('good.csv');
    expect(preview.html).not.toContain('exports');
    for (const column of ['externalId', 'customerEmail', 'contentIds'])
      expect(preview.html).toContain(`<th scope="col"><code>${column}</code></th>`);
    expect(preview.html).toContain('<td>c11@x.test</td>');
    expect(preview.html).toContain('<td>deck-a;deck-b</td>');
    expect(preview.html).toContain('<th scope="row" class="num">3</th>');
    expect(await countRows(f.t.db, 'interactions')).toBe(0);

    const confirm = await f.t.postForm(`${location}/publish`, {}, { cookie: f.cookies.admin });
    expect(confirm.status).toBe(303);
    expect(await countRows(f.t.db, 'interactions', "external_id LIKE 'imp-%' AND source = 'csv'")).toBe(3);
    const published = await page(location);
    expect(published.html).toContain('Published: 3 rows, 3 created, 0 already known.');

    const again = await f.t.postForm(`${location}/publish`, {}, { cookie: f.cookies.admin });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('no longer awaiting confirmation');
    expect(html).toContain('data-status="published"');
    expect(await countRows(f.t.db, 'interactions')).toBe(3);
    expect(await countRows(f.t.db, 'invitations')).toBe(3);
    expect(await countRows(f.t.db, 'audit_log', "action = 'import.published'")).toBe(1);
  });

  it('cancels a staged import: nothing written, and it cannot be confirmed afterwards', async () => {
    const cancelled = await countRows(f.t.db, 'audit_log', "action = 'import.cancelled'");
    const res = await upload('reps', 'reps.csv', 'email,name,team\ncy@acme.test,Cy,Nordics\n');
    const location = res.headers.get('location')!;
    expect((await f.t.postForm(`${location}/cancel`, {}, { cookie: f.cookies.admin })).status).toBe(303);
    expect((await page(location)).html).toContain('data-status="failed"');
    expect((await f.t.postForm(`${location}/publish`, {}, { cookie: f.cookies.admin })).status).toBe(409);
    expect(await countRows(f.t.db, 'reps', "email = 'cy@acme.test'")).toBe(0);
    expect(await countRows(f.t.db, 'audit_log', "action = 'import.cancelled'")).toBe(cancelled + 1);
    expect((await f.t.postForm('/admin/imports/999999/cancel', {}, { cookie: f.cookies.admin })).status).toBe(404);
  });

  it('asks again (422) for a missing file or an unknown kind', async () => {
    const missing = await upload('interactions', 'x.csv', undefined);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('choose a non-empty CSV file');
    const empty = await upload('interactions', 'empty.csv', '');
    expect(empty.status).toBe(422);
    const kind = await upload('invoices', 'x.csv', 'a,b\n1,2\n');
    expect(kind.status).toBe(422);
    expect(await kind.text()).toContain('choose what the file holds');
  });

  it('shows an import being checked or written with its counts and a bar, polled every second without reloading', async () => {
    const now = f.clock.nowMs();
    const id = await f.t.db.write((tx) =>
      createImport(tx, {
        kind: 'reps',
        filename: 'big.csv',
        createdBy: null,
        owner: `${hostname()}:${process.pid}`,
        now,
      }),
    );
    await f.t.db.write((tx) => tx.run(`UPDATE imports SET rows = 1200, rejected = 34 WHERE id = ${id}`));
    const fragment = async () => {
      const res = await f.t.request(`/admin/imports/${id}`, {
        cookie: f.cookies.admin,
        headers: { 'HX-Request': 'true', 'HX-Target': 'import-state' },
      });
      expect(res.status).toBe(200);
      return res.text();
    };
    const polling = `<div id="import-state" hx-get="/admin/imports/${id}" hx-trigger="every 1s" hx-swap="outerHTML">`;
    const full = await page(`/admin/imports/${id}`);
    expect(full.html).toContain(polling);
    expect(full.html).toContain(
      `<label for="import-progress-${id}">Progress</label><progress id="import-progress-${id}" data-checked="1234"></progress>`,
    );
    expect(full.html).toContain('1234 rows checked so far.');
    // The htmx request gets the state alone, the same markup.
    const checking = await fragment();
    expect(checking.startsWith(polling)).toBe(true);
    expect(checking).not.toContain('<html');
    expect(checking).toContain('1234 rows checked so far.');

    await f.t.db.write((tx) => tx.run(`UPDATE imports SET status = 'publishing' WHERE id = ${id}`));
    reportProgress(id, { written: 500 });
    const writing = await fragment();
    expect(writing).toContain(
      `<progress id="import-progress-${id}" value="500" max="1200" data-written="500"></progress>`,
    );
    expect(writing).toContain('500 of 1200 rows written.');
    endProgress(id);
    // Another instance's publish: no count to show, the bar runs on.
    expect(await fragment()).toContain('Writing 1200 rows in one step.');

    await f.t.db.write((tx) =>
      tx.run(`UPDATE imports SET status = 'published', finished_at = ${now} WHERE id = ${id}`),
    );
    const done = await fragment();
    expect(done).toContain('<div id="import-state">');
    expect(done).not.toContain('hx-trigger');
    expect(done).toContain('34 rows were skipped');
  });

  it('a large upload is checked after the answer: its page shows the progress until the choice, and skipping publishes the valid rows', {
    timeout: 180_000,
  }, async () => {
    const lines = ['email,name,team'];
    for (let i = 0, size = 0; size < BACKGROUND_UPLOAD_BYTES + 10_000; i++) {
      lines.push(i % 10_000 === 5 ? `bulk-${i}-not-an-address,Rep ${i},Bulk` : `bulk-${i}@bulk.test,Rep ${i},Bulk`);
      size += lines[lines.length - 1]!.length + 1;
    }
    const rows = lines.length - 1;
    const bad = lines.filter((l) => l.includes('not-an-address')).length;
    const res = await upload('reps', 'bulk.csv', `${lines.join('\n')}\n`);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const until = async (done: (html: string) => boolean) => {
      for (let tries = 0; tries < 300; tries++) {
        const html = await (
          await f.t.request(location, { cookie: f.cookies.admin, headers: { 'HX-Request': 'true' } })
        ).text();
        if (done(html)) return html;
        // Still going: the fragment asks to be polled again.
        expect(html).toContain('hx-trigger="every 1s"');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      throw new Error('the import did not finish');
    };
    const ready = await until((html) => !html.includes('data-status="staging"'));
    expect(ready).toContain(`Import the ${rows - bad} valid rows and skip ${bad}`);
    expect((await f.t.postForm(`${location}/skip-invalid`, {}, { cookie: f.cookies.admin })).status).toBe(303);
    const published = await until((html) => html.includes('data-status="published"'));
    expect(published).toContain(`Published: ${rows - bad} rows`);
    expect(await countRows(f.t.db, 'reps', "email LIKE '%@bulk.test'")).toBe(rows - bad);
    const rejected = await f.t.request(`${location}/rejected.csv`, { cookie: f.cookies.admin });
    expect((await rejected.text()).trim().split('\r\n')).toHaveLength(1 + bad);
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.admin.id, 'es');
    const { html } = await page('/admin/imports');
    await setLocale(f.t, f.users.admin.id, 'en');
    expect(html).toContain('Subir un archivo CSV');
    expect(html).toContain('Columnas esperadas');
    expect(html).toContain('Publicada');
  });
});
