/**
 * The staff strings are spread together from one file per area (src/lib/i18n/staff.ts):
 * a key defined in two files would silently take the later one's text (the first-admin page
 * once showed the setup checklist's title this way).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('../../src/lib/i18n/staff/', import.meta.url));

describe('staff strings', () => {
  it('define each key in one file only', async () => {
    const owner = new Map<string, string>();
    const twice: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const strings = ((await import(`${dir}${file}`)) as { en?: Record<string, string> }).en;
      for (const key of Object.keys(strings ?? {})) {
        if (owner.has(key)) twice.push(`${key} (${owner.get(key)}, ${file})`);
        else owner.set(key, file);
      }
    }
    expect(owner.size).toBeGreaterThan(500);
    expect(twice).toEqual([]);
  });
});
