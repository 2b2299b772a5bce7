/**
 * The access matrix: every route and htmx fragment of the app × every kind of caller,
 * with the status each must get. test/access/matrix.test.ts drives it through the real
 * app (demo workspace); `matrixMarkdown()` prints it for the README
 * (the test writes it to test-output/access-matrix.md).
 *
 * Paths and bodies hold placeholders in braces, filled at run time from the demo data
 * (see PLACEHOLDERS). A row's record belongs to the team `trainerOwn` coaches (Iberia);
 * `trainerOther` is a trainer of another team (DACH) opening the same URL.
 *
 * POST rows use harmless bodies (idempotent changes, or invalid input where the point is
 * only the access decision), so no row depends on another having run before it.
 */

export const PRINCIPALS = [
  'anonymous',
  'apiIngest',
  'apiRead',
  'apiAll',
  'admin',
  'lead',
  'trainerOwn',
  'trainerOther',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

const PRINCIPAL_LABELS: Record<Principal, string> = {
  anonymous: 'anonymous',
  apiIngest: 'API key `ingest`',
  apiRead: 'API key `read`',
  apiAll: 'API key `all`',
  admin: 'admin',
  lead: 'lead',
  trainerOwn: 'trainer (own team)',
  trainerOther: 'trainer (other team)',
};

/** API-key callers send `Authorization: Bearer <key>` and no cookie; staff send their session cookie and no key. */
export const API_PRINCIPALS: readonly Principal[] = ['apiIngest', 'apiRead', 'apiAll'];
export const STAFF_PRINCIPALS: readonly Principal[] = ['admin', 'lead', 'trainerOwn', 'trainerOther'];

type Area = 'public' | 'customer' | 'staff' | 'admin' | 'api';

export interface MatrixRow {
  method: 'GET' | 'HEAD' | 'POST' | 'DELETE';
  /** With {placeholders}. */
  path: string;
  /** Sent with `HX-Request: true` (an htmx fragment request). */
  fragment?: boolean;
  /** Extra request headers (e.g. `HX-Target`). */
  headers?: Record<string, string>;
  /** A same-origin urlencoded form (values may hold placeholders). POST rows without `json` send this (or an empty form). */
  form?: Record<string, string>;
  /** A JSON body (strings may hold placeholders). */
  json?: unknown;
  /** Each caller signs in afresh for this row (logout ends the session it is sent with). */
  freshSession?: boolean;
  area: Area;
  note?: string;
  expected: Record<Principal, number>;
}

/** What each placeholder stands for (filled from the demo workspace by the test). */
const PLACEHOLDERS: Record<string, string> = {
  repId: 'an active rep of Iberia (trainerOwn’s team)',
  repEmail: 'that rep’s email',
  repName: 'that rep’s name',
  teamId: 'the Iberia team',
  teamName: 'its name',
  interactionId: 'an interaction of that rep',
  doneSessionId: 'a coaching session of an Iberia rep, already done',
  cancelledSessionId: 'a coaching session of an Iberia rep, already cancelled',
  followUpId: 'a customer follow-up',
  outboxId: 'a pending outbox message',
  importId: 'a failed CSV import',
  victimId: 'a staff account no caller uses (target of the admin user actions)',
  otherTeamId: 'the North America team',
  spareRepId: 'a North America rep (target of exclude)',
  spareKeyId: 'an API key no caller uses (target of revoke)',
  contentId: 'a content item (with its title, url, stage, topic)',
  skillId: 'a skill',
  surveyToken: 'an open survey link’s token',
  unsubToken: 'an unsubscribe link’s token',
  unknownToken: 'a well-formed token that matches nothing',
};

// ── Expected-status shorthands ──────────────────────────────────────────────

type StaffStatuses = { admin: number; lead: number; trainerOwn: number; trainerOther: number };

/** A page behind a session: anonymous callers and API keys (ignored outside /api) go to /login. */
const page = (s: StaffStatuses): Record<Principal, number> => ({
  anonymous: 303,
  apiIngest: 303,
  apiRead: 303,
  apiAll: 303,
  ...s,
});
/** An htmx fragment behind a session: 401 with HX-Redirect to /login instead of a redirect. */
const fragment = (s: StaffStatuses): Record<Principal, number> => ({
  anonymous: 401,
  apiIngest: 401,
  apiRead: 401,
  apiAll: 401,
  ...s,
});
const staffAll = (status: number, trainerOther = status): StaffStatuses => ({
  admin: status,
  lead: status,
  trainerOwn: status,
  trainerOther,
});
/** Scoped to the record's team: a trainer of another team gets 404, never 403. */
const scoped = (status: number): StaffStatuses => staffAll(status, 404);
const adminOnly = (status: number): StaffStatuses => ({ admin: status, lead: 403, trainerOwn: 403, trainerOther: 403 });
const leadsAndAdmins = (status: number): StaffStatuses => ({
  admin: status,
  lead: status,
  trainerOwn: 403,
  trainerOther: 403,
});
const everyone = (status: number): Record<Principal, number> =>
  Object.fromEntries(PRINCIPALS.map((p) => [p, status])) as Record<Principal, number>;
/** /api/v1: Bearer keys only (cookies ignored: staff are anonymous there); the scope decides 403. */
const api = (scope: 'ingest' | 'read' | 'all' | 'any', status: number): Record<Principal, number> => ({
  anonymous: 401,
  apiIngest: scope === 'read' || scope === 'all' ? 403 : status,
  apiRead: scope === 'ingest' || scope === 'all' ? 403 : status,
  apiAll: status,
  admin: 401,
  lead: 401,
  trainerOwn: 401,
  trainerOther: 401,
});
const signedInOrNot = (anonymous: number, staff: number): Record<Principal, number> => ({
  anonymous,
  apiIngest: anonymous,
  apiRead: anonymous,
  apiAll: anonymous,
  admin: staff,
  lead: staff,
  trainerOwn: staff,
  trainerOther: staff,
});

// ── The table ───────────────────────────────────────────────────────────────

export const MATRIX: MatrixRow[] = [
  // Public
  { area: 'public', method: 'GET', path: '/healthz', expected: everyone(200) },
  {
    area: 'public',
    method: 'GET',
    path: '/api/v1/openapi.json',
    expected: everyone(200),
    note: 'the API description holds no data',
  },
  { area: 'public', method: 'GET', path: '/api/reference', expected: everyone(200) },
  { area: 'public', method: 'GET', path: '/assets/app.css', expected: everyone(200) },
  { area: 'public', method: 'GET', path: '/assets/print.css', expected: everyone(200) },
  { area: 'public', method: 'GET', path: '/assets/htmx.min.js', expected: everyone(200) },
  { area: 'public', method: 'GET', path: '/assets/favicon.svg', expected: everyone(200) },
  { area: 'public', method: 'GET', path: '/favicon.ico', expected: everyone(301), note: 'to /assets/favicon.svg' },
  { area: 'public', method: 'GET', path: '/assets/no-such.js', expected: everyone(404) },
  { area: 'public', method: 'GET', path: '/no-such-page', expected: everyone(404) },
  { area: 'public', method: 'GET', path: '/login', expected: signedInOrNot(200, 303), note: 'signed in: 303 to /' },
  {
    area: 'public',
    method: 'POST',
    path: '/login',
    form: { email: 'nobody@staff.test', password: 'wrong password' },
    expected: everyone(401),
    note: 'wrong password',
  },
  { area: 'public', method: 'POST', path: '/logout', freshSession: true, expected: everyone(303) },
  {
    area: 'public',
    method: 'GET',
    path: '/setup?token={unknownToken}',
    expected: everyone(404),
    note: 'dead once an account exists',
  },
  {
    area: 'public',
    method: 'POST',
    path: '/setup?token={unknownToken}',
    form: { name: 'X', email: 'x@staff.test', password: 'long enough password' },
    expected: everyone(404),
  },
  { area: 'public', method: 'GET', path: '/invite?token={unknownToken}', expected: everyone(404) },
  {
    area: 'public',
    method: 'POST',
    path: '/invite?token={unknownToken}',
    form: { password: 'long enough password' },
    expected: everyone(404),
  },
  {
    area: 'public',
    method: 'POST',
    path: '/bench/noop-survey/{surveyToken}',
    expected: everyone(404),
    note: 'benchmark route off unless ENABLE_BENCH_ROUTES=1',
  },

  // Customers: authorised by the token alone (sessions and keys play no part)
  { area: 'customer', method: 'GET', path: '/s/{surveyToken}', expected: everyone(200) },
  { area: 'customer', method: 'HEAD', path: '/s/{surveyToken}', expected: everyone(200), note: 'mail scanners' },
  {
    area: 'customer',
    method: 'POST',
    path: '/s/{surveyToken}',
    expected: everyone(200),
    note: 'saves (nothing posted)',
  },
  {
    area: 'customer',
    method: 'POST',
    path: '/s/{surveyToken}',
    fragment: true,
    expected: everyone(200),
    note: 'htmx autosave',
  },
  {
    area: 'customer',
    method: 'GET',
    path: '/s/{surveyToken}/thanks',
    expected: everyone(303),
    note: 'not submitted yet: back to the form',
  },
  { area: 'customer', method: 'GET', path: '/s/{unknownToken}', expected: everyone(404) },
  {
    area: 'customer',
    method: 'POST',
    path: '/s/{unknownToken}',
    form: { resolved_first_contact: 'yes' },
    expected: everyone(404),
  },
  { area: 'customer', method: 'GET', path: '/u/{unsubToken}', expected: everyone(200), note: 'asks to confirm' },
  {
    area: 'customer',
    method: 'POST',
    path: '/u/{unsubToken}',
    form: { 'List-Unsubscribe': 'One-Click' },
    expected: everyone(200),
    note: 'opts out (idempotent)',
  },
  { area: 'customer', method: 'GET', path: '/u/{unknownToken}', expected: everyone(404) },
  {
    area: 'customer',
    method: 'GET',
    path: '/digest/unsubscribe/{unknownToken}',
    expected: everyone(404),
    note: 'a staff digest’s unsubscribe link (no sign-in); a known token asks to confirm',
  },
  { area: 'customer', method: 'POST', path: '/digest/unsubscribe/{unknownToken}', expected: everyone(404) },

  // Every signed-in user
  { area: 'staff', method: 'GET', path: '/account', expected: page(staffAll(200)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/account/password',
    form: { current: 'not my password', password: 'another long password' },
    expected: page(staffAll(422)),
    note: 'wrong current password',
  },
  { area: 'staff', method: 'POST', path: '/account/locale', form: { locale: 'en' }, expected: page(staffAll(303)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/account/digest',
    form: {},
    expected: page(staffAll(303)),
    note: 'weekly digest off (digest=on opts in)',
  },
  { area: 'staff', method: 'GET', path: '/interactions/new', expected: page(staffAll(200)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/interactions',
    form: { repId: '{repId}' },
    expected: page(scoped(422)),
    note: 'rest of the form missing',
  },
  { area: 'staff', method: 'GET', path: '/interactions/logged/{interactionId}', expected: page(scoped(200)) },

  // Role homes: where sign-in lands (the lead's or the trainer's home)
  { area: 'staff', method: 'GET', path: '/', expected: page(staffAll(200)), note: 'the role’s home' },
  { area: 'staff', method: 'GET', path: '/', fragment: true, expected: fragment(staffAll(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/?team={teamId}',
    expected: page(staffAll(302)),
    note: 'an old overview link: 302 to /overview with the same query (scope checked there)',
  },
  {
    area: 'staff',
    method: 'GET',
    path: '/home/gap-reps?team={teamId}&skill=objection-handling',
    expected: page(scoped(200)),
    note: 'the reps behind a cell of the team × skill grid',
  },

  // Lead workspace: overview, targets, heatmap, CPI export
  { area: 'staff', method: 'GET', path: '/overview', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/overview', fragment: true, expected: fragment(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/overview?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/overview?team={teamId}', fragment: true, expected: fragment(scoped(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/overview/trends',
    fragment: true,
    expected: fragment(staffAll(200)),
    note: 'trend charts, loaded after the overview',
  },
  {
    area: 'staff',
    method: 'GET',
    path: '/overview/trends?team={teamId}',
    fragment: true,
    expected: fragment(scoped(200)),
  },
  { area: 'staff', method: 'GET', path: '/overview/trends?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/targets', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/targets?team={teamId}', expected: page(scoped(200)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/targets',
    form: { cpi: 'no-such-cpi' },
    expected: page(leadsAndAdmins(422)),
    note: 'invalid CPI',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/targets',
    fragment: true,
    form: { cpi: 'fcr', team: '{teamId}', target: 'lots' },
    expected: fragment(leadsAndAdmins(422)),
    note: 'invalid target',
  },
  { area: 'staff', method: 'GET', path: '/reps', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/reps', fragment: true, expected: fragment(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/reps?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/exports/cpis.csv', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/exports/cpis.csv?groupBy=rep&team={teamId}', expected: page(scoped(200)) },

  // Analysis: rep page, gaps, content, methods
  { area: 'staff', method: 'GET', path: '/reps/{repId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/reps/{repId}', fragment: true, expected: fragment(scoped(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/reps/{repId}',
    fragment: true,
    headers: { 'HX-Target': 'rep-gaps' },
    expected: fragment(scoped(200)),
    note: 'gaps section only',
  },
  { area: 'staff', method: 'GET', path: '/reps/999999', expected: page(staffAll(404)) },
  { area: 'staff', method: 'GET', path: '/gaps', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/gaps', fragment: true, expected: fragment(staffAll(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/gaps',
    fragment: true,
    headers: { 'HX-Target': 'quadrant' },
    expected: fragment(staffAll(200)),
    note: 'quadrant section only',
  },
  { area: 'staff', method: 'GET', path: '/gaps?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/gaps?team={teamId}', fragment: true, expected: fragment(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/exports/gaps.csv', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/exports/gaps.csv?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/training', expected: page(staffAll(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/training',
    fragment: true,
    expected: fragment(staffAll(200)),
    note: 'results region',
  },
  { area: 'staff', method: 'GET', path: '/training?team={teamId}', expected: page(scoped(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/training/effect?effectSkill=none&effectKind=course&cpi=fcr',
    expected: page(staffAll(404)),
    note: 'no such effect',
  },
  {
    area: 'staff',
    method: 'GET',
    path: '/training/effect?team={teamId}&effectSkill=none&effectKind=course&cpi=fcr',
    expected: page(scoped(404)),
  },
  { area: 'staff', method: 'GET', path: '/exports/training-effects.csv', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/exports/training-effects.csv?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/content', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/content', fragment: true, expected: fragment(staffAll(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/methods',
    expected: page(staffAll(200)),
    note: 'what the analysis figures mean; no data',
  },

  // Coaching: plan, sessions, follow-up, customer follow-ups, exports
  { area: 'staff', method: 'GET', path: '/coaching', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/coaching', fragment: true, expected: fragment(staffAll(200)) },
  {
    area: 'staff',
    method: 'GET',
    path: '/coaching',
    fragment: true,
    headers: { 'HX-Target': 'plan-ranking' },
    expected: fragment(staffAll(200)),
    note: 'ranked reps only',
  },
  { area: 'staff', method: 'GET', path: '/coaching?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/coaching?team={teamId}', fragment: true, expected: fragment(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/coaching/sessions/new', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/coaching/sessions/new?rep={repId}', expected: page(scoped(200)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions',
    form: { rep: '{repId}' },
    expected: page(scoped(422)),
    note: 'skill and date missing',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions',
    fragment: true,
    form: { rep: '{repId}', back: '/coaching' },
    expected: fragment(scoped(422)),
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{doneSessionId}/done',
    expected: page(scoped(303)),
    note: 'already done: no change',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{doneSessionId}/done',
    fragment: true,
    expected: fragment(scoped(200)),
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{doneSessionId}/pins',
    form: { response: '', back: '/coaching' },
    expected: page(scoped(422)),
    note: 'no quote chosen: nothing pinned',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{doneSessionId}/pins',
    fragment: true,
    form: { response: '', back: '/coaching' },
    expected: fragment(scoped(422)),
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{cancelledSessionId}/cancel',
    expected: page(scoped(303)),
    note: 'already cancelled: no change',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/coaching/sessions/{cancelledSessionId}/cancel',
    fragment: true,
    expected: fragment(scoped(200)),
  },
  { area: 'staff', method: 'GET', path: '/coaching/follow-up', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/coaching/follow-up', fragment: true, expected: fragment(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/coaching/follow-up?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/follow-ups', expected: page(leadsAndAdmins(200)) },
  { area: 'staff', method: 'GET', path: '/follow-ups', fragment: true, expected: fragment(leadsAndAdmins(200)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/follow-ups/{followUpId}/assign',
    form: { assignee: 'nobody' },
    expected: page(leadsAndAdmins(422)),
    note: 'invalid assignee',
  },
  {
    area: 'staff',
    method: 'POST',
    path: '/follow-ups/{followUpId}/note',
    fragment: true,
    form: { note: '' },
    expected: fragment(leadsAndAdmins(422)),
    note: 'empty note',
  },
  { area: 'staff', method: 'POST', path: '/follow-ups/{followUpId}/resolve', expected: page(leadsAndAdmins(303)) },
  {
    area: 'staff',
    method: 'POST',
    path: '/follow-ups/{followUpId}/reopen',
    fragment: true,
    expected: fragment(leadsAndAdmins(200)),
  },
  { area: 'staff', method: 'GET', path: '/exports/responses.csv', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/exports/responses.csv?team={teamId}', expected: page(scoped(200)) },
  { area: 'staff', method: 'GET', path: '/exports/coaching-plan.csv', expected: page(staffAll(200)) },
  { area: 'staff', method: 'GET', path: '/exports/coaching-plan.csv?team={teamId}', expected: page(scoped(200)) },

  // Admin: admins only, pages, fragments and posts alike
  {
    area: 'admin',
    method: 'GET',
    path: '/admin',
    expected: page(adminOnly(303)),
    note: 'admin: 303 to /admin/setup until setup is done, then /admin/users',
  },
  { area: 'admin', method: 'GET', path: '/admin/setup', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/setup', fragment: true, expected: fragment(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/teams', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/teams',
    form: { name: '' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/teams/{teamId}/edit', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/teams/{teamId}',
    form: { name: '' },
    expected: page(adminOnly(422)),
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/reps',
    form: { name: '', email: 'not an email', teamId: '' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/reps/{repId}/edit', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/reps/{repId}',
    form: { name: '{repName}', email: 'not an email', teamId: '{teamId}' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/skills', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/skills',
    form: { name: '', proficiencyTarget: '101' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/skills/{skillId}/edit', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/skills/{skillId}',
    form: { name: '', proficiencyTarget: '101' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/content', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/content',
    form: { id: '', title: '' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/content/{contentId}/edit', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/content/{contentId}',
    form: { title: '', url: 'ftp://x' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/users', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/users', fragment: true, expected: fragment(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/users',
    form: { name: '', email: 'not an email', role: 'king' },
    expected: page(adminOnly(422)),
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/users/{victimId}/role',
    form: { role: 'trainer' },
    expected: page(adminOnly(303)),
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/users/{victimId}/teams',
    form: { teamId: '{otherTeamId}' },
    expected: page(adminOnly(303)),
  },
  { area: 'admin', method: 'POST', path: '/admin/users/{victimId}/disable', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'POST', path: '/admin/users/{victimId}/enable', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'POST', path: '/admin/users/{victimId}/reset', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/api-keys', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/api-keys',
    form: { name: '', scope: 'root' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'POST', path: '/admin/api-keys/{spareKeyId}/revoke', expected: page(adminOnly(303)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/api-keys/test-interaction',
    expected: page(adminOnly(200)),
    note: 'a sample interaction to the admin’s own address',
  },
  { area: 'admin', method: 'GET', path: '/admin/webhooks', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/webhooks',
    form: { url: '' },
    expected: page(adminOnly(422)),
    note: 'invalid: no URL, no event',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/webhooks/999999/rotate',
    expected: page(adminOnly(404)),
    note: 'no such webhook',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/webhooks/999999/delete',
    expected: page(adminOnly(404)),
    note: 'no such webhook',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/webhooks/deliveries/999999/retry',
    expected: page(adminOnly(404)),
    note: 'no such dead letter',
  },
  { area: 'admin', method: 'GET', path: '/admin/reps', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'POST', path: '/admin/reps/{spareRepId}/exclude', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'POST', path: '/admin/reps/{repId}/include', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'GET', path: '/admin/outbox', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'POST', path: '/admin/outbox/send-now', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'GET', path: '/admin/outbox/{outboxId}', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/outbox/{outboxId}/retry',
    expected: page(adminOnly(303)),
    note: 'not dead: nothing retried',
  },
  { area: 'admin', method: 'GET', path: '/admin/mail', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/digest', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/digest',
    form: { timeZone: 'Nowhere/Atlantis' },
    expected: page(adminOnly(422)),
    note: 'the organisation’s time zone',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/mail',
    form: { smtpUrl: 'not a url' },
    expected: page(adminOnly(422)),
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/mail/test',
    expected: page(adminOnly(200)),
    note: 'no SMTP server set: says so, sends nothing',
  },
  { area: 'admin', method: 'GET', path: '/admin/rules', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/rules/preview?type=demo&lang=es', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'GET',
    path: '/admin/rules/preview/email?type=demo&lang=es',
    expected: page(adminOnly(200)),
    note: 'its own document, sandboxed',
  },
  { area: 'admin', method: 'GET', path: '/admin/rules/preview/page?type=demo&lang=es', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/rules/call',
    form: { sendDelayMinutes: 'soon' },
    expected: page(adminOnly(422)),
  },
  { area: 'admin', method: 'GET', path: '/admin/suppressions', expected: page(adminOnly(200)) },
  { area: 'admin', method: 'GET', path: '/admin/imports', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/imports',
    form: { kind: 'reps' },
    expected: page(adminOnly(422)),
    note: 'no file',
  },
  { area: 'admin', method: 'GET', path: '/admin/imports/{importId}', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'GET',
    path: '/admin/imports/{importId}',
    fragment: true,
    expected: fragment(adminOnly(200)),
    note: 'its state (progress polling)',
  },
  {
    area: 'admin',
    method: 'GET',
    path: '/admin/imports/{importId}/rejected.csv',
    expected: page(adminOnly(200)),
    note: 'the rows it left out',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/imports/{importId}/publish',
    expected: page(adminOnly(409)),
    note: 'a failed import is never published',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/imports/{importId}/skip-invalid',
    expected: page(adminOnly(409)),
    note: 'nor its valid rows',
  },
  { area: 'admin', method: 'POST', path: '/admin/imports/{importId}/cancel', expected: page(adminOnly(303)) },
  { area: 'admin', method: 'GET', path: '/admin/privacy', expected: page(adminOnly(200)) },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/privacy/erase',
    form: { email: 'someone@x.test' },
    expected: page(adminOnly(422)),
    note: 'not confirmed',
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/privacy/retention',
    form: { months: 'forever' },
    expected: page(adminOnly(422)),
  },
  {
    area: 'admin',
    method: 'POST',
    path: '/admin/privacy/retention/apply',
    expected: page(adminOnly(303)),
    note: 'no retention set: nothing to do',
  },
  { area: 'admin', method: 'GET', path: '/admin/audit', expected: page(adminOnly(200)) },

  // JSON API
  { area: 'api', method: 'GET', path: '/api/v1/whoami', expected: api('any', 200) },
  { area: 'api', method: 'GET', path: '/api/v1/no-such-route', expected: api('any', 404) },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/reps',
    json: [{ email: '{repEmail}', name: '{repName}', team: '{teamName}' }],
    expected: api('ingest', 200),
    note: 'the same rep again',
  },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/training-records',
    json: [],
    expected: api('ingest', 422),
    note: 'empty batch',
  },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/content-items',
    json: [
      {
        id: '{contentId}',
        title: '{contentTitle}',
        url: '{contentUrl}',
        stage: '{contentStage}',
        topic: '{contentTopic}',
      },
    ],
    expected: api('ingest', 200),
    note: 'the same item again',
  },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/interactions',
    json: [],
    expected: api('ingest', 422),
    note: 'empty batch',
  },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/responses/import',
    json: [],
    expected: api('ingest', 422),
    note: 'empty batch',
  },
  { area: 'api', method: 'GET', path: '/api/v1/cpis?groupBy=team', expected: api('read', 200) },
  { area: 'api', method: 'GET', path: '/api/v1/gaps', expected: api('read', 200) },
  { area: 'api', method: 'GET', path: '/api/v1/training-effects', expected: api('read', 200) },
  { area: 'api', method: 'GET', path: '/api/v1/responses.csv', expected: api('read', 200) },
  { area: 'api', method: 'GET', path: '/api/v1/webhooks', expected: api('all', 200) },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/webhooks',
    json: { url: '', events: [] },
    expected: api('all', 422),
    note: 'invalid fields',
  },
  {
    area: 'api',
    method: 'POST',
    path: '/api/v1/webhooks/999999/rotate',
    expected: api('all', 404),
    note: 'no such webhook',
  },
  {
    area: 'api',
    method: 'DELETE',
    path: '/api/v1/webhooks/999999',
    expected: api('all', 404),
    note: 'no such webhook',
  },
];

/** Fills {placeholders} in a string; an unknown placeholder is an error (a typo would test nothing). */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for placeholder {${name}}`);
    return value;
  });
}

export function fillDeep(value: unknown, values: Record<string, string>): unknown {
  if (typeof value === 'string') return fill(value, values);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, values));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, values)]));
  return value;
}

export const rowName = (row: MatrixRow) =>
  `${row.method} ${row.path}${row.fragment ? ' (htmx)' : ''}${
    row.headers
      ? ` ${Object.entries(row.headers)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}`
      : ''
  }`;

const AREA_TITLES: Record<Area, string> = {
  public: 'Public',
  customer: 'Customers (authorised by the link’s token)',
  staff: 'Staff pages, fragments and exports',
  admin: 'Admin',
  api: 'JSON API (`Authorization: Bearer`)',
};

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The matrix as Markdown: a legend, then one table (rows grouped by area). */
export function matrixMarkdown(rows: MatrixRow[] = MATRIX): string {
  const lines: string[] = [];
  lines.push('# Access matrix');
  lines.push('');
  lines.push(
    'Generated by `test/access/matrix.test.ts` from the table in `test/access/matrix.ts`; every cell is the exact status the test asserts against the real app with the demo workspace loaded.',
  );
  lines.push('');
  lines.push(
    '- *htmx*: sent with `HX-Request: true`. Anonymous fragment requests get 401 with `HX-Redirect: /login?next=…`; anonymous page requests get 303 to `/login?next=…`.',
  );
  lines.push(
    '- API keys count only on `/api/v1/*` (elsewhere the caller is anonymous); staff session cookies are ignored on `/api/v1/*`.',
  );
  lines.push(
    '- *trainer (own team)* coaches the team of the record in the path; *trainer (other team)* coaches another team and gets 404 for it, as for a record that does not exist.',
  );
  lines.push(
    '- POST rows are same-origin form posts (or JSON for the API) with harmless bodies; a 422 means the caller got past the access check.',
  );
  lines.push('');
  lines.push(
    'Placeholders: ' +
      Object.entries(PLACEHOLDERS)
        .map(([k, v]) => `\`{${k}}\` ${v}`)
        .join('; ') +
      '.',
  );
  lines.push('');
  const header = ['Method', 'Path', 'htmx', ...PRINCIPALS.map((p) => PRINCIPAL_LABELS[p]), 'Note'];
  lines.push(`| ${header.join(' | ')} |`);
  lines.push(`| ${header.map((_, i) => (i >= 3 && i < 3 + PRINCIPALS.length ? '---:' : '---')).join(' | ')} |`);
  for (const area of Object.keys(AREA_TITLES) as Area[]) {
    const inArea = rows.filter((r) => r.area === area);
    if (inArea.length === 0) continue;
    lines.push(`| **${AREA_TITLES[area]}** | | | ${PRINCIPALS.map(() => '').join(' | ')} | |`);
    for (const row of inArea) {
      const path = `\`${row.path}\`${
        row.headers
          ? ` (${Object.entries(row.headers)
              .map(([k, v]) => `${k}: ${v}`)
              .join(', ')})`
          : ''
      }`;
      lines.push(
        `| ${row.method} | ${cell(path)} | ${row.fragment ? 'yes' : ''} | ${PRINCIPALS.map((p) => String(row.expected[p])).join(' | ')} | ${cell(row.note ?? '')} |`,
      );
    }
  }
  lines.push('');
  return lines.join('\n');
}
