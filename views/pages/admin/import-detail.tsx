import { StaffLayout, Flash } from '../../layout';
import { importKindLabel } from '../../components/labels';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { ImportState, type ImportStateProps } from '../../partials/admin/import-state';
import { AdminNav } from './nav';

export interface ImportDetailPageProps extends ImportStateProps {
  t: StaffT;
  user: SessionUser;
  error?: string | undefined;
}

export function ImportDetailPage({ user, error, ...state }: ImportDetailPageProps) {
  const { t, imp } = state;
  const title = `${importKindLabel(t, imp.kind)}: ${imp.filename}`;
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath="/admin/imports">
      <AdminNav t={t} current="/admin/imports" />
      <p>
        <a href="/admin/imports">{t('backToImports')}</a>
      </p>
      <h1>{title}</h1>
      {error && <Flash kind="error">{error}</Flash>}
      <ImportState {...state} />
    </StaffLayout>
  );
}
