/** Writes the rollup triggers into their custom drizzle-kit migration (see db/rollup-triggers.ts). */
import { readFileSync, writeFileSync } from 'node:fs';
import { rollupTriggerSql } from './rollup-triggers';

const file = new URL('./migrations/0001_rollup_triggers.sql', import.meta.url);
const current = (() => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
})();
if (current === undefined) throw new Error('run `drizzle-kit generate --custom --name rollup_triggers` first to create the migration file');
writeFileSync(file, rollupTriggerSql());
console.log('wrote db/migrations/0001_rollup_triggers.sql');
