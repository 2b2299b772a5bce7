/**
 * The SQL triggers that keep `cpi_cumulative` and `cpi_monthly` current on every write of
 * responses and invitations (one home for the incremental rule, run inside SQLite in the same statement
 * as the write). `npm run db:generate` writes them into the custom migration
 * db/migrations/0001_rollup_triggers.sql; a test checks the two agree.
 *
 * A change at day d (the interaction's UTC day) creates the row for d, carrying the totals
 * up to d − 1, then moves every row from d on by the change. Bulk loaders switch the
 * triggers off (rollup_mode.bulk = 1) and rebuild instead.
 */
import { DAY_MS } from '../src/lib/days';
const COLUMNS = [
  'invitations',
  'responses',
  'invited_responses',
  'fcr_n',
  'fcr_yes',
  'cu_n',
  'cu_sum',
  'cu_sq',
  'cu_top2',
  'dc_n',
  'dc_sum',
  'dc_sq',
  'dc_top2',
  'av_n',
  'av_sum',
  'av_sq',
  'av_top2',
];

/** The change each column gets from one submitted response `r` (NEW or OLD). */
function responseChange(r: string): Record<string, string> {
  const likert = (prefix: string, col: string) => ({
    [`${prefix}_n`]: `(${r}.${col} IS NOT NULL)`,
    [`${prefix}_sum`]: `coalesce(${r}.${col}, 0)`,
    [`${prefix}_sq`]: `coalesce(${r}.${col} * ${r}.${col}, 0)`,
    [`${prefix}_top2`]: `coalesce(${r}.${col} >= 4, 0)`,
  });
  return {
    responses: '1',
    invited_responses: `(${r}.invitation_id IS NOT NULL)`,
    fcr_n: `(${r}.resolved_first_contact IS NOT NULL)`,
    fcr_yes: `coalesce(${r}.resolved_first_contact, 0)`,
    ...likert('cu', 'content_useful'),
    ...likert('dc', 'decision_clearer'),
    ...likert('av', 'added_value'),
  };
}

/** The statements applying `change` (sign ±1) at rep/type/time expressions, to the running totals and the month. */
function apply(rep: string, type: string, at: string, change: Record<string, string>, sign: '+' | '-'): string {
  const day = `(${at}) / ${DAY_MS}`;
  const month = `CAST(strftime('%Y%m', (${at}) / 1000, 'unixepoch') AS INTEGER)`;
  const moves = Object.entries(change)
    .map(([c, e]) => `${c} = ${c} ${sign} ${e}`)
    .join(', ');
  // NOT EXISTS rather than INSERT OR IGNORE: an outer statement's conflict policy (an
  // upsert's, say) would override the trigger's own.
  return `
  INSERT INTO cpi_cumulative (rep_id, interaction_type, day, ${COLUMNS.join(', ')})
    SELECT ${rep}, ${type}, ${day}, ${COLUMNS.map((c) => `coalesce(p.${c}, 0)`).join(', ')}
    FROM (SELECT 1) LEFT JOIN (
      SELECT * FROM cpi_cumulative WHERE rep_id = ${rep} AND interaction_type = ${type} AND day < ${day} ORDER BY day DESC LIMIT 1
    ) p ON 1
    WHERE NOT EXISTS (SELECT 1 FROM cpi_cumulative WHERE rep_id = ${rep} AND interaction_type = ${type} AND day = ${day});
  UPDATE cpi_cumulative SET ${moves}
    WHERE rep_id = ${rep} AND interaction_type = ${type} AND day >= ${day};
  INSERT INTO cpi_monthly (month, rep_id, interaction_type)
    SELECT ${month}, ${rep}, ${type}
    WHERE NOT EXISTS (SELECT 1 FROM cpi_monthly WHERE month = ${month} AND rep_id = ${rep} AND interaction_type = ${type});
  UPDATE cpi_monthly SET ${moves}
    WHERE month = ${month} AND rep_id = ${rep} AND interaction_type = ${type};`;
}

const active = '(SELECT bulk FROM rollup_mode WHERE id = 1) = 0';
const interactionOf = (v: string) => ({
  rep: `${v}.rep_id`,
  type: `(SELECT type FROM interactions WHERE id = ${v}.interaction_id)`,
  at: `(SELECT occurred_at FROM interactions WHERE id = ${v}.interaction_id)`,
});

function trigger(name: string, event: string, when: string, body: string): string {
  return `CREATE TRIGGER ${name} AFTER ${event}\nWHEN ${when} AND ${active}\nBEGIN${body}\nEND;`;
}

export function rollupTriggerSql(): string {
  const newInvitation = interactionOf('NEW');
  const oldInvitation = interactionOf('OLD');
  const parts = [
    `INSERT OR IGNORE INTO rollup_mode (id, bulk) VALUES (1, 0);`,
    trigger(
      'responses_rollup_insert',
      'INSERT ON responses',
      `NEW.status = 'submitted'`,
      apply('NEW.rep_id', 'NEW.interaction_type', 'NEW.occurred_at', responseChange('NEW'), '+'),
    ),
    trigger(
      'responses_rollup_submit',
      'UPDATE OF status ON responses',
      `OLD.status = 'partial' AND NEW.status = 'submitted'`,
      apply('NEW.rep_id', 'NEW.interaction_type', 'NEW.occurred_at', responseChange('NEW'), '+'),
    ),
    trigger(
      'responses_rollup_delete',
      'DELETE ON responses',
      `OLD.status = 'submitted'`,
      apply('OLD.rep_id', 'OLD.interaction_type', 'OLD.occurred_at', responseChange('OLD'), '-'),
    ),
    trigger(
      'invitations_rollup_insert',
      'INSERT ON invitations',
      `NEW.status <> 'cancelled'`,
      apply(newInvitation.rep, newInvitation.type, newInvitation.at, { invitations: '1' }, '+'),
    ),
    trigger(
      'invitations_rollup_cancel',
      'UPDATE OF status ON invitations',
      `OLD.status <> 'cancelled' AND NEW.status = 'cancelled'`,
      apply(newInvitation.rep, newInvitation.type, newInvitation.at, { invitations: '1' }, '-'),
    ),
    trigger(
      'invitations_rollup_delete',
      'DELETE ON invitations',
      `OLD.status <> 'cancelled' AND EXISTS (SELECT 1 FROM interactions WHERE id = OLD.interaction_id)`,
      apply(oldInvitation.rep, oldInvitation.type, oldInvitation.at, { invitations: '1' }, '-'),
    ),
  ];
  return `-- Generated by db/rollup-triggers.ts (npm run db:generate); do not edit by hand.\n${parts.join('\n--> statement-breakpoint\n')}\n`;
}
