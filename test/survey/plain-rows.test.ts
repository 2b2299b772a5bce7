// The plain-row check of interactions CSV rows (CSV_FORMATS.interactions.plain, used by
// the CLI's history import instead of zod) never accepts what the schema refuses, and
// gives exactly the schema's output for what it accepts — on generated rows full of
// blanks, padding, capitals, bad dates, bad addresses, long texts and repeated ids.
import { describe, expect, it } from 'vitest';
import { CSV_FORMATS } from '../../src/domain/imports/formats';
import { mulberry32 } from '../../src/stats/prng';

const format = CSV_FORMATS.interactions;

const CHOICES: Record<string, string[]> = {
  externalId: ['crm-1', ' crm-2 ', '', '   ', 'x'.repeat(200), 'y'.repeat(201), 'ñandú-7'],
  repEmail: ['ana@acme.test', ' Ana@Acme.TEST ', 'ana@acme', 'ana@acme.test\n', '', `${'a'.repeat(250)}@acme.test`],
  customerEmail: ['c1@x.test', 'C2@X.test  ', 'not-an-email', ' ', 'c3@x.test\r'],
  customerName: ['', '  ', 'Zoë', ' Padded ', 'n'.repeat(200), 'n'.repeat(201), '=cmd()'],
  customerLocale: ['', 'es', ' DE ', 'fr', 'EN', '  '],
  customerCompany: ['', 'Acme', ' Acme ', 'c'.repeat(201)],
  type: ['call', ' Meeting ', 'DEMO', 'lunch', '', 'quote', 'support'],
  occurredAt: [
    '2025-06-01T10:00:00Z',
    ' 2025-06-01T10:00:00+02:00 ',
    '2025-02-30T10:00:00Z',
    '2025-06-01',
    '1989-12-31T23:59:59Z',
    '2100-01-01T00:00:00Z',
    '',
    'yesterday',
    '2024-02-29T00:00:00.123Z',
  ],
  quoteRequestedAt: ['', ' ', '2025-06-01T10:00:00Z', '2025-13-01T10:00:00Z'],
  quoteDeliveredAt: ['', '2025-06-02T10:00:00-0500', 'soon'],
  contentIds: [
    '',
    'deck-a',
    'deck-a;deck-b',
    ' deck-a ; deck-a ;; ',
    ';;',
    Array.from({ length: 51 }, (_, i) => `d${i}`).join(';'),
    `${'z'.repeat(201)}`,
    Array.from({ length: 50 }, (_, i) => `d${i % 7}`).join(';'),
  ],
};

describe('plain interactions rows', () => {
  it('accept only what the schema accepts, with the same output', () => {
    const random = mulberry32(11);
    let plain = 0;
    let refusedByBoth = 0;
    for (let n = 0; n < 20_000; n++) {
      // Each column mostly plain (its first choice), otherwise any of its awkward ones.
      const values = Object.fromEntries(
        Object.entries(CHOICES).map(([column, options]) => [
          column,
          options[random() < 0.75 ? 0 : Math.floor(random() * options.length)]!,
        ]),
      );
      const fast = format.plain!(values);
      const parsed = format.schema.safeParse(format.toInput(values));
      if (fast === undefined) {
        if (!parsed.success) refusedByBoth++;
        continue;
      }
      plain++;
      expect(parsed.success, JSON.stringify(values)).toBe(true);
      expect(fast, JSON.stringify(values)).toEqual(parsed.data);
    }
    // Both outcomes are common in the generated rows, so neither side of the check is vacuous.
    expect(plain).toBeGreaterThan(2000);
    expect(refusedByBoth).toBeGreaterThan(2000);
  });

  it('takes the rows of a usual CRM export', () => {
    const values = {
      externalId: 'crm-1',
      repEmail: 'ana@acme.test',
      customerEmail: 'c1@x.test',
      customerName: 'Zoë',
      customerLocale: 'es',
      customerCompany: 'Acme',
      type: 'quote',
      occurredAt: '2025-06-01T10:00:00Z',
      quoteRequestedAt: '2025-06-01T10:00:00Z',
      quoteDeliveredAt: '2025-06-02T10:00:00Z',
      contentIds: 'deck-a;deck-b',
    };
    expect(format.plain!(values)).toEqual(format.schema.parse(format.toInput(values)));
  });
});
