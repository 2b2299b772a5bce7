import { PublicLayout } from '../layout';
import type { StaffT } from '../../src/lib/i18n/staff';

export interface ErrorPageProps {
  t: StaffT;
  lang: string;
  status: number;
  retryAfterSeconds?: number | undefined;
}

export function ErrorPage({ t, lang, status, retryAfterSeconds }: ErrorPageProps) {
  const [title, body] =
    status === 404
      ? [t('notFoundTitle'), t('notFoundBody')]
      : status === 403
        ? [t('forbiddenTitle'), t('forbiddenBody')]
        : status === 429
          ? [t('tooManyTitle'), t('tooManyBody', { seconds: retryAfterSeconds ?? 60 })]
          : status === 503
            ? [t('busyTitle'), t('busyBody')]
            : [t('errorTitle'), t('errorBody')];
  return (
    <PublicLayout title={`${title} · ${t('appName')}`} lang={lang} outcome={status === 404 ? 'not-found' : undefined}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{t('appName')}</a>
      </p>
    </PublicLayout>
  );
}
