import type { StaffT } from '../../../src/lib/i18n/staff';

/** The results region when a filter value is invalid: what is wrong, by field (status 422). */
export function FilterErrors({ t, errors }: { t: StaffT; errors: Record<string, string> }) {
  return (
    <div class="flash flash-error" role="alert">
      <p>{t('wsFilterInvalid')}</p>
      <ul>
        {Object.values(errors).map((message) => (
          <li>{message}</li>
        ))}
      </ul>
    </div>
  );
}
