/** `npm run bench [-- name…]`: runs the benchmarks; each prints its ratio against its baseline. */
import { benchClient } from './client';
import { benchCpis } from './cpis';
import { benchSubmit } from './submit';
import { benchImport } from './import';
import { benchMail } from './mail';
import { benchOverview } from './overview';
import { benchSqld } from './sqld';

const suites: Record<string, () => Promise<unknown>> = {
  submit: () => benchSubmit(),
  cpis: () => benchCpis(),
  import: () => benchImport(),
  mail: () => benchMail(),
  overview: () => benchOverview(),
  sqld: () => benchSqld(),
  client: () => benchClient(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(suites);
console.log(
  `CPI Lens benchmarks — ${new Date().toISOString()} — Node ${process.version}, ${(await import('node:os')).cpus().length} cores`,
);
for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown benchmark "${name}" (have: ${Object.keys(suites).join(', ')})`);
    process.exitCode = 2;
    continue;
  }
  await suite();
}
