import { PublicLayout } from '../layout';
import type { SurveyT } from '../../src/lib/i18n/survey';
import type { AnswerKey, Locale } from '../../db/schema';
import type { AnswerError } from '../../src/domain/survey';
import { COMMENT_MAX } from '../../src/domain/inputs';
import { LOCALE_NAMES } from '../../src/lib/i18n';

export interface SurveyFormProps {
  t: SurveyT;
  locale: Locale;
  /** The language was chosen in the URL (`?lang=`): the form posts back with it. */
  langInUrl: boolean;
  token: string;
  repName: string;
  /** What the survey is about, e.g. "about your demo with Ana Ruiz" (`about_<type>`). */
  about: string;
  questions: AnswerKey[];
  required: AnswerKey[];
  /** Current values as the form should show them (saved, pre-selected or as typed). */
  values: Partial<Record<AnswerKey | 'contact_consent', string>>;
  errors: Partial<Record<AnswerKey, AnswerError>>;
  /** `empty`: sent with no answer at all (422, nothing recorded as submitted). */
  outcome?: 'saved' | 'empty';
  notice?: 'saved' | 'busy';
  commentLength?: number;
  /** An admin's preview (/admin/rules/preview): the language links stay in the preview, the form is disabled and posts nowhere. */
  preview?: { langHref: (locale: Locale) => string; notice: string };
}

const SCALE_ENDS: Record<
  'content_useful' | 'decision_clearer' | 'added_value',
  ['cu_1' | 'dc_1' | 'av_1', 'cu_5' | 'dc_5' | 'av_5']
> = {
  content_useful: ['cu_1', 'cu_5'],
  decision_clearer: ['dc_1', 'dc_5'],
  added_value: ['av_1', 'av_5'],
};

function errorText(t: SurveyT, error: AnswerError | undefined, commentLength: number) {
  if (error === 'choice') return t('errorChoice');
  if (error === 'required') return t('errorRequired');
  if (error === 'long') return t('errorCommentLong', { count: commentLength });
  return undefined;
}

