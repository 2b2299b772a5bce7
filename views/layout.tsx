import type { Child } from 'hono/jsx';
import type { SessionUser } from '../src/context';
import type { StaffT } from '../src/lib/i18n/staff';

/**
 * htmx settings (docs/reliability.md, "Headers, CSP and htmx"): no eval, no script tags, no
 * injected styles, no history cache, 422 swapped.
 */
const HTMX_CONFIG = JSON.stringify({
  allowEval: false,
  allowScriptTags: false,
  includeIndicatorStyles: false,
  historyCacheSize: 0,
  refreshOnHistoryMiss: true,
  selfRequestsOnly: true,
  responseHandling: [
    { code: '204', swap: false },
    { code: '[23]..', swap: true },
    { code: '422', swap: true },
    { code: '[45]..', swap: false, error: true },
  ],
});

interface DocumentProps {
  title: string;
  lang: string;
  children: Child;
  bodyClass?: string;
}

/** The bare HTML document every page (staff and customer) is rendered in. */
function Document({ title, lang, children, bodyClass }: DocumentProps) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content={HTMX_CONFIG} />
        <meta name="referrer" content="same-origin" />
        <title>{title}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/print.css" />
        <script src="/assets/htmx.min.js" defer></script>
        <script src="/assets/app.js" defer></script>
      </head>
      <body class={bodyClass}>{children}</body>
    </html>
  );
}

export interface NavItem {
  href: string;
  label: string;
  current?: boolean;
}

/**
 * The main navigation by role: every staff role sees the workspaces and the form to log an
 * interaction; leads and admins the follow-ups; admins the admin pages. On a phone the
 * menu folds into one bar, a `<details>` that opens without script (public/app.css, "Top
 * bar"); on wider screens it shows open.
 */
function staffNav(user: SessionUser, t: StaffT, currentPath: string): NavItem[] {
  const items: NavItem[] = [
    { href: '/', label: t('navHome') },
    { href: '/overview', label: t('navOverview') },
    { href: '/reps', label: t('navReps') },
    { href: '/gaps', label: t('navGaps') },
    { href: '/training', label: t('trNav') },
    { href: '/coaching', label: t('navCoaching') },
    { href: '/content', label: t('navContent') },
  ];
  if (user.role !== 'trainer') items.push({ href: '/follow-ups', label: t('navFollowUps') });
  items.push({ href: '/interactions/new', label: t('logInteraction') });
  if (user.role === 'admin') items.push({ href: '/admin', label: t('navAdmin') });
  items.push({ href: '/account', label: t('navAccount') });
  return items.map((item) => ({
    ...item,
    current:
      item.href === '/' ? currentPath === '/' : currentPath === item.href || currentPath.startsWith(`${item.href}/`),
  }));
}

export interface StaffLayoutProps {
  title: string;
  t: StaffT;
  lang: string;
  user: SessionUser;
  currentPath: string;
  children: Child;
}

const roleLabel = (t: StaffT, role: SessionUser['role']) =>
  role === 'admin' ? t('roleAdmin') : role === 'lead' ? t('roleLead') : t('roleTrainer');

export function StaffLayout({ title, t, lang, user, currentPath, children }: StaffLayoutProps) {
  return (
    <Document title={`${title} · ${t('appName')}`} lang={lang}>
      <a class="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header class="topbar">
        <a class="brand" href="/">
          {t('appName')}
        </a>
        <details class="menu">
          <summary>{t('navMenu')}</summary>
          <div class="menu-body">
            <nav aria-label={t('navMain')}>
              <ul class="nav">
                {staffNav(user, t, currentPath).map((item) => (
                  <li>
                    <a href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <form method="post" action="/logout" class="signout">
              <span class="who">{t('signedInAs', { name: user.name, role: roleLabel(t, user.role) })}</span>
              <button type="submit" class="link-button">
                {t('signOut')}
              </button>
            </form>
          </div>
        </details>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
    </Document>
  );
}

export interface PublicLayoutProps {
  title: string;
  lang: string;
  children: Child;
  outcome?: string;
}

/** Pages without a staff session: login, setup, errors, and every customer page. */
export function PublicLayout({ title, lang, children, outcome }: PublicLayoutProps) {
  return (
    <Document title={title} lang={lang} bodyClass="public">
      <main id="main" class="narrow" data-outcome={outcome}>
        {children}
      </main>
    </Document>
  );
}

export function Flash({ kind, children }: { kind: 'ok' | 'error' | 'info'; children: Child }) {
  return (
    <p class={`flash flash-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </p>
  );
}
