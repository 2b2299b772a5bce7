/** Writes the custom drizzle-kit migrations generated from code: the rollup and data-version triggers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { rollupTriggerSql } from './rollup-triggers';
import { dataVersionTriggerSql } from './data-version-triggers';

const GENERATED: [file: string, name: string, sql: () => string][] = [
  ['0001_rollup_triggers.sql', 'rollup_triggers', rollupTriggerSql],
  ['0003_data_version_triggers.sql', 'data_version_triggers', dataVersionTriggerSql],
];

for (const [name, custom, sql] of GENERATED) {
  const file = new URL(`./migrations/${name}`, import.meta.url);
  try {
    readFileSync(file, 'utf8');
  } catch {
    throw new Error(`run \`drizzle-kit generate --custom --name ${custom}\` first to create db/migrations/${name}`);
  }
  writeFileSync(file, sql());
  console.log(`wrote db/migrations/${name}`);
}
