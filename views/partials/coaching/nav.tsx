import type { StaffT } from '../../../src/lib/i18n/staff';

/** The coaching area's two views. */
export function CoachingNav({ t, current }: { t: StaffT; current: '/coaching' | '/coaching/follow-up' }) {
  const links = [
    ['/coaching', t('coPlanTitle')],
    ['/coaching/follow-up', t('coFollowUpTitle')],
  ] as const;
  return (
    <nav aria-label={t('navCoaching')} class="subnav">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
