/** GET /methods — what each figure of the analysis pages means and does not mean, in plain words (every staff role). */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { StaffKey, StaffT } from '../../../src/lib/i18n/staff';

/** The page's sections: a heading and its paragraphs (or list items, for the labels of a link). */
const SECTIONS: { id: string; title: StaffKey; paragraphs?: StaffKey[]; items?: StaffKey[] }[] = [
  { id: 'links', title: 'mtLinksTitle', paragraphs: ['mtLinksModel', 'mtLinksMix', 'mtLinksAssociation'] },
  {
    id: 'labels',
    title: 'mtTiersTitle',
    items: ['mtTierFinding', 'mtTierExploratory', 'mtTierNoEvidence', 'mtTierNotSeparable', 'mtTierInsufficient'],
  },
  { id: 'figures', title: 'mtFiguresTitle', paragraphs: ['mtFigures'] },
  { id: 'planner', title: 'mtPlannerTitle', paragraphs: ['mtPlanner'] },
  { id: 'importance', title: 'mtImportanceTitle', paragraphs: ['mtImportance'] },
  { id: 'teams', title: 'mtTeamTitle', paragraphs: ['mtTeam'] },
  { id: 'gaps', title: 'mtGapTitle', paragraphs: ['mtGap', 'mtGapLabels'] },
  { id: 'small', title: 'mtSmallTitle', paragraphs: ['mtSmall'] },
  { id: 'training', title: 'mtTrainingTitle', paragraphs: ['mtTraining'] },
  { id: 'limits', title: 'mtLimitsTitle', items: ['mtLimitNoise', 'mtLimitSelection', 'mtLimitCause'] },
  { id: 'computed', title: 'mtComputedTitle', paragraphs: ['mtComputed'] },
];

export function MethodsPage({ t, user }: { t: StaffT; user: SessionUser }) {
  return (
    <StaffLayout title={t('mtTitle')} t={t} lang={user.locale} user={user} currentPath="/methods">
      <article class="methods" data-testid="methods">
        <h1>{t('mtTitle')}</h1>
        <p class="lead">{t('mtIntro')}</p>
        <nav aria-labelledby="methods-contents">
          <h2 id="methods-contents" class="visually-hidden">
            {t('mtTitle')}
          </h2>
          <ul class="toc">
            {SECTIONS.map((s) => (
              <li>
                <a href={`#${s.id}`}>{t(s.title)}</a>
              </li>
            ))}
          </ul>
        </nav>
        {SECTIONS.map((s) => (
          <section id={s.id} aria-labelledby={`${s.id}-h`}>
            <h2 id={`${s.id}-h`}>{t(s.title)}</h2>
            {s.paragraphs?.map((key) => (
              <p>{t(key)}</p>
            ))}
            {s.items && (
              <ul>
                {s.items.map((key) => (
                  <li>{t(key)}</li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </article>
    </StaffLayout>
  );
}
