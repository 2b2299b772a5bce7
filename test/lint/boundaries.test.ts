/**
 * The import-boundary check (scripts/check-boundaries.ts, run by `npm run lint`): a fixture
 * tree with one deliberate bad import per rule (and allowed imports beside them) is reported
 * line by line, the command exits 1 on it, and the repository itself is clean.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBoundaries } from '../../scripts/check-boundaries';

const REPO = new URL('../..', import.meta.url).pathname;

const FIXTURE: Record<string, string> = {
  // views → db: types only.
  'views/bad-db.tsx': "import type { X } from '../db/schema';\nimport { getThing } from '../db/queries/things';\n",
  'views/bad-db-side-effect.ts': "import '../db/client';\n",
  'views/ok-db-types.tsx': "import type { X } from '../db/schema';\nimport { type Y } from '../db/queries/things';\n",
  // views → routes: never, not even a type.
  'views/pages/bad-route.tsx': "import type { ViewModel } from '../../src/routes/admin/model';\n",
  'views/bad-route-reexport.ts': "export { model } from '../src/routes/model';\n",
  'views/ok-domain.tsx': "import { rule } from '../src/domain/rules';\n",
  // src/stats → only src/stats, its libraries and node: built-ins.
  'src/stats/bad.ts': [
    "import { parse } from '../lib/period';",
    "import { z } from 'zod';",
    "import { Matrix } from 'ml-matrix';",
    "import { mean } from 'simple-statistics';",
    "import cdf from '@stdlib/stats-base-dists-normal-cdf';",
    "import { join } from 'node:path';",
    "import { other } from './other';",
    "export const later = () => import('../domain/rules');",
    '',
  ].join('\n'),
  'src/stats/ok-type.ts': "import type { Period } from '../lib/period';\n",
  // db → routes never at run time, db → domain never at run time; the demo builder is exempt.
  'db/queries/bad.ts': [
    "import type { TeamScope } from '../../src/domain/access';",
    "import { decide } from '../../src/domain/rules';",
    "import { handler } from '../../src/routes/things';",
    "import { DAY } from '../../src/lib/days';",
    "import type { Query } from '../../src/routes/query';",
    '',
  ].join('\n'),
  // src/domain → no SQL of its own.
  'src/domain/bad.ts':
    "import { eq } from 'drizzle-orm';\nimport type { SQL } from 'drizzle-orm';\nimport { getThing } from '../../db/queries/things';\n",
  'db/demo.ts': "import { decide } from '../src/domain/rules';\n",
  'db/demo/load.ts': "import { queue } from '../../src/domain/invitations';\n",
  'db/demography.ts': "import { decide } from '../src/domain/rules';\n",
};

describe('import boundaries (scripts/check-boundaries.ts)', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'cpi-lens-boundaries-'));
    for (const [file, code] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), code);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports each deliberate bad import of the fixture tree, and nothing else', () => {
    const found = checkBoundaries(root)
      .map((v) => `${v.file}:${v.line} ${v.source} — ${v.rule}`)
      .sort();
    expect(found).toEqual(
      [
        'views/bad-db.tsx:2 ../db/queries/things — views must not import db at run time',
        'views/bad-db-side-effect.ts:1 ../db/client — views must not import db at run time',
        'views/pages/bad-route.tsx:1 ../../src/routes/admin/model — views must not import routes',
        'views/bad-route-reexport.ts:1 ../src/routes/model — views must not import routes',
        'src/stats/bad.ts:1 ../lib/period — src/stats imports only src/stats and its libraries',
        'src/stats/bad.ts:2 zod — src/stats imports only src/stats and its libraries',
        'src/stats/bad.ts:8 ../domain/rules — src/stats imports only src/stats and its libraries',
        'db/queries/bad.ts:2 ../../src/domain/rules — db must not import the domain at run time',
        'db/queries/bad.ts:3 ../../src/routes/things — db must not import routes',
        'db/queries/bad.ts:5 ../../src/routes/query — db must not import routes',
        'src/domain/bad.ts:1 drizzle-orm — src/domain runs no SQL: no drizzle-orm or libSQL client at run time',
        'db/demography.ts:1 ../src/domain/rules — db must not import the domain at run time',
      ].sort(),
    );
  });

  it('fails the command (exit 1, one line per bad import) on the fixture tree', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-boundaries.ts', root], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('import boundaries: 12 violation(s)');
    expect(run.stderr.trim().split('\n')).toHaveLength(12);
    expect(run.stderr).toContain(
      'views/pages/bad-route.tsx:1: imports ../../src/routes/admin/model — views must not import routes',
    );
  });

  it('finds the repository clean', () => {
    expect(checkBoundaries(REPO)).toEqual([]);
  });
});
