/** `npx tsx test/access/update-readme.ts`: writes the access matrix into README.md between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { matrixMarkdown } from './matrix';

const README = new URL('../../README.md', import.meta.url);
const START = '<!-- access-matrix:start -->';
const END = '<!-- access-matrix:end -->';

export function readmeWithMatrix(readme: string): string {
  const body = matrixMarkdown().replace(/^# Access matrix\n+/, '');
  const section = `${START}\n${body.trim()}\n${END}`;
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  return a >= 0 && b > a
    ? `${readme.slice(0, a)}${section}${readme.slice(b + END.length)}`
    : `${readme.trimEnd()}\n\n## Access matrix\n\n${section}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(README, readmeWithMatrix(readFileSync(README, 'utf8')));
  console.log('README.md: access matrix updated');
}
