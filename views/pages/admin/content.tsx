import { TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { EditLink, RecordFormCard, RecordsPage, type FormState } from './record-form';

interface ContentRow {
  id: string;
  title: string;
  url: string | null;
  stage: string | null;
  topic: string | null;
}

export interface ContentPageProps extends FormState {
  t: StaffT;
  user: SessionUser;
  items: ContentRow[];
  editing?: ContentRow | undefined;
  notice?: string | undefined;
}

const contentHref = (id: string) => `/admin/content/${encodeURIComponent(id)}`;

export function ContentPage({ t, user, items, editing, notice, values, errors }: ContentPageProps) {
  const value = (name: 'id' | 'title' | 'url' | 'stage' | 'topic') =>
    values?.[name] ?? (editing ? (editing[name] ?? '') : undefined);
  return (
    <RecordsPage
      t={t}
      user={user}
      path="/admin/content"
      title={t('contentTitle')}
      notice={notice}
      empty={items.length === 0 ? { testId: 'content-empty', text: t('noContentYet') } : undefined}
      head={
        <>
          <th scope="col">{t('contentTitleField')}</th>
          <th scope="col">{t('contentId')}</th>
          <th scope="col">{t('contentStage')}</th>
          <th scope="col">{t('contentTopic')}</th>
          <th scope="col">{t('actions')}</th>
        </>
      }
      rows={items.map((item) => (
        <tr>
          <th scope="row">
            {item.url ? (
              <a href={item.url} rel="noopener noreferrer">
                {item.title}
              </a>
            ) : (
              item.title
            )}
          </th>
          <td>
            <code>{item.id}</code>
          </td>
          <td>{item.stage ?? '—'}</td>
          <td>{item.topic ?? '—'}</td>
          <td>
            <EditLink t={t} href={`${contentHref(item.id)}/edit#content-form`} name={item.title} />
          </td>
        </tr>
      ))}
    >
      <RecordFormCard
        t={t}
        id="content-form"
        title={editing ? t('editContent', { name: editing.title }) : t('addContent')}
        action={editing ? contentHref(editing.id) : '/admin/content'}
        submitLabel={editing ? t('save') : t('addContent')}
        cancelHref={editing ? '/admin/content' : undefined}
        errors={errors}
        labels={{
          id: t('contentId'),
          title: t('contentTitleField'),
          url: t('contentUrl'),
          stage: t('contentStage'),
          topic: t('contentTopic'),
        }}
      >
        {editing ? (
          <p class="hint">
            {t('contentId')}: <code>{editing.id}</code>
          </p>
        ) : (
          <TextField
            name="id"
            label={t('contentId')}
            value={value('id')}
            error={errors?.id}
            hint={t('contentIdHint')}
            required
            autocomplete="off"
          />
        )}
        <TextField
          name="title"
          label={t('contentTitleField')}
          value={value('title')}
          error={errors?.title}
          required
          autocomplete="off"
        />
        <TextField name="url" label={t('contentUrl')} type="url" value={value('url')} error={errors?.url} />
        <TextField name="stage" label={t('contentStage')} value={value('stage')} error={errors?.stage} />
        <TextField name="topic" label={t('contentTopic')} value={value('topic')} error={errors?.topic} />
      </RecordFormCard>
    </RecordsPage>
  );
}
