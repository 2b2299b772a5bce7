import { StaffLayout, Flash } from '../../layout';
import type { StaffT, StaffKey } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { ANSWER_KEYS } from '../../../src/lib/vocabulary';
import type { AnswerKey, InteractionType } from '../../../db/schema';
import { AdminNav } from './nav';
import { interactionTypeLabel } from '../../components/labels';

export interface RuleFormValues {
  sendDelayMinutes: string;
  fatigueDays: string;
  expiryDays: string;
  reminderAfterDays: string;
  questions: string[];
  required: string[];
}

export interface RuleForm {
  type: InteractionType;
  values: RuleFormValues;
  errors?: Record<string, string> | undefined;
}

export interface RulesPageProps {
  t: StaffT;
  user: SessionUser;
  forms: RuleForm[];
  savedType?: InteractionType | undefined;
}

const RULE_FIELD_LABELS: Record<keyof RuleFormValues, StaffKey> = {
  sendDelayMinutes: 'ruleSendDelay',
  fatigueDays: 'ruleFatigue',
  expiryDays: 'ruleExpiry',
  reminderAfterDays: 'ruleReminder',
  questions: 'ruleQuestions',
  required: 'ruleRequired',
};

const QUESTION_LABELS: Record<AnswerKey, StaffKey> = {
  resolved_first_contact: 'qResolvedFirstContact',
  content_useful: 'qContentUseful',
  decision_clearer: 'qDecisionClearer',
  added_value: 'qAddedValue',
  comment: 'qComment',
};

const isRuleField = (name: string): name is keyof RuleFormValues => name in RULE_FIELD_LABELS;

const NUMBER_FIELDS = [
  { name: 'sendDelayMinutes', hint: 'ruleSendDelayHint', min: 0, max: 10080 },
  { name: 'fatigueDays', hint: 'ruleFatigueHint', min: 0, max: 365 },
  { name: 'expiryDays', hint: 'ruleExpiryHint', min: 1, max: 90 },
  { name: 'reminderAfterDays', hint: 'ruleReminderHint', min: 1, max: 89 },
] as const;

/** One card per interaction type; its form folds (open: the first, one just saved, one with errors) so the page stays short on a phone. */
function RuleFormCard({ t, form, saved, open }: { t: StaffT; form: RuleForm; saved: boolean; open: boolean }) {
  const { type, values, errors } = form;
  const id = (name: string) => `${type}-${name}`;
  const describedBy = (name: string, hint: boolean) =>
    [hint ? `${id(name)}-hint` : '', errors?.[name] ? `${id(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const errorEntries = Object.entries(errors ?? {});
  return (
    <section class="card" id={`rule-${type}`} aria-labelledby={`rule-${type}-title`}>
      <h2 id={`rule-${type}-title`}>{interactionTypeLabel(t, type)}</h2>
      <p>
        <a href={`/admin/rules/preview?type=${type}`} data-testid={`preview-${type}`}>
          {t('previewTitle')}
          <span class="visually-hidden"> · {interactionTypeLabel(t, type)}</span>
        </a>
      </p>
      {saved && <Flash kind="ok">{t('ruleSaved')}</Flash>}
      {errorEntries.length > 0 && (
        <div class="flash flash-error" role="alert">
          <p>{t('fixFieldsBelow')}</p>
          <ul>
            {errorEntries.map(([name, message]) => (
              <li>
                <a href={`#${id(name)}`}>{isRuleField(name) ? t(RULE_FIELD_LABELS[name]) : name}</a>: {message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <details class="rule-form" open={open || saved || errorEntries.length > 0 ? true : undefined}>
        <summary>
          {t('ruleEdit')}
          <span class="visually-hidden"> · {interactionTypeLabel(t, type)}</span>
        </summary>
        <form method="post" action={`/admin/rules/${type}`} class="stack">
          <div class="field-row">
            {NUMBER_FIELDS.map((f) => (
              <div class={errors?.[f.name] ? 'field has-error' : 'field'}>
                <label for={id(f.name)}>{t(RULE_FIELD_LABELS[f.name])}</label>
                <p class="hint" id={`${id(f.name)}-hint`}>
                  {t(f.hint)}
                </p>
                <input
                  id={id(f.name)}
                  name={f.name}
                  type="number"
                  inputmode="numeric"
                  min={String(f.min)}
                  max={String(f.max)}
                  step="1"
                  value={values[f.name]}
                  required={f.name !== 'reminderAfterDays'}
                  aria-invalid={errors?.[f.name] ? 'true' : undefined}
                  aria-describedby={describedBy(f.name, true)}
                />
                {errors?.[f.name] && (
                  <p class="error" id={`${id(f.name)}-error`}>
                    {errors[f.name]}
                  </p>
                )}
              </div>
            ))}
          </div>
          {(['questions', 'required'] as const).map((group) => (
            <fieldset
              id={id(group)}
              class={errors?.[group] ? 'question-set has-error' : 'question-set'}
              aria-describedby={describedBy(group, true)}
            >
              <legend>{t(RULE_FIELD_LABELS[group])}</legend>
              <p class="hint" id={`${id(group)}-hint`}>
                {group === 'questions' ? t('contentUsefulHint') : t('ruleRequiredHint')}
              </p>
              {ANSWER_KEYS.map((key) => (
                <label class="check">
                  <input type="checkbox" name={group} value={key} checked={values[group].includes(key)} />{' '}
                  {t(QUESTION_LABELS[key])}
                </label>
              ))}
              {errors?.[group] && (
                <p class="error" id={`${id(group)}-error`}>
                  {errors[group]}
                </p>
              )}
            </fieldset>
          ))}
          <div>
            <button type="submit">
              {t('save')}
              <span class="visually-hidden"> · {interactionTypeLabel(t, type)}</span>
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}

export function RulesPage({ t, user, forms, savedType }: RulesPageProps) {
  return (
    <StaffLayout title={t('adminRules')} t={t} lang={user.locale} user={user} currentPath="/admin/rules">
      <AdminNav t={t} current="/admin/rules" />
      <h1>{t('adminRules')}</h1>
      <p>{t('rulesIntro')}</p>
      {forms.map((form, i) => (
        <RuleFormCard t={t} form={form} saved={form.type === savedType && !form.errors} open={i === 0} />
      ))}
    </StaffLayout>
  );
}
