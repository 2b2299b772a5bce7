/**
 * The import boundaries of the layout (docs/architecture.md, "Import boundaries"), checked on
 * every source file under src/, views/ and db/:
 * - views never import db at run time (types from db are fine: views are pure functions of props);
 * - views never import routes, not even a type (a view model a view needs lives in the domain or
 *   in views);
 * - src/stats imports nothing outside src/stats (pure statistics, numbers in and out) but its
 *   libraries;
 * - db never imports routes, not even a type, nor the domain at run time (types are fine:
 *   queries take the domain's TeamScope). The demo workspace builder (db/demo.ts, db/demo/) is a program that
 *   drives the domain to write a workspace, as src/cli.ts does, and is exempt.
 * - src/domain runs no SQL itself: no drizzle-orm or libSQL client at run time (queries live
 *   in db/queries).
 * Imports are read with oxc-parser, so `import type` and `import { type X }` are told apart
 * from imports that run. `npm run lint` runs it; it exits 1 and names each bad import.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'oxc-parser';

export interface Violation {
  file: string;
  line: number;
  source: string;
  rule: string;
}

interface Rule {
  name: string;
  /** Files the rule applies to (repository-relative, posix). */
  from: RegExp;
  /** Files under `from` the rule leaves alone. */
  except?: RegExp;
  /** Type-only imports count too (otherwise only imports that run). */
  types?: boolean;
  /** An import of a target matching this is a violation (relative imports resolved to repository paths). */
  forbids: (target: string, specifier: string) => boolean;
}

const STATS_LIBRARIES = /^(ml-matrix|simple-statistics|@stdlib\/)/;

export const RULES: Rule[] = [
  { name: 'views must not import db at run time', from: /^views\//, forbids: (target) => target.startsWith('db/') },
  {
    name: 'views must not import routes',
    from: /^views\//,
    types: true,
    forbids: (target) => target.startsWith('src/routes/'),
  },
  {
    name: 'src/stats imports only src/stats and its libraries',
    from: /^src\/stats\//,
    forbids: (target, specifier) =>
      specifier.startsWith('.')
        ? !target.startsWith('src/stats/')
        : !STATS_LIBRARIES.test(specifier) && !specifier.startsWith('node:'),
  },
  {
    name: 'db must not import routes',
    from: /^db\//,
    types: true,
    forbids: (target) => target.startsWith('src/routes/'),
  },
  {
    name: 'src/domain runs no SQL: no drizzle-orm or libSQL client at run time',
    from: /^src\/domain\//,
    forbids: (_target, specifier) => /^(drizzle-orm|@libsql\/|libsql$)/.test(specifier),
  },
  {
    name: 'db must not import the domain at run time',
    from: /^db\//,
    except: /^db\/demo(\.ts$|\/)/,
    forbids: (target) => target.startsWith('src/domain/'),
  },
];

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sourceFiles(root, path) : SOURCE.test(name) ? [path] : [];
  });
}

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

/** Every import of one file: static imports and re-exports (`typeOnly` when nothing of it runs), dynamic imports. */
function importsOf(file: string, code: string): { specifier: string; line: number; typeOnly: boolean }[] {
  const { module } = parseSync(file, code);
  const found: { specifier: string; line: number; typeOnly: boolean }[] = [];
  for (const i of module.staticImports) {
    // No entries: a side-effect import, which runs.
    const typeOnly = i.entries.length > 0 && i.entries.every((e) => e.isType);
    found.push({ specifier: i.moduleRequest.value, line: lineOf(code, i.start), typeOnly });
  }
  for (const e of module.staticExports) {
    for (const entry of e.entries)
      if (entry.moduleRequest)
        found.push({ specifier: entry.moduleRequest.value, line: lineOf(code, e.start), typeOnly: entry.isType });
  }
  for (const d of module.dynamicImports) {
    const text = code.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^['"`]|['"`]$/g, '');
    found.push({ specifier: text, line: lineOf(code, d.start), typeOnly: false });
  }
  return found;
}

export function checkBoundaries(root: string, dirs = ['src', 'views', 'db']): Violation[] {
  const violations: Violation[] = [];
  for (const file of dirs.flatMap((dir) => sourceFiles(root, dir)).map((f) => f.split('\\').join('/'))) {
    const rules = RULES.filter((r) => r.from.test(file) && !r.except?.test(file));
    if (rules.length === 0) continue;
    const code = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line, typeOnly } of importsOf(file, code)) {
      const target = specifier.startsWith('.')
        ? relative(root, resolve(root, dirname(file), specifier))
            .split('\\')
            .join('/')
        : specifier;
      for (const rule of rules)
        if ((rule.types || !typeOnly) && rule.forbids(target, specifier))
          violations.push({ file, line, source: specifier, rule: rule.name });
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  // The repository, or another tree given as the first argument (test/lint/boundaries.test.ts).
  const root = process.argv[2] ? resolve(process.argv[2]) : resolve(dirname(new URL(import.meta.url).pathname), '..');
  const violations = checkBoundaries(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: imports ${v.source} — ${v.rule}`);
  console.log(
    violations.length === 0 ? 'import boundaries: ok' : `import boundaries: ${violations.length} violation(s)`,
  );
  process.exitCode = violations.length === 0 ? 0 : 1;
}
