/**
 * The demo workspace (db/demo.ts) in a test app, loaded once per test file, with the demo's
 * lead, admin and Iberia trainer signed in, and a few reps and teams looked up by name.
 */
import { createTestApp, login, manualClock, type ManualClock, type TestApp } from '../helpers/app';
import { loadDemoWorkspace } from '../../db/demo';
import { untilAnalysed } from '../helpers/analysis';

const NOW = Date.parse('2026-11-20T10:00:00Z');
export const HX = { 'HX-Request': 'true' } as const;

export interface DemoFixture {
  t: TestApp;
  clock: ManualClock;
  cookies: { admin: string; lead: string; trainer: string };
  users: { admin: number; lead: number; trainer: number };
  teams: { iberia: number; dach: number; northAmerica: number };
  /** Reps by name: an Iberia rep (the trainer's team) and a DACH rep (not theirs). */
  reps: { iberia: { id: number; name: string; email: string }; dach: { id: number; name: string; email: string } };
}

export async function rows<T>(t: TestApp, query: string, args: (string | number)[] = []): Promise<T[]> {
  return (await t.db.readClient.execute({ sql: query, args })).rows as unknown as T[];
}

export async function demoFixture(): Promise<DemoFixture> {
  const clock = manualClock(NOW);
  const t = await createTestApp({}, clock);
  await loadDemoWorkspace(t.deps);
  const id = async (query: string, args: (string | number)[]) =>
    Number((await rows<{ id: number }>(t, query, args))[0]?.id);
  const rep = async (name: string) => {
    const [r] = await rows<{ id: number; name: string; email: string }>(
      t,
      'SELECT id, name, email FROM reps WHERE name = ?',
      [name],
    );
    if (!r) throw new Error(`no demo rep ${name}`);
    return { id: Number(r.id), name: String(r.name), email: String(r.email) };
  };
  const user = (email: string) => id('SELECT id FROM staff_users WHERE email = ?', [email]);
  return {
    t,
    clock,
    cookies: {
      admin: await login(t, 'admin@demo.cpilens.test', 'demo-admin-pass'),
      lead: await login(t, 'lead@demo.cpilens.test', 'demo-lead-pass'),
      trainer: await login(t, 'trainer@demo.cpilens.test', 'demo-trainer-pass'),
    },
    users: {
      admin: await user('admin@demo.cpilens.test'),
      lead: await user('lead@demo.cpilens.test'),
      trainer: await user('trainer@demo.cpilens.test'),
    },
    teams: {
      iberia: await id('SELECT id FROM teams WHERE name = ?', ['Iberia']),
      dach: await id('SELECT id FROM teams WHERE name = ?', ['DACH']),
      northAmerica: await id('SELECT id FROM teams WHERE name = ?', ['North America']),
    },
    reps: { iberia: await rep('Lucía Fernández'), dach: await rep('Anna Schneider') },
  };
}

export async function get(f: DemoFixture, path: string, cookie: string, headers: Record<string, string> = {}) {
  const res = await f.t.request(path, { cookie, headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

/** A page whose analysis is served: asks again while the period's analysis is being computed. */
export function getAnalysed(f: DemoFixture, path: string, cookie: string, headers: Record<string, string> = {}) {
  return untilAnalysed(() => get(f, path, cookie, headers));
}

/** The fragment answer of htmx: no document around it, starting with the region it replaces. */
export function expectFragment(html: string, rootId: string) {
  if (/<!doctype|<html/i.test(html)) throw new Error('expected a fragment, got a full page');
  if (!html.trimStart().startsWith(`<`) || !html.includes(`id="${rootId}"`))
    throw new Error(`fragment does not hold #${rootId}`);
}

export async function setLocale(t: TestApp, userId: number, locale: 'en' | 'es') {
  await t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = '${locale}' WHERE id = ${userId}`));
}

/** Text of the element that carries `marker` in an attribute, up to its closing tag name (rough, enough for rows and cells). */
export function elementWith(html: string, marker: string, tag: string): string {
  const at = html.indexOf(marker);
  if (at < 0) return '';
  const start = html.lastIndexOf(`<${tag}`, at);
  const end = html.indexOf(`</${tag}>`, at);
  return html.slice(start, end + tag.length + 3);
}
