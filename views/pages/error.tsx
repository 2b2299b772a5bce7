import { PublicLayout } from '../layout';
import type { StaffT } from '../../src/lib/i18n/staff';

export interface ErrorPageProps {
  t: StaffT;
  lang: string;
  status: number;
  retryAfterSeconds?: number | undefined;
  /** The typed error's code (AppError.code), for the statuses whose page says why. */
  code?: string | undefined;
  /** What a 413 or 422 refused, said in the error itself (it names the field). */
  detail?: string | undefined;
  /** The field cap behind a `too_many_fields` 413. */
  limit?: number | undefined;
}

function titleAndBody({ t, status, retryAfterSeconds, code, detail, limit }: ErrorPageProps): [string, string] {
  if (status === 404) return [t('notFoundTitle'), t('notFoundBody')];
  if (status === 403) return [t('forbiddenTitle'), t('forbiddenBody')];
  if (status === 429) return [t('tooManyTitle'), t('tooManyBody', { seconds: retryAfterSeconds ?? 60 })];
  if (status === 503) return [t('busyTitle'), t('busyBody')];
  if (status === 413)
    return [
      t('tooLargeTitle'),
      code === 'too_many_fields' ? t('tooManyFieldsBody', { limit: limit ?? 0 }) : t('tooLargeBody'),
    ];
  if (status === 422 && detail) return [t('invalidTitle'), detail];
  return [t('errorTitle'), t('errorBody')];
}

export function ErrorPage(props: ErrorPageProps) {
  const [title, body] = titleAndBody(props);
  return (
    <PublicLayout
      title={`${title} · ${props.t('appName')}`}
      lang={props.lang}
      outcome={props.status === 404 ? 'not-found' : undefined}
    >
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        <a href="/">{props.t('appName')}</a>
      </p>
    </PublicLayout>
  );
}
