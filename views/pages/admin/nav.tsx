import type { StaffT } from '../../../src/lib/i18n/staff';

const LINKS = [
  ['/admin/users', 'adminPeople'],
  ['/admin/reps', 'adminRepsTitle'],
  ['/admin/api-keys', 'adminApiKeys'],
  ['/admin/rules', 'adminRules'],
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
