/**
 * The SQL triggers that move `data_version` (db/schema.ts) with every write an analysis
 * reads, inside the statement that writes — so the survey, the API, imports, erasure and
 * retention all count, on every instance. `npm run db:generate` writes them into the
 * custom migration db/migrations/0003_data_version_triggers.sql; a test checks the two
 * agree. Bulk loaders (rollup_mode.bulk = 1) switch them off and move the version once at
 * their end (db/queries/rollups.ts, rebuildRollups).
 */

/** Watched tables, and for each write the condition under which it changes what an analysis reads. */
const WATCHED: { table: string; insert: string; update: string; delete: string }[] = [
  {
    table: 'responses',
    insert: "NEW.status = 'submitted'",
    update: "(NEW.status = 'submitted' OR OLD.status = 'submitted')",
    delete: "OLD.status = 'submitted'",
  },
  {
    table: 'interactions',
    insert: 'NEW.quote_delivered_at IS NOT NULL',
    update:
      '(NEW.quote_delivered_at IS NOT OLD.quote_delivered_at OR NEW.quote_requested_at IS NOT OLD.quote_requested_at OR (OLD.quote_delivered_at IS NOT NULL AND (NEW.rep_id IS NOT OLD.rep_id OR NEW.type IS NOT OLD.type OR NEW.occurred_at IS NOT OLD.occurred_at)))',
    delete: 'OLD.quote_delivered_at IS NOT NULL',
  },
  ...['training_records', 'coaching_sessions', 'reps', 'teams', 'skills', 'cpi_targets', 'settings'].map((table) => ({
    table,
    insert: '1',
    update: '1',
    delete: '1',
  })),
];

const NOT_BULK = 'coalesce((SELECT bulk FROM rollup_mode WHERE id = 1), 0) = 0';

export function dataVersionTriggerSql(): string {
  const statements = ['INSERT OR IGNORE INTO data_version (id, version) VALUES (1, 0);'];
  for (const w of WATCHED) {
    for (const [event, when] of [
      ['INSERT', w.insert],
      ['UPDATE', w.update],
      ['DELETE', w.delete],
    ] as const) {
      statements.push(
        `CREATE TRIGGER data_version_${w.table}_${event.toLowerCase()} AFTER ${event} ON ${w.table}\nWHEN ${when === '1' ? NOT_BULK : `${when} AND ${NOT_BULK}`}\nBEGIN\n  UPDATE data_version SET version = version + 1 WHERE id = 1;\nEND;`,
      );
    }
  }
  return `${statements.join('\n--> statement-breakpoint\n')}\n`;
}
