import type { SurveyT } from '../../src/lib/i18n/survey';

export interface InvitationEmailProps {
  t: SurveyT;
  lang: string;
  subject: string;
  customerName: string | null;
  /** What the survey is about, e.g. "about your demo with Ana Ruiz" (`about_<type>`). */
  about: string;
  dateLabel: string;
  expiresLabel: string;
  surveyUrl: string;
  unsubscribeUrl: string;
  /** The sender's display name: the signature and footer name it. */
  orgName: string;
  /** Markup above the greeting (the sender's logo slot, filled at send time); none when absent. */
  logo?: string;
}

/**
 * Colours, each given as a pair (background and text) wherever text is drawn, so that no client's
 * dark mode leaves dark text on a dark background; clients that honour `prefers-color-scheme`
 * get the dark pair from the <style> block, the others keep the light one or invert both.
 */
const C = {
  page: '#eef0f4',
  card: '#ffffff',
  ink: '#1f2430',
  muted: '#4b5563',
  link: '#1d4ed8',
  button: '#1d4ed8',
  buttonInk: '#ffffff',
  rule: '#d5d9e0',
} as const;
const FONT = 'font-family:Arial,Helvetica,sans-serif';
const DARK_MODE = `
:root { color-scheme: light dark; supported-color-schemes: light dark; }
@media (prefers-color-scheme: dark) {
  .page { background-color: #111318 !important; color: #f1f3f7 !important; }
  .card { background-color: #1c1f26 !important; color: #f1f3f7 !important; }
  .muted { background-color: #1c1f26 !important; color: #c3c8d2 !important; border-color: #3a3f4a !important; }
  .link { color: #a8c5ff !important; }
}`;

/**
 * A bulletproof button: the colour sits on the table cell (shown even where padding on links is
 * ignored) and on the link, whose padding makes the whole 52 px cell clickable. Text only, no image.
 */
function AnswerButton({ href, label }: { href: string; label: string }) {
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border={0}>
      <tr>
        <td
          align="center"
          height="52"
          bgcolor={C.button}
          style={`background-color:${C.button};border-radius:8px;color:${C.buttonInk}`}
        >
          <a
            href={href}
            style={`display:block;padding:14px 12px;${FONT};font-size:18px;line-height:24px;font-weight:bold;color:${C.buttonInk};background-color:${C.button};text-decoration:none;border-radius:8px`}
          >
            {label}
          </a>
        </td>
      </tr>
    </table>
  );
}

/** The HTML part: tables and inline styles only, as mail clients render HTML; no images, no script. */
export function InvitationEmailHtml(p: InvitationEmailProps) {
  const text = `${FONT};font-size:16px;line-height:24px;color:${C.ink};background-color:${C.card}`;
  const para = 'margin:0 0 16px';
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
        <title>{p.subject}</title>
        <style>{DARK_MODE}</style>
      </head>
      <body class="page" style={`margin:0;padding:0;background-color:${C.page};color:${C.ink}`}>
        <table
          role="presentation"
          class="page"
          width="100%"
          cellpadding="0"
          cellspacing="0"
          border={0}
          bgcolor={C.page}
          style={`background-color:${C.page};color:${C.ink}`}
        >
          <tr>
            <td align="center" style="padding:16px 8px">
              <table
                role="presentation"
                width="100%"
                cellpadding="0"
                cellspacing="0"
                border={0}
                style="max-width:560px"
              >
                <tr>
                  <td class="card" bgcolor={C.card} style={`padding:24px 20px;border-radius:8px;${text}`}>
                    {p.logo}
                    <p style={para}>
                      {p.customerName ? p.t('emailGreeting', { name: p.customerName }) : p.t('emailGreetingAnon')}
                    </p>
                    <p style={para}>{p.t('emailBody', { about: p.about, date: p.dateLabel })}</p>
                    <p style={`${para};font-size:18px;line-height:26px;font-weight:bold`}>
                      {p.t('emailFirstQuestion')}
                    </p>
                    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border={0}>
                      <tr>
                        <td width="50%" style="padding:0 6px 16px 0">
                          <AnswerButton href={`${p.surveyUrl}?first=yes`} label={p.t('yes')} />
                        </td>
                        <td width="50%" style="padding:0 0 16px 6px">
                          <AnswerButton href={`${p.surveyUrl}?first=no`} label={p.t('no')} />
                        </td>
                      </tr>
                    </table>
                    <p style={para}>
                      <a
                        class="link"
                        href={p.surveyUrl}
                        style={`color:${C.link};font-weight:bold;text-decoration:underline`}
                      >
                        {p.t('emailOpenSurvey')}
                      </a>
                    </p>
                    <p style={para}>{p.t('emailExpires', { date: p.expiresLabel })}</p>
                    <p style="margin:0">
                      {p.t('emailThanks')}
                      <br />
                      {p.t('emailSignature', { company: p.orgName })}
                    </p>
                  </td>
                </tr>
                <tr>
                  <td
                    class="muted"
                    bgcolor={C.card}
                    style={`padding:12px 20px 20px;border-top:1px solid ${C.rule};${FONT};font-size:13px;line-height:20px;color:${C.muted};background-color:${C.card}`}
                  >
                    {p.t('emailFooter', { company: p.orgName })}{' '}
                    <a class="link" href={p.unsubscribeUrl} style={`color:${C.link};text-decoration:underline`}>
                      {p.t('emailUnsubscribe')}
                    </a>
                  </td>
                </tr>
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}

/** The text/plain part: the same message, each link on its own line after what it does. */
export function invitationEmailText(p: InvitationEmailProps): string {
  return [
    p.customerName ? p.t('emailGreeting', { name: p.customerName }) : p.t('emailGreetingAnon'),
    '',
    p.t('emailBody', { about: p.about, date: p.dateLabel }),
    '',
    p.t('emailFirstQuestion'),
    `  ${p.t('yes')}: ${p.surveyUrl}?first=yes`,
    `  ${p.t('no')}: ${p.surveyUrl}?first=no`,
    '',
    `${p.t('emailOpenSurvey')}: ${p.surveyUrl}`,
    p.t('emailExpires', { date: p.expiresLabel }),
    '',
    p.t('emailThanks'),
    p.t('emailSignature', { company: p.orgName }),
    '',
    '-- ',
    p.t('emailFooter', { company: p.orgName }),
    `${p.t('emailUnsubscribe')}: ${p.unsubscribeUrl}`,
    '',
  ].join('\n');
}
