import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readmeWithMatrix } from './update-readme';

describe('README', () => {
  it('shows the access matrix the tests enforce (npx tsx test/access/update-readme.ts refreshes it)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    expect(readmeWithMatrix(readme)).toBe(readme);
  });
});
