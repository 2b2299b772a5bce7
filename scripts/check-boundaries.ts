/**
 * The import boundaries of the layout (docs/architecture.md), checked on every source file:
 * - views never import db at run time (types from db are fine: views are pure functions of props);
 * - src/stats imports nothing outside src/stats (pure statistics, numbers in and out) but its
 *   libraries;
 * - db never imports routes.
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
  /** A run-time import of a target matching this is a violation (relative imports resolved to repository paths). */
  forbids: (target: string, specifier: string) => boolean;
}

const STATS_LIBRARIES = /^(ml-matrix|simple-statistics|@stdlib\/)/;

export const RULES: Rule[] = [
  { name: 'views must not import db at run time', from: /^views\//, forbids: (target) => target.startsWith('db/') },
  {
    name: 'src/stats imports only src/stats and its libraries',
    from: /^src\/stats\//,
    forbids: (target, specifier) =>
      specifier.startsWith('.')
        ? !target.startsWith('src/stats/')
        : !STATS_LIBRARIES.test(specifier) && !specifier.startsWith('node:'),
  },
  { name: 'db must not import routes', from: /^db\//, forbids: (target) => target.startsWith('src/routes/') },
];

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sourceFiles(root, path) : SOURCE.test(name) ? [path] : [];
  });
}

const lineOf = (code: string, offset: number) => code.slice(0, offset).split('\n').length;

/** Every run-time import of one file: static imports with a value binding (or none: a side-effect import), re-exports of values, dynamic imports. */
function runtimeImports(file: string, code: string): { specifier: string; line: number }[] {
  const { module } = parseSync(file, code);
  const found: { specifier: string; line: number }[] = [];
  for (const i of module.staticImports) {
    if (i.entries.length === 0 || i.entries.some((e) => !e.isType))
      found.push({ specifier: i.moduleRequest.value, line: lineOf(code, i.start) });
  }
  for (const e of module.staticExports) {
    for (const entry of e.entries)
      if (entry.moduleRequest && !entry.isType)
        found.push({ specifier: entry.moduleRequest.value, line: lineOf(code, e.start) });
  }
  for (const d of module.dynamicImports) {
    const text = code.slice(d.moduleRequest.start, d.moduleRequest.end).replace(/^['"`]|['"`]$/g, '');
    found.push({ specifier: text, line: lineOf(code, d.start) });
  }
  return found;
}

export function checkBoundaries(root: string, dirs = ['src', 'views', 'db']): Violation[] {
  const violations: Violation[] = [];
  for (const file of dirs.flatMap((dir) => sourceFiles(root, dir)).map((f) => f.split('\\').join('/'))) {
    const rules = RULES.filter((r) => r.from.test(file));
    if (rules.length === 0) continue;
    const code = readFileSync(join(root, file), 'utf8');
    for (const { specifier, line } of runtimeImports(file, code)) {
      const target = specifier.startsWith('.')
        ? relative(root, resolve(root, dirname(file), specifier))
            .split('\\')
            .join('/')
        : specifier;
      for (const rule of rules)
        if (rule.forbids(target, specifier)) violations.push({ file, line, source: specifier, rule: rule.name });
    }
  }
  return violations;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
  const violations = checkBoundaries(root);
  for (const v of violations) console.error(`${v.file}:${v.line}: imports ${v.source} — ${v.rule}`);
  console.log(
    violations.length === 0 ? 'import boundaries: ok' : `import boundaries: ${violations.length} violation(s)`,
  );
  process.exitCode = violations.length === 0 ? 0 : 1;
}
