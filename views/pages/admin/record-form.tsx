import type { Child } from 'hono/jsx';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { Flash, StaffLayout } from '../../layout';
import { AdminNav } from './nav';

/** Form values as typed (kept on a 422) and the message per field. */
export interface FormState {
  values?: Record<string, string | undefined> | undefined;
  errors?: Record<string, string> | undefined;
}

/**
 * The add-or-edit card under a record table: a plain form (no script needed) posting to
 * `action`; when editing, a link back to the list instead of a second button.
 */
export function RecordFormCard(props: {
  t: StaffT;
  id: string;
  title: string;
  action: string;
  submitLabel: string;
  cancelHref?: string | undefined;
  errors?: Record<string, string> | undefined;
  /** Field name → its label, so the summary names the field. */
  labels: Record<string, string>;
  children: Child;
}) {
  const { t } = props;
  const failed = props.errors ? Object.keys(props.errors) : [];
  return (
    <section class="card" id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {failed.length > 0 && (
        <div class="flash flash-error" role="alert">
          <p>{t('fixFieldsBelow')}</p>
          <ul>
            {failed.map((name) => (
              <li>
                <a href={`#f-${name}`}>
                  {props.labels[name] ?? name}: {props.errors?.[name]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={props.action} class="stack" novalidate>
        {props.children}
        <div class="form-actions">
          <button type="submit">{props.submitLabel}</button>
          {props.cancelHref && <a href={props.cancelHref}>{t('backToList')}</a>}
        </div>
      </form>
    </section>
  );
}

/** The "Edit" link of a record's row; screen readers hear which record. */
export function EditLink({ t, href, name }: { t: StaffT; href: string; name: string }) {
  return (
    <a href={href}>
      {t('edit')}
      <span class="visually-hidden"> · {name}</span>
    </a>
  );
}

/** The sentence an empty table shows instead of a header-only table. */
export function EmptyTable({ children, testId }: { children: Child; testId?: string }) {
  return (
    <p class="empty-table" data-testid={testId}>
      {children}
    </p>
  );
}

/**
 * An admin page of records (teams, reps, skills, content items): the heading, a notice, the
 * table of records — or, with none, the sentence `empty` — and the add-or-edit card below.
 */
export function RecordsPage(props: {
  t: StaffT;
  user: SessionUser;
  path: string;
  title: string;
  notice?: string | undefined;
  /** Shown instead of the table when there are no records. */
  empty?: { testId: string; text: string } | undefined;
  /** The header cells. */
  head: Child;
  /** The rows. */
  rows: Child;
  /** The form card. */
  children: Child;
}) {
  const { t, user, path, title } = props;
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath={path}>
      <AdminNav t={t} current={path} />
      <h1>{title}</h1>
      {props.notice && <Flash kind="ok">{props.notice}</Flash>}
      {props.empty ? (
        <EmptyTable testId={props.empty.testId}>{props.empty.text}</EmptyTable>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>{props.head}</tr>
            </thead>
            <tbody>{props.rows}</tbody>
          </table>
        </div>
      )}
      {props.children}
    </StaffLayout>
  );
}
