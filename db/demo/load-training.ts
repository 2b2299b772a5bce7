/**
 * Writes the demo's training history: LMS records (courses, assessments, coaching) and the
 * coaching sessions behind the coaching records, done by each team's trainer, plus the
 * sessions the Iberia trainer has planned.
 */
import type { Drizzle } from '../client';
import * as t from '../schema';
import { DEMO_TEAMS } from './catalog';
import type { DemoWorkspace } from './generate';
import { columnCount, inBatches } from './batches';
import { DAY_MS } from '../../src/lib/days';

/** Training records, then the coaching sessions pointing at the coaching ones. */
export async function writeTraining(
  tx: Drizzle,
  ws: DemoWorkspace,
  repIds: number[],
  skillIds: Map<string, number>,
  staffIds: Map<string, number>,
): Promise<void> {
  const recordIds = new Map<string, number>();
  await inBatches(ws.training, columnCount(t.trainingRecords), async (batch) => {
    const rows = await tx
      .insert(t.trainingRecords)
      .values(
        batch.map((r) => ({
          externalId: r.externalId,
          repId: repIds[r.rep]!,
          skillId: skillIds.get(r.skill)!,
          kind: r.kind,
          completedAt: r.completedAt,
          score: r.score,
          createdAt: r.completedAt,
        })),
      )
      .returning({ id: t.trainingRecords.id, externalId: t.trainingRecords.externalId });
    for (const row of rows) if (row.externalId) recordIds.set(row.externalId, row.id);
  });
  const trainerOf = (rep: number) => staffIds.get(DEMO_TEAMS[ws.reps[rep]!.team]!.trainer.email) ?? null;
  const done = ws.training.flatMap((r) =>
    r.coaching
      ? [
          {
            repId: repIds[r.rep]!,
            skillId: skillIds.get(r.skill)!,
            trainerId: trainerOf(r.rep),
            status: 'done' as const,
            cpi: r.coaching.cpi,
            plannedFor: r.completedAt,
            completedAt: r.completedAt,
            notes: r.coaching.notes,
            trainingRecordId: recordIds.get(r.externalId)!,
            createdAt: r.completedAt - 7 * DAY_MS,
            updatedAt: r.completedAt,
          },
        ]
      : [],
  );
  const planned = ws.plannedCoaching.map((p) => ({
    repId: repIds[p.rep]!,
    skillId: skillIds.get(p.skill)!,
    trainerId: trainerOf(p.rep),
    status: 'planned' as const,
    cpi: p.cpi,
    plannedFor: p.plannedFor,
    completedAt: null,
    notes: p.notes,
    trainingRecordId: null,
    createdAt: ws.now - DAY_MS,
    updatedAt: ws.now - DAY_MS,
  }));
  await inBatches([...done, ...planned], columnCount(t.coachingSessions), (batch) =>
    tx.insert(t.coachingSessions).values(batch),
  );
}
