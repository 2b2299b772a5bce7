/** Reps, teams, skills and training records as a CRM/LMS sends them; all or nothing per batch. */
import type { AppDeps } from '../context';
import type { Drizzle } from '../../db/client';
import type { RepInput, TrainingRecordInput, ContentItemInput } from './inputs';
import { invalid } from '../lib/errors';
import { ensureTeams } from '../../db/queries/teams';
import { getRepsByEmail, upsertReps } from '../../db/queries/reps';
import { ensureSkills, insertTrainingRecords } from '../../db/queries/training';
import { upsertContentItems } from '../../db/queries/content';

export async function upsertRepsInTransaction(tx: Drizzle, items: RepInput[], now: number): Promise<number> {
  const teamIds = await ensureTeams(
    tx,
    items.flatMap((r) => (r.team ? [r.team] : [])),
    now,
  );
  return upsertReps(
    tx,
    items.map((r) => ({ email: r.email, name: r.name, teamId: r.team ? (teamIds.get(r.team) ?? null) : null })),
    now,
  );
}

export const upsertRepList = (deps: AppDeps, items: RepInput[]) =>
  deps.db.write((tx) => upsertRepsInTransaction(tx, items, deps.clock.nowMs()));

export async function addTrainingInTransaction(tx: Drizzle, items: TrainingRecordInput[], now: number) {
  const reps = await getRepsByEmail(
    tx,
    items.map((i) => i.repEmail),
  );
  const unknown = items.flatMap((item, index) =>
    reps.has(item.repEmail) ? [] : [{ path: [index, 'repEmail'], message: `no rep with email ${item.repEmail}` }],
  );
  if (unknown.length > 0) throw invalid(unknown.slice(0, 100), 'Some records name an unknown rep.');
  const skills = await ensureSkills(
    tx,
    items.map((i) => i.skill),
    now,
  );
  return insertTrainingRecords(
    tx,
    items.map((i) => ({
      externalId: i.externalId,
      repId: reps.get(i.repEmail)!.id,
      skillId: skills.get(i.skill)!,
      kind: i.kind,
      completedAt: i.completedAt,
      score: i.score,
    })),
    now,
  );
}

export const addTrainingRecords = (deps: AppDeps, items: TrainingRecordInput[]) =>
  deps.db.write((tx) => addTrainingInTransaction(tx, items, deps.clock.nowMs()));

export const upsertContent = (deps: AppDeps, items: ContentItemInput[]) =>
  deps.db.write((tx) => upsertContentItems(tx, items, deps.clock.nowMs()));
