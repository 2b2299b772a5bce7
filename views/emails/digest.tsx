/**
 * The weekly digest e-mail (issue 17): the same sections as a text part and an HTML part,
 * each with a link to the app and the unsubscribe link. Plain markup, no images or script.
 */
import type { StaffT } from '../../src/lib/i18n/staff';
import type { DigestContent } from '../../src/domain/digest-content';
import { cpiName } from '../partials/names';
import { kindName } from '../partials/analysis/format';
import { unitChange, unitOf, unitValue } from '../partials/format';

export interface DigestEmailProps {
  t: StaffT;
  lang: string;
  name: string;
  subject: string;
  content: DigestContent;
  appUrl: string;
  unsubscribeUrl: string;
}

interface Section {
  title: string;
  lines: string[];
  /** What to say when there are no lines. */
  empty: string;
}

/** The sections of a digest as sentences, shared by both parts. */
function digestSections({ t, lang, content }: Pick<DigestEmailProps, 't' | 'lang' | 'content'>): {
  intro: string;
  sections: Section[];
} {
  if (content.kind === 'trainer')
    return {
      intro: t('digestTrainerIntro', { monday: content.monday }),
      sections: [
        {
          title: t('digestSessionsTitle'),
          lines: content.sessions.map((s) => t('digestSession', s)),
          empty: t('digestNoSessions'),
        },
        {
          title: t('digestCoachTitle'),
          lines: (content.coach ?? []).map((c) => t('digestCoachLine', { ...c, cpi: cpiName(t, c.cpi) })),
          empty: content.coach ? t('digestNoCoach') : t('digestComputing'),
        },
        {
          title: t('digestFollowUpsTitle'),
          lines: content.followUps.map((f) =>
            t('digestFollowUpLine', { rep: f.rep, skill: f.skill, day: f.sessionDay }),
          ),
          empty: t('digestNoFollowUps'),
        },
      ],
    };
  const cpiLines = content.cpis.map((c) => {
    const unit = unitOf(c.cpi);
    return t('digestCpiLine', {
      name: cpiName(t, c.cpi),
      value: c.value === null ? t('notEnoughResponses') : unitValue(lang, unit, c.value),
      target:
        c.target === null
          ? t('digestNoTarget')
          : t('digestTarget', {
              value: unitValue(lang, unit, c.target),
              state: c.met ? t('digestMet') : t('digestNotMet'),
            }),
      change: c.change ? unitChange(lang, unit, c.change.estimate) : t('digestNoChange'),
    });
  });
  return {
    intro: t('digestLeadIntro', { from: content.from, last: content.last }),
    sections: [
      { title: t('digestCpisTitle'), lines: cpiLines, empty: t('notEnoughResponses') },
      {
        title: t('digestFindingsTitle'),
        lines: (content.findings ?? []).map((f) =>
          t(f.isNew ? 'digestFindingNew' : 'digestFinding', { skill: f.skill, cpi: cpiName(t, f.cpi) }),
        ),
        empty: content.findings ? t('digestNoFindings') : t('digestComputing'),
      },
      {
        title: t('digestTrainingTitle', { quarter: content.quarter }),
        lines: (content.training ?? []).map((e) =>
          t('digestTrainingLine', {
            skill: e.skill,
            kind: kindName(t, e.kind),
            cpi: cpiName(t, e.cpi),
            verdict: e.verdict === 'better' ? t('digestBetter') : t('digestWorse'),
          }),
        ),
        empty: content.training ? t('digestNoTraining') : t('digestComputing'),
      },
    ],
  };
}

export function digestEmailText(p: DigestEmailProps): string {
  const { intro, sections } = digestSections(p);
  const out = [p.t('digestHello', { name: p.name }), '', intro];
  for (const s of sections) {
    out.push('', s.title, '-'.repeat(s.title.length));
    if (s.lines.length === 0) out.push(s.empty);
    for (const line of s.lines) out.push(`- ${line}`);
  }
  out.push(
    '',
    `${p.t('digestOpen')}: ${p.appUrl}`,
    '',
    '--',
    p.t('digestWhy'),
    `${p.t('digestUnsubscribe')}: ${p.unsubscribeUrl}`,
  );
  return `${out.join('\n')}\n`;
}

export function DigestEmailHtml(p: DigestEmailProps) {
  const { intro, sections } = digestSections(p);
  return (
    <html lang={p.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.subject}</title>
      </head>
      <body style="margin:0;padding:16px;background:#ffffff;color:#1f2430;font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5">
        <p>{p.t('digestHello', { name: p.name })}</p>
        <p>{intro}</p>
        {sections.map((s) => (
          <>
            <h2 style="font-size:17px;margin:20px 0 6px">{s.title}</h2>
            {s.lines.length === 0 ? (
              <p style="color:#4b5563">{s.empty}</p>
            ) : (
              <ul style="margin:0;padding-left:20px">
                {s.lines.map((line) => (
                  <li>{line}</li>
                ))}
              </ul>
            )}
          </>
        ))}
        <p style="margin-top:24px">
          <a href={p.appUrl} style="color:#1d4ed8">
            {p.t('digestOpen')}
          </a>
        </p>
        <p style="margin-top:24px;font-size:13px;color:#4b5563">
          {p.t('digestWhy')}{' '}
          <a href={p.unsubscribeUrl} style="color:#1d4ed8">
            {p.t('digestUnsubscribe')}
          </a>
        </p>
      </body>
    </html>
  );
}
