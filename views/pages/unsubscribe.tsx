import { PublicLayout } from '../layout';
import type { SurveyT } from '../../src/lib/i18n/survey';
import type { Locale } from '../../db/schema';

export function UnsubscribePage({
  t,
  locale,
  token,
  email,
  done,
}: {
  t: SurveyT;
  locale: Locale;
  token: string;
  email: string;
  done: boolean;
}) {
  return (
    <PublicLayout
      title={done ? t('unsubDoneTitle') : t('unsubTitle')}
      lang={locale}
      outcome={done ? 'unsubscribed' : undefined}
    >
      <h1>{done ? t('unsubDoneTitle') : t('unsubTitle')}</h1>
      {done ? (
        <p>{t('unsubDoneBody')}</p>
      ) : (
        <form method="post" action={`/u/${token}`} class="stack">
          <p>{t('unsubBody', { email })}</p>
          <button type="submit">{t('unsubButton')}</button>
        </form>
      )}
    </PublicLayout>
  );
}
