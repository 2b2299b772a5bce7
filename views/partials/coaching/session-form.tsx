import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionField, SessionFormValues } from '../../../src/domain/coaching-sessions';
import { NOTES_MAX } from '../../../src/domain/coaching-sessions';
import { CPI_KEYS } from '../../../src/lib/vocabulary';
import { cpiName } from '../names';

export interface SessionFormRep {
  id: number;
  name: string;
  team: string | null;
}

export interface SessionFormProps {
  t: StaffT;
  reps: SessionFormRep[];
  skills: { slug: string; name: string }[];
  values: SessionFormValues;
  errors?: Partial<Record<SessionField, string>> | undefined;
  /** On the plan page: htmx posts the form and swaps it (and the rep's session list). */
  enhanced: boolean;
  back: string;
  /** What the last post did (shown above the fields, announced politely). */
  message?: string | undefined;
}

const FIELD_ORDER: SessionField[] = ['rep', 'skill', 'date', 'notes', 'cpi', 'action'];

function groupByTeam(reps: SessionFormRep[], noTeam: string): [string, SessionFormRep[]][] {
  const groups = new Map<string, SessionFormRep[]>();
  for (const r of reps)
    (groups.get(r.team ?? noTeam) ?? groups.set(r.team ?? noTeam, []).get(r.team ?? noTeam)!).push(r);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Plan or log a session: rep, skill, date, notes, optional CPI; every error names its field. */
export function SessionForm({ t, reps, skills, values, errors, enhanced, back, message }: SessionFormProps) {
  const err = errors ?? {};
  const has = (f: SessionField) => err[f] !== undefined;
  const describedBy = (f: SessionField, hint?: boolean) =>
    [hint ? `session-${f}-hint` : '', has(f) ? `session-${f}-error` : ''].filter(Boolean).join(' ') || undefined;
  const fieldLabel: Record<SessionField, string> = {
    rep: t('coFieldRep'),
    skill: t('coFieldSkill'),
    date: t('coFieldDate'),
    notes: t('coFieldNotes'),
    cpi: t('coFieldCpi'),
    action: t('coFieldAction'),
  };
  const errorText = (f: SessionField) =>
    has(f) ? (
      <p class="error" id={`session-${f}-error`}>
        {err[f]}
      </p>
    ) : null;
  const listed = FIELD_ORDER.filter(has);
  return (
    <form
      method="post"
      action="/coaching/sessions"
      class="stack session-form"
      id="session-form"
      hx-post={enhanced ? '/coaching/sessions' : undefined}
      hx-target={enhanced ? 'this' : undefined}
      hx-swap={enhanced ? 'outerHTML' : undefined}
      novalidate
    >
      <input type="hidden" name="back" value={back} />
      <div aria-live="polite" class="form-status">
        {message && (
          <p class="flash flash-ok" role="status">
            {message}
          </p>
        )}
      </div>
      {listed.length > 0 && (
        <div class="flash flash-error" role="alert">
          <p>{t('coFormErrors')}</p>
          <ul>
            {listed.map((f) => (
              <li>
                <a href={`#session-${f}`}>
                  {fieldLabel[f]}: {err[f]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class={has('rep') ? 'field has-error' : 'field'}>
        <label for="session-rep">{fieldLabel.rep}</label>
        <select
          id="session-rep"
          name="rep"
          required
          aria-invalid={has('rep') ? 'true' : undefined}
          aria-describedby={describedBy('rep')}
        >
          <option value="">{t('coChooseRep')}</option>
          {groupByTeam(reps, t('noTeam')).map(([team, list]) => (
            <optgroup label={team}>
              {list.map((r) => (
                <option value={String(r.id)} selected={values.rep === String(r.id)}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
        {errorText('rep')}
      </div>
      <div class={has('skill') ? 'field has-error' : 'field'}>
        <label for="session-skill">{fieldLabel.skill}</label>
        <select
          id="session-skill"
          name="skill"
          required
          aria-invalid={has('skill') ? 'true' : undefined}
          aria-describedby={describedBy('skill')}
        >
          <option value="">{t('coChooseSkill')}</option>
          {skills.map((s) => (
            <option value={s.slug} selected={values.skill === s.slug}>
              {s.name}
            </option>
          ))}
        </select>
        {errorText('skill')}
      </div>
      <div class={has('date') ? 'field has-error' : 'field'}>
        <label for="session-date">{fieldLabel.date}</label>
        <p class="hint" id="session-date-hint">
          {t('coFieldDateHint')}
        </p>
        <input
          id="session-date"
          name="date"
          type="date"
          value={values.date}
          required
          aria-invalid={has('date') ? 'true' : undefined}
          aria-describedby={describedBy('date', true)}
        />
        {errorText('date')}
      </div>
      <div class={has('notes') ? 'field has-error' : 'field'}>
        <label for="session-notes">{fieldLabel.notes}</label>
        <p class="hint" id="session-notes-hint">
          {t('coFieldNotesHint')}
        </p>
        <textarea
          id="session-notes"
          name="notes"
          maxlength={NOTES_MAX}
          rows={4}
          aria-invalid={has('notes') ? 'true' : undefined}
          aria-describedby={describedBy('notes', true)}
        >
          {values.notes}
        </textarea>
        {errorText('notes')}
      </div>
      <div class={has('cpi') ? 'field has-error' : 'field'}>
        <label for="session-cpi">{fieldLabel.cpi}</label>
        <p class="hint" id="session-cpi-hint">
          {t('coFieldCpiHint')}
        </p>
        <select
          id="session-cpi"
          name="cpi"
          aria-invalid={has('cpi') ? 'true' : undefined}
          aria-describedby={describedBy('cpi', true)}
        >
          <option value="">{t('coCpiFromGap')}</option>
          {CPI_KEYS.map((c) => (
            <option value={c} selected={values.cpi === c}>
              {cpiName(t, c)}
            </option>
          ))}
        </select>
        {errorText('cpi')}
      </div>
      {errorText('action')}
      {/* Ids let htmx put the focus back on the button that was pressed after it swaps the form. */}
      <div class="button-row">
        <button type="submit" name="action" value="log" id="session-log">
          {t('coLogSession')}
        </button>
        <button type="submit" name="action" value="plan" class="secondary" id="session-plan">
          {t('coPlanSession')}
        </button>
      </div>
    </form>
  );
}
