import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../context';
import { LoginPage, SetPasswordPage, AccountPage } from '../../views/pages/auth';
import { renderHtml } from '../lib/render';
import { readForm, field, parseWith } from '../lib/forms';
import { staffT, STAFF_LOCALES } from '../lib/i18n/staff';
import { localeFromAcceptLanguage } from '../lib/i18n';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from '../lib/passwords';
import { hashToken, isWellFormedToken } from '../lib/tokens';
import { notFound } from '../lib/errors';
import { assertUnderFailureLimit, failureSlowdownMs, recordFailures } from '../middleware/rate-limit';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  currentUser,
  endSession,
  requireRole,
  safeNextPath,
  sessionCookieName,
  startSession,
} from '../middleware/session';
import { getCookie } from 'hono/cookie';
import { getUser, getUserByEmail, updateUser, deleteSessionsOfUser, countUsers } from '../../db/queries/users';
import { getUsableOneTimeToken, consumeOneTimeToken } from '../../db/queries/one-time-tokens';
import { deleteOtherSessions } from '../../db/queries/sessions';
import { recordAudit } from '../../db/queries/audit';
import { completeSetup } from '../domain/staff';
import { accountDigest } from './digest';

const passwordField = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const emailField = z.string().trim().toLowerCase().email('must be a valid email address').max(254);
const nameField = z.string().trim().min(1, 'is required').max(200);

const publicLocale = (c: Context) => localeFromAcceptLanguage(c.req.header('Accept-Language'), STAFF_LOCALES) ?? 'en';

