import type { StaffT } from '../../../src/lib/i18n/staff';

const LINKS = [
  ['/admin/setup', 'adminSetup'],
  ['/admin/users', 'adminPeople'],
  ['/admin/teams', 'teamsTitle'],
  ['/admin/reps', 'adminRepsTitle'],
  ['/admin/skills', 'skillsTitle'],
  ['/admin/content', 'contentTitle'],
  ['/admin/api-keys', 'adminApiKeys'],
  ['/admin/webhooks', 'webhooksTitle'],
  ['/admin/rules', 'adminRules'],
  ['/admin/mail', 'adminMail'],
  ['/admin/digest', 'digestZoneTitle'],
  ['/admin/outbox', 'adminOutbox'],
  ['/admin/suppressions', 'adminSuppressions'],
  ['/admin/imports', 'adminImports'],
  ['/admin/privacy', 'adminPrivacy'],
  ['/admin/audit', 'adminAudit'],
] as const;

export function AdminNav({ t, current }: { t: StaffT; current: string }) {
  return (
    <nav aria-label={t('adminTitle')} class="subnav">
      <ul>
        {LINKS.map(([href, key]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
