import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, countRows, interaction } from '../helpers/app';
import { adminFixture, minutesAgo, setLocale, type AdminFixture } from './setup';
import { DAY_MS } from '../../src/lib/days';

const valid = {
  sendDelayMinutes: '0',
  fatigueDays: '14',
  expiryDays: '7',
  reminderAfterDays: '',
  questions: ['resolved_first_contact', 'added_value', 'comment'],
  required: ['added_value'],
};

describe('/admin/rules', () => {
  let f: AdminFixture;
  const post = (type: string, fields: Record<string, string | string[]>) =>
    f.t.postForm(`/admin/rules/${type}`, fields, { cookie: f.cookies.admin });

  beforeAll(async () => {
    f = await adminFixture();
  });
  afterAll(async () => f.t.close());

  it('shows one form per interaction type with the defaults', async () => {
    const html = await (await f.t.request('/admin/rules', { cookie: f.cookies.admin })).text();
    for (const type of ['call', 'meeting', 'demo', 'quote', 'support'])
      expect(html).toContain(`action="/admin/rules/${type}"`);
    expect(html).toContain('id="call-sendDelayMinutes" name="sendDelayMinutes" type="number"');
    expect(html).toMatch(/id="call-sendDelayMinutes"[^>]*value="120"/);
    expect(html).toMatch(/id="quote-reminderAfterDays"[^>]*value="3"/);
    expect(html).toContain('skipped in any case when no content was shared');
  });

  it('refuses invalid input with 422, naming the field, keeping what was typed, saving nothing', async () => {
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ ...valid, sendDelayMinutes: '99999' }, 'Send delay (minutes)', 'must be from 0 to 10080'],
      [{ ...valid, fatigueDays: 'two weeks' }, 'Fatigue window (days)', 'must be a whole number'],
      [{ ...valid, expiryDays: '0' }, 'Link expiry (days)', 'must be from 1 to 90'],
      [{ ...valid, reminderAfterDays: '7' }, 'Reminder after (days)', 'must be from 1 to 6'],
      [
        { ...valid, required: ['decision_clearer'] },
        'Required questions',
        'every required question must also be asked',
      ],
      [{ ...valid, questions: [], required: [] }, 'Questions asked', 'ask at least one question'],
      [
        { ...valid, questions: ['resolved_first_contact', 'favourite_colour'] },
        'Questions asked',
        'is not a known question',
      ],
    ];
    for (const [fields, label, message] of cases) {
      const res = await post('call', fields);
      expect(res.status, label).toBe(422);
      const html = await res.text();
      expect(html).toContain(`<a href="#call-`);
      expect(html).toContain(`${label}</a>: ${message}`);
      expect(html).toContain('has-error');
    }
    const res = await post('call', { ...valid, sendDelayMinutes: '99999' });
    expect(await res.text()).toMatch(/id="call-sendDelayMinutes"[^>]*value="99999"/);
    expect(await countRows(f.t.db, 'survey_rules')).toBe(0);
    expect((await post('lunch', valid)).status).toBe(404);
  });

  it('answers in Spanish for a Spanish-speaking admin', async () => {
    await setLocale(f.t, f.users.admin.id, 'es');
    try {
      const res = await post('demo', { ...valid, sendDelayMinutes: '-5' });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Retraso de envío (minutos)</a>: debe ser un número entero');
      expect(html).toContain('Reglas de encuesta');
    } finally {
      await setLocale(f.t, f.users.admin.id, 'en');
    }
  });

  it('saves a valid rule (audited) and the next interaction of that type follows it', async () => {
    const res = await post('call', valid);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/rules?saved=call#rule-call');
    const row = (await f.t.db.readClient.execute("SELECT * FROM survey_rules WHERE interaction_type = 'call'")).rows[0];
    expect(row).toMatchObject({ send_delay_minutes: 0, fatigue_days: 14, expiry_days: 7, reminder_after_days: null });
    expect(JSON.parse(String(row?.questions))).toEqual(['resolved_first_contact', 'added_value', 'comment']);
    expect(JSON.parse(String(row?.required))).toEqual(['added_value']);
    expect(await countRows(f.t.db, 'audit_log', "action = 'rules.save' AND subject = 'call'")).toBe(1);
    const page = await (await f.t.request('/admin/rules?saved=call', { cookie: f.cookies.admin })).text();
    expect(page).toMatch(/id="call-sendDelayMinutes"[^>]*value="0"/);
    expect(page).toMatch(/id="call-reminderAfterDays"[^>]*value=""/);

    const call = await api(
      f.t,
      f.key,
      'POST',
      '/interactions',
      interaction({ type: 'call', occurredAt: minutesAgo(f.clock, 1) }),
    );
    expect(call.status).toBe(201);
    const invitation = (
      await f.t.db.readClient.execute(`SELECT * FROM invitations WHERE interaction_id = ${call.json[0].id}`)
    ).rows[0];
    expect(invitation?.send_at).toBe(f.clock.nowMs());
    expect(invitation?.expires_at).toBe(f.clock.nowMs() + 7 * DAY_MS);
    expect(invitation?.reminder_due_at).toBeNull();
    expect(JSON.parse(String(invitation?.questions))).toEqual(['resolved_first_contact', 'added_value', 'comment']);

    // Other types keep the defaults: two hours after the interaction.
    const demo = await api(
      f.t,
      f.key,
      'POST',
      '/interactions',
      interaction({ type: 'demo', occurredAt: minutesAgo(f.clock, 1) }),
    );
    const demoInvitation = (
      await f.t.db.readClient.execute(`SELECT send_at FROM invitations WHERE interaction_id = ${demo.json[0].id}`)
    ).rows[0];
    expect(demoInvitation?.send_at).toBe(f.clock.nowMs() - 60_000 + 2 * 3_600_000);
  });
});
