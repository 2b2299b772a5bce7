/**
 * The first-hour checklist an admin sees until the workspace is set up. Each step ticks
 * itself from the data (db/queries/setup.ts), never from a "mark done" button, so it stays
 * true when the same thing is done by CSV, the API or the demo.
 */
import { getSetupFacts, type SetupFacts } from '../../db/queries/setup';
import type { AppDeps } from '../context';
import { getEffectiveMail } from './mail-settings';

/** In the order an admin does them. */
type SetupStepKey = 'people' | 'skills' | 'crm' | 'mail' | 'rules' | 'testSurvey';

export interface SetupStep {
  key: SetupStepKey;
  done: boolean;
  /** The page where the step is done. */
  href: string;
  /** Done in part: e.g. an API key exists but no interaction has arrived through it yet. */
  partial: boolean;
}

export interface SetupChecklist {
  steps: SetupStep[];
  doneCount: number;
  complete: boolean;
}

/**
 * Definition: a step is done when the workspace holds what it asks for —
 * teams and reps: a team and an active rep; skills: a skill (each carries its proficiency
 * target); CRM: an interaction arrived through the API (an API key alone is partial);
 * mail: SMTP is configured (environment or /admin/mail) or a message was delivered; rules: survey rules were saved;
 * test survey: an invitation went to a staff member's own address.
 *
 * @example setupChecklist(facts, { smtpConfigured: false }).complete // false on an empty workspace
 */
export function setupChecklist(facts: SetupFacts, env: { smtpConfigured: boolean }): SetupChecklist {
  const steps: SetupStep[] = [
    { key: 'people', href: '/admin/teams', done: facts.teams > 0 && facts.activeReps > 0, partial: facts.teams > 0 },
    { key: 'skills', href: '/admin/skills', done: facts.skills > 0, partial: facts.cpiTargets > 0 },
    {
      key: 'crm',
      href: '/admin/api-keys',
      done: facts.apiInteractions > 0,
      partial: facts.activeApiKeys > 0,
    },
    { key: 'mail', href: '/admin/mail', done: env.smtpConfigured || facts.sentMail > 0, partial: false },
    { key: 'rules', href: '/admin/rules', done: facts.savedRules > 0, partial: false },
    { key: 'testSurvey', href: '/interactions/new', done: facts.staffTestSurveys > 0, partial: false },
  ];
  for (const step of steps) if (step.done) step.partial = false;
  const doneCount = steps.filter((s) => s.done).length;
  return { steps, doneCount, complete: doneCount === steps.length };
}

/** The checklist from the current data: /admin/setup, /admin and the admin's overview read it. */
export async function loadSetupChecklist(deps: AppDeps): Promise<SetupChecklist> {
  const smtpConfigured = (await getEffectiveMail(deps)).smtpUrl !== undefined;
  return setupChecklist(await getSetupFacts(deps.db.read), { smtpConfigured });
}
