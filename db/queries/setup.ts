import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';

/** What the setup checklist reads: 1 when there is at least one such row, else 0; no rep data. */
export interface SetupFacts {
  teams: number;
  activeReps: number;
  skills: number;
  cpiTargets: number;
  activeApiKeys: number;
  apiInteractions: number;
  sentMail: number;
  savedRules: number;
  staffTestSurveys: number;
}

/** Counts for the setup checklist in one read; EXISTS keeps each one cheap on a large workspace. */
export async function getSetupFacts(db: Drizzle): Promise<SetupFacts> {
  const exists = (from: string) => sql.raw(`EXISTS (SELECT 1 FROM ${from})`);
  const rows = await db.all<Record<keyof SetupFacts, number>>(sql`
    SELECT
      ${exists('teams')} AS teams,
      ${exists('reps WHERE active = 1')} AS activeReps,
      ${exists('skills')} AS skills,
      ${exists('cpi_targets WHERE target IS NOT NULL')} AS cpiTargets,
      ${exists('api_keys WHERE revoked_at IS NULL')} AS activeApiKeys,
      ${exists("interactions WHERE source = 'api'")} AS apiInteractions,
      ${exists("outbox WHERE status = 'sent'")} AS sentMail,
      ${exists('survey_rules')} AS savedRules,
      ${exists('invitations i JOIN customers c ON c.id = i.customer_id JOIN staff_users s ON s.email = c.email')} AS staffTestSurveys`);
  const row = rows[0];
  if (!row) throw new Error('getSetupFacts: no row');
  return {
    teams: Number(row.teams),
    activeReps: Number(row.activeReps),
    skills: Number(row.skills),
    cpiTargets: Number(row.cpiTargets),
    activeApiKeys: Number(row.activeApiKeys),
    apiInteractions: Number(row.apiInteractions),
    sentMail: Number(row.sentMail),
    savedRules: Number(row.savedRules),
    staffTestSurveys: Number(row.staffTestSurveys),
  };
}

/** True once any customer has submitted a survey (the overview shows an empty state before). */
export async function hasSubmittedResponses(db: Drizzle): Promise<boolean> {
  const rows = await db.all<{ found: number }>(
    sql`SELECT EXISTS (SELECT 1 FROM responses WHERE status = 'submitted') AS found`,
  );
  return Number(rows[0]?.found) === 1;
}
