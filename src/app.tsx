/**
 * createApp: global middleware, sub-app mounts, and the one place errors are mapped to
 * a page, an htmx fragment or the JSON error shape, by the kind of request.
 */
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { csrf } from 'hono/csrf';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps, AppEnv } from './context';
import { AppError, databaseUnavailable, tooLarge } from './lib/errors';
import { DatabaseUnavailableError, isBusyError, isDiskFullError } from '../db/errors';
import { renderHtml } from './lib/render';
import { clientAddressOf, trustedProxyList } from './lib/client-address';
import { pathForLog } from './lib/tokens';
import { staffT, STAFF_LOCALES } from './lib/i18n/staff';
import { localeFromAcceptLanguage } from './lib/i18n';
import { ErrorPage } from '../views/pages/error';
import { assetRoutes } from './routes/assets';
import { healthRoutes } from './routes/health';
import { authRoutes } from './routes/auth';
import { digestRoutes } from './routes/digest';
import { loadSession } from './middleware/session';
import { adminRoutes } from './routes/admin';
import { interactionFormRoutes } from './routes/interactions';
import { workspaceRoutes } from './routes/workspace';
import { apiRoutes } from './routes/api';
import { apiReferenceRoutes } from './routes/api/reference';
import { surveyRoutes } from './routes/survey';
import { unsubscribeRoutes } from './routes/unsubscribe';
import { benchRoutes } from './routes/bench';

const KB = 1024;
/** Body limits by URL area; the API takes batches of 1000, imports upload files. */
const bodyLimitFor = (path: string) => {
  if (path.startsWith('/api/')) return 4 * KB * KB;
  if (path.startsWith('/admin/imports')) return 25 * KB * KB;
  return 256 * KB;
};

const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** Survey and unsubscribe posts are authorised by their token, the API by its key: no origin check. */
const skipsOriginCheck = (path: string) =>
  path.startsWith('/api/') || path.startsWith('/s/') || path.startsWith('/u/') || path.startsWith('/bench/');

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      // A route that sets its own policy keeps it (only the admin's survey preview does: src/routes/admin/survey-preview.tsx).
      overwrite: false,
      referrerPolicy: 'same-origin',
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=15552000; includeSubDomains' : false,
    }),
  );
  const trustedProxies =
    deps.config.trustedProxies.length > 0 ? trustedProxyList(deps.config.trustedProxies) : undefined;
  app.use('*', async function clientAddress(c, next) {
    let socketAddress: string | undefined;
    try {
      socketAddress = getConnInfo(c).remote.address;
    } catch {
      // app.request() in tests has no socket
    }
    c.set('clientAddress', clientAddressOf(socketAddress, c.req.header('X-Forwarded-For'), trustedProxies));
    await next();
  });
  app.use('*', async function limitBody(c, next) {
    return bodyLimit({
      maxSize: bodyLimitFor(c.req.path),
      onError: () => {
        // The rest of the body is never read: the connection ends with this answer rather than being reused.
        c.header('Connection', 'close');
        throw tooLarge();
      },
    })(c, next);
  });
  const originCheck = csrf({ origin: deps.config.baseUrl });
  app.use('*', async function csrfUnlessTokenAuthorised(c, next) {
    if (skipsOriginCheck(c.req.path)) return next();
    // csrf() only checks form-like content types; a cookie-authenticated post of any other type must come from our origin too.
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    if (unsafe && c.req.header('Origin') !== deps.config.baseUrl && c.req.header('Sec-Fetch-Site') !== 'same-origin')
      throw new HTTPException(403);
    return originCheck(c, next);
  });

  app.route('/assets', assetRoutes());
  app.get('/favicon.ico', (c) => c.redirect('/assets/favicon.svg', 301));
  app.route('/', healthRoutes(deps));
  app.route('/api/v1', apiRoutes(deps));
  app.route('/api/reference', apiReferenceRoutes(deps));

  // Customer pages: authorised by their token, never by a session.
  app.use('/s/*', noStore);
  app.use('/u/*', noStore);
  app.route('/s', surveyRoutes(deps));
  if (deps.config.benchRoutes) app.route('/bench', benchRoutes());
  app.route('/u', unsubscribeRoutes(deps));

  // Everything below is staff pages: sessions and no-store.
  app.use('*', loadSession(deps));
  app.route('/', authRoutes(deps));
  app.route('/', digestRoutes(deps));
  app.route('/admin', adminRoutes(deps));
  app.route('/interactions', interactionFormRoutes(deps));
  app.route('/', workspaceRoutes(deps));

  app.notFound((c) => respondWithError(c, new AppError(404, 'not_found', 'Not found.')));
  app.onError((error, c) => respondWithError(c, error));
  return app;
}

async function noStore(c: Context, next: () => Promise<void>) {
  c.header('Cache-Control', 'no-store');
  await next();
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 403) return new AppError(403, 'forbidden', 'Cross-origin form posts are refused.');
    if (error.status === 413) return tooLarge();
    if (error.status === 400) return new AppError(400, 'bad_request', error.message || 'Bad request.');
  }
  if (error instanceof DatabaseUnavailableError) return databaseUnavailable(error);
  if (isBusyError(error)) return databaseUnavailable(new DatabaseUnavailableError('busy'));
  if (isDiskFullError(error)) return databaseUnavailable(new DatabaseUnavailableError('storage'));
  return new AppError(500, 'internal', 'Internal error.');
}

export async function respondWithError(c: Context<AppEnv>, error: unknown): Promise<Response> {
  const appError = toAppError(error);
  if (appError.status === 500) console.error(`[error] ${c.req.method} ${pathForLog(c.req.path)}:`, error);
  const status = appError.status;
  if (appError.retryAfterSeconds !== undefined) c.header('Retry-After', String(appError.retryAfterSeconds));
  c.header('Cache-Control', 'no-store');
  if (c.req.path.startsWith('/api/')) {
    // One shape for every API error (docs/api.md, "Errors"): `issues` is always there, empty when no field is to blame.
    return c.json({ error: { code: appError.code, message: appError.message, issues: appError.issues } }, status);
  }
  const user = c.get('user');
  const locale = user?.locale ?? localeFromAcceptLanguage(c.req.header('Accept-Language'), STAFF_LOCALES) ?? 'en';
  return renderHtml(
    c,
    <ErrorPage
      t={staffT(locale)}
      lang={locale}
      status={status}
      retryAfterSeconds={appError.retryAfterSeconds}
      code={appError.code}
      detail={appError.message}
      limit={appError.params.limit}
    />,
    status,
  );
}
