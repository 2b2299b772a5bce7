import type { SurveyT } from '../../src/lib/i18n/survey';

export interface InvitationEmailProps {
  t: SurveyT;
  lang: string;
  customerName: string | null;
  repName: string;
  typeLabel: string;
  dateLabel: string;
  expiresLabel: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  orgName: string;
}

/** The HTML part: table layout and attributes only, as mail clients render HTML. */
export function InvitationEmailHtml(p: InvitationEmailProps) {
  const yesUrl = `${p.surveyUrl}?first=yes`;
  const noUrl = `${p.surveyUrl}?first=no`;
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
      </head>
      <body>
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0">
          <tr>
            <td>
              <p>{p.customerName ? p.t('emailGreeting', { name: p.customerName }) : p.t('emailGreetingAnon')}</p>
              <p>{p.t('emailBody', { type: p.typeLabel, rep: p.repName, date: p.dateLabel })}</p>
              <p>
                <strong>{p.t('emailFirstQuestion')}</strong>
              </p>
              <p>
                <a href={yesUrl}>{p.t('yes')}</a>
                {'  ·  '}
                <a href={noUrl}>{p.t('no')}</a>
              </p>
              <p>
                <a href={p.surveyUrl}>{p.t('emailOpenSurvey')}</a>
              </p>
              <p>{p.t('emailExpires', { date: p.expiresLabel })}</p>
              <hr />
              <p>
                <small>
                  {p.t('emailFooter', { company: p.orgName })} <a href={p.unsubscribeUrl}>{p.t('emailUnsubscribe')}</a>
                </small>
              </p>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

export function invitationEmailText(p: InvitationEmailProps): string {
  return [
    p.customerName ? p.t('emailGreeting', { name: p.customerName }) : p.t('emailGreetingAnon'),
    '',
    p.t('emailBody', { type: p.typeLabel, rep: p.repName, date: p.dateLabel }),
    '',
    p.t('emailFirstQuestion'),
    `${p.t('yes')}: ${p.surveyUrl}?first=yes`,
    `${p.t('no')}: ${p.surveyUrl}?first=no`,
    '',
    `${p.t('emailOpenSurvey')}: ${p.surveyUrl}`,
    p.t('emailExpires', { date: p.expiresLabel }),
    '',
    '--',
    p.t('emailFooter', { company: p.orgName }),
    `${p.t('emailUnsubscribe')}: ${p.unsubscribeUrl}`,
    '',
  ].join('\n');
}
