import { StaffLayout, Flash } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { SetupChecklist } from '../../../src/domain/setup-checklist';
import { AdminNav } from './nav';
import { SetupSteps } from './setup-checklist';

export function SetupPage({ t, user, checklist }: { t: StaffT; user: SessionUser; checklist: SetupChecklist }) {
  return (
    <StaffLayout title={t('checklistTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/setup">
      <AdminNav t={t} current="/admin/setup" />
      <h1>{t('checklistTitle')}</h1>
      <p>{t('checklistIntro')}</p>
      {checklist.complete && <Flash kind="ok">{t('setupComplete')}</Flash>}
      <SetupSteps t={t} checklist={checklist} />
    </StaffLayout>
  );
}