export function authRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/login', async (c) => {
    const locale = publicLocale(c);
    const t = staffT(locale);
    if (c.get('user')) return c.redirect(safeNextPath(c.req.query('next')), 303);
    const notice = (await countUsers(deps.db.read)) === 0 ? t('loginNoUsers') : undefined;
    return renderHtml(c, <LoginPage t={t} lang={locale} next={safeNextPath(c.req.query('next'))} notice={notice} />);
  });

  app.post('/login', async (c) => {
    const locale = publicLocale(c);
    const t = staffT(locale);
    const form = await readForm(c);
    const email = (field(form, 'email') ?? '').trim().toLowerCase().slice(0, 254);
    const password = field(form, 'password') ?? '';
    const next = safeNextPath(field(form, 'next'));
    const address = c.get('clientAddress');
    // Hard limits only where the guesses come from: this address, and this address on this account.
    await assertUnderFailureLimit(deps, 'login-address', address);
    await assertUnderFailureLimit(deps, 'login-account-address', `${email}|${address}`);
    // Guesses at the account from everywhere slow its sign-in down; the real user still gets in.
    const slowdown = await failureSlowdownMs(deps, 'login-account', email);
    if (slowdown > 0) await sleep(slowdown);
    const user = email ? await getUserByEmail(deps.db.read, email) : undefined;
    const passwordOk = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !passwordOk || user.disabledAt !== null) {
      await recordFailures(deps, [
        ['login-address', address],
        ['login-account-address', `${email}|${address}`],
        ['login-account', email],
      ]);
      return renderHtml(c, <LoginPage t={t} lang={locale} next={next} email={email} error={t('loginFailed')} />, 401);
    }
    await startSession(deps, c, user.id);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    await endSession(deps, c);
    return c.redirect('/login', 303);
  });

  // First admin: the one-time link printed at start. Dead (404) once used or once anyone exists.
  const setupToken = async (c: Context) => {
    const token = c.req.query('token') ?? '';
    const now = deps.clock.nowMs();
    if (!isWellFormedToken(token) || (await countUsers(deps.db.read)) > 0) throw notFound();
    if (!(await getUsableOneTimeToken(deps.db.read, hashToken(token), 'setup', now))) throw notFound();
    return token;
  };
  const setupSchema = z.object({ name: nameField, email: emailField, password: passwordField });

  app.get('/setup', async (c) => {
    const token = await setupToken(c);
    const locale = publicLocale(c);
    const t = staffT(locale);
    return renderHtml(
      c,
      <SetPasswordPage
        t={t}
        lang={locale}
        title={t('setupTitle')}
        intro={t('setupIntro')}
        action={`/setup?token=${token}`}
        withIdentity
        submitLabel={t('create')}
      />,
    );
  });

  app.post('/setup', async (c) => {
    const token = await setupToken(c);
    const locale = publicLocale(c);
    const t = staffT(locale);
    const form = await readForm(c);
    const parsed = parseWith(setupSchema, {
      name: field(form, 'name') ?? '',
      email: field(form, 'email') ?? '',
      password: field(form, 'password') ?? '',
    });
    if (!parsed.ok) {
      return renderHtml(
        c,
        <SetPasswordPage
          t={t}
          lang={locale}
          title={t('setupTitle')}
          intro={t('setupIntro')}
          action={`/setup?token=${token}`}
          withIdentity
          values={{ name: field(form, 'name'), email: field(form, 'email') }}
          errors={parsed.errors}
          submitLabel={t('create')}
        />,
        422,
      );
    }
    const userId = await completeSetup(deps, token, parsed.data);
    if (userId === undefined) throw notFound();
    await startSession(deps, c, userId);
    return c.redirect('/', 303);
  });

  // Invite and reset links: set a password once, then sign in.
  const inviteToken = async (c: Context) => {
    const token = c.req.query('token') ?? '';
    const row = isWellFormedToken(token)
      ? await getUsableOneTimeToken(deps.db.read, hashToken(token), 'invite', deps.clock.nowMs())
      : undefined;
    const user = row?.userId ? await getUser(deps.db.read, row.userId) : undefined;
    if (!user || user.disabledAt !== null) throw notFound();
    return { token, user };
  };

  app.get('/invite', async (c) => {
    const { token, user } = await inviteToken(c);
    const t = staffT(user.locale);
    return renderHtml(
      c,
      <SetPasswordPage
        t={t}
        lang={user.locale}
        title={t('inviteTitle')}
        intro={t('inviteIntro', { email: user.email })}
        action={`/invite?token=${token}`}
        withIdentity={false}
        submitLabel={t('setPassword')}
      />,
    );
  });

  app.post('/invite', async (c) => {
    const { token, user } = await inviteToken(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const parsed = parseWith(z.object({ password: passwordField }), { password: field(form, 'password') ?? '' });
    if (!parsed.ok) {
      return renderHtml(
        c,
        <SetPasswordPage
          t={t}
          lang={user.locale}
          title={t('inviteTitle')}
          intro={t('inviteIntro', { email: user.email })}
          action={`/invite?token=${token}`}
          withIdentity={false}
          errors={parsed.errors}
          submitLabel={t('setPassword')}
        />,
        422,
      );
    }
    const passwordHash = await hashPassword(parsed.data.password);
    const now = deps.clock.nowMs();
    const ok = await deps.db.write(async (tx) => {
      if (!(await consumeOneTimeToken(tx, hashToken(token), now))) return false;
      await updateUser(tx, user.id, { passwordHash }, now);
      await deleteSessionsOfUser(tx, user.id);
      await recordAudit(tx, now, { actor: user.email, action: 'user.set-password', subject: user.email });
      return true;
    });
    if (!ok) throw notFound();
    await startSession(deps, c, user.id);
    return c.redirect('/', 303);
  });

  // Every signed-in user manages their own password and language.
  const account = new Hono<AppEnv>();
  account.use('*', requireRole('admin', 'lead', 'trainer'));
  account.get('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const saved = c.req.query('saved');
    const notice =
      saved === 'password'
        ? t('passwordChanged')
        : saved === 'locale'
          ? t('languageSaved')
          : saved === 'digest-on'
            ? t('digestSavedOn')
            : saved === 'digest-off'
              ? t('digestSavedOff')
              : undefined;
    const digest = await accountDigest(deps, user.id);
    return renderHtml(c, <AccountPage t={t} user={user} notice={notice} digest={digest} />);
  });
  account.post('/password', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const parsed = parseWith(z.object({ current: z.string(), password: passwordField }), {
      current: field(form, 'current') ?? '',
      password: field(form, 'password') ?? '',
    });
    const stored = await getUser(deps.db.read, user.id);
    const currentOk = stored
      ? await verifyPassword(parsed.ok ? parsed.data.current : (field(form, 'current') ?? ''), stored.passwordHash)
      : false;
    if (!parsed.ok || !currentOk) {
      const errors = {
        ...(parsed.ok ? {} : parsed.errors),
        ...(currentOk ? {} : { current: t('currentPasswordWrong') }),
      };
      const digest = await accountDigest(deps, user.id);
      return renderHtml(c, <AccountPage t={t} user={user} errors={errors} digest={digest} />, 422);
    }
    const passwordHash = await hashPassword(parsed.data.password);
    const now = deps.clock.nowMs();
    const sessionId = getCookie(c, sessionCookieName(deps)) ?? '';
    await deps.db.write(async (tx) => {
      await updateUser(tx, user.id, { passwordHash }, now);
      await deleteOtherSessions(tx, user.id, hashToken(sessionId));
      await recordAudit(tx, now, { actor: user.email, action: 'user.change-password', subject: user.email });
    });
    return c.redirect('/account?saved=password', 303);
  });
  account.post('/locale', async (c) => {
    const user = currentUser(c);
    const form = await readForm(c);
    const locale = field(form, 'locale') === 'es' ? 'es' : 'en';
    await deps.db.write((tx) => updateUser(tx, user.id, { locale }, deps.clock.nowMs()));
    return c.redirect('/account?saved=locale', 303);
  });
  app.route('/account', account);

  return app;
}