function Question({
  id,
  legend,
  required,
  t,
  error,
  children,
}: {
  id: string;
  legend: string;
  required: boolean;
  t: SurveyT;
  error: string | undefined;
  children: unknown;
}) {
  return (
    <fieldset
      class={error ? 'question has-error' : 'question'}
      role="radiogroup"
      aria-labelledby={`${id}-legend`}
      aria-describedby={error ? `${id}-error` : undefined}
      aria-required={required ? 'true' : undefined}
    >
      <legend id={`${id}-legend`}>
        {legend}
        {required && <span class="req"> ({t('required')})</span>}
      </legend>
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function SurveyForm(p: SurveyFormProps) {
  const { t } = p;
  // Posts to the page's own URL; a language picked with the switcher stays picked.
  const action = p.langInUrl ? `/s/${p.token}?lang=${p.locale}` : `/s/${p.token}`;
  const langHref = p.preview?.langHref ?? ((l: Locale) => `/s/${p.token}?lang=${l}`);
  const errorCount = Object.keys(p.errors).length;
  return (
    <PublicLayout title={`${t('surveyTitle')} · ${p.repName}`} lang={p.locale} outcome={p.outcome}>
      <nav class="lang-switch" aria-label={t('language')}>
        {(['en', 'es', 'de'] as const).map((l) => (
          <a href={langHref(l)} lang={l} hreflang={l} aria-current={l === p.locale ? 'true' : undefined}>
            {LOCALE_NAMES[l]}
          </a>
        ))}
      </nav>
      {p.preview && (
        <p class="flash flash-info preview-banner" data-testid="preview-banner">
          {p.preview.notice}
        </p>
      )}
      <h1>{t('surveyTitle')}</h1>
      <p>{t('surveyIntro', { about: p.about })}</p>
      {p.notice === 'saved' && (
        <p class="flash flash-ok" role="status">
          {t('savedNotice')}
        </p>
      )}
      {p.outcome === 'empty' && (
        <p class="flash flash-error" role="alert">
          {t('errorEmpty')}
        </p>
      )}
      {p.notice === 'busy' && (
        <p class="flash flash-error" role="alert">
          {t('busyBody')}
        </p>
      )}
      {errorCount > 0 && (
        <div class="flash flash-error" role="alert">
          {t('errorsIntro')}
          <ul>
            {(Object.keys(p.errors) as AnswerKey[]).map((key) => (
              <li>
                <a href={`#q-${key}-legend`}>{t(`q_${key}`)}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        method="post"
        action={p.preview ? undefined : action}
        class="survey"
        hx-post={p.preview ? undefined : action}
        hx-trigger={p.preview ? undefined : 'change'}
        hx-target={p.preview ? undefined : '#save-status'}
        hx-swap={p.preview ? undefined : 'outerHTML'}
        hx-sync={p.preview ? undefined : 'this:queue last'}
      >
        <fieldset class="preview-wrap" disabled={p.preview !== undefined}>
          {p.questions.includes('resolved_first_contact') && (
            <Question
              id="q-resolved_first_contact"
              legend={t('q_resolved_first_contact')}
              required={p.required.includes('resolved_first_contact')}
              t={t}
              error={errorText(t, p.errors.resolved_first_contact, 0)}
            >
              <div class="choices two">
                {(['yes', 'no'] as const).map((v) => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="resolved_first_contact"
                      value={v}
                      checked={p.values.resolved_first_contact === v}
                    />
                    <span>{t(v)}</span>
                  </label>
                ))}
              </div>
            </Question>
          )}
          {(['content_useful', 'decision_clearer', 'added_value'] as const)
            .filter((key) => p.questions.includes(key))
            .map((key) => {
              const [low, high] = SCALE_ENDS[key];
              return (
                <Question
                  id={`q-${key}`}
                  legend={t(`q_${key}`)}
                  required={p.required.includes(key)}
                  t={t}
                  error={errorText(t, p.errors[key], 0)}
                >
                  <div class="choices scale">
                    {['1', '2', '3', '4', '5'].map((v) => (
                      <label class="choice">
                        <input
                          type="radio"
                          name={key}
                          value={v}
                          checked={p.values[key] === v}
                          aria-label={v === '1' ? `1 (${t(low)})` : v === '5' ? `5 (${t(high)})` : v}
                        />
                        <span aria-hidden="true">{v}</span>
                      </label>
                    ))}
                  </div>
                  <p class="scale-ends" aria-hidden="true">
                    <span>1 = {t(low)}</span>
                    <span>5 = {t(high)}</span>
                  </p>
                </Question>
              );
            })}
          {p.questions.includes('comment') && (
            <div class={p.errors.comment ? 'field has-error' : 'field'}>
              <label for="comment">
                {t('q_comment')}{' '}
                <span class="muted" id="comment-hint">
                  ({t('commentHint')})
                </span>
              </label>
              <textarea
                id="comment"
                name="comment"
                maxlength={COMMENT_MAX}
                rows={2}
                aria-describedby={p.errors.comment ? 'comment-hint comment-error' : 'comment-hint'}
                aria-invalid={p.errors.comment ? 'true' : undefined}
              >
                {p.values.comment ?? ''}
              </textarea>
              {p.errors.comment && (
                <p class="error" id="comment-error">
                  {errorText(t, 'long', p.commentLength ?? 0)}
                </p>
              )}
            </div>
          )}
          <div class="consent">
            <input type="hidden" name="contact_consent" value="no" />
            <label>
              <input type="checkbox" name="contact_consent" value="yes" checked={p.values.contact_consent === 'yes'} />{' '}
              {t('consent')}
            </label>
          </div>
          {/* One button: answers are saved as they are given (htmx); without JavaScript, sending saves them. */}
          <div class="buttons">
            <button type="submit" name="action" value="submit">
              {t('submit')}
            </button>
          </div>
        </fieldset>
        <p id="save-status" class="save-status" role="status" aria-live="polite"></p>
      </form>
    </PublicLayout>
  );
}

/** The htmx answer to a save: the status line, announced politely. */
export function SaveStatus({ t, ok }: { t: SurveyT; ok: boolean }) {
  return (
    <p id="save-status" class={ok ? 'save-status ok' : 'save-status error'} role="status" aria-live="polite">
      {ok ? t('savedLive') : t('errorChoice')}
    </p>
  );
}

export type SurveyOutcome = 'submitted' | 'already-submitted' | 'expired' | 'not-found';

export function SurveyOutcomePage({
  t,
  locale,
  outcome,
  repName,
  expiresLabel,
}: {
  t: SurveyT;
  locale: Locale;
  outcome: SurveyOutcome;
  repName?: string;
  expiresLabel?: string;
}) {
  const [title, body] =
    outcome === 'submitted'
      ? [t('thanksTitle'), t('thanksBody', { rep: repName ?? '' })]
      : outcome === 'already-submitted'
        ? [t('alreadyTitle'), t('alreadyBody')]
        : outcome === 'expired'
          ? [t('expiredTitle'), t('expiredBody', { date: expiresLabel ?? '' })]
          : [t('notFoundTitle'), t('notFoundBody')];
  return (
    <PublicLayout title={title} lang={locale} outcome={outcome}>
      <h1>{title}</h1>
      <p>{body}</p>
    </PublicLayout>
  );
}
