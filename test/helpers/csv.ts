/** CSV files for the import tests. */

export const INTERACTIONS_HEADER =
  'externalId,repEmail,customerEmail,customerName,customerLocale,customerCompany,type,occurredAt,quoteRequestedAt,quoteDeliveredAt,contentIds';

export interface InteractionsCsvOptions {
  /** The physical line (1 = header) whose occurredAt is `badDate`. */
  badDateAtLine?: number;
  badDate?: string;
  /** The physical line whose customerName holds a quoted line break (the row then spans two lines). */
  quotedNewlineAtLine?: number;
  eol?: string;
  bom?: boolean;
  /** externalId prefix (default "h"). */
  prefix?: string;
}

/** An interactions CSV for rep ana@acme.test, all in 2025 (historical: past the expiry, so nothing is mailed). */
export function interactionsCsv(rows: number, options: InteractionsCsvOptions = {}): string {
  const eol = options.eol ?? '\n';
  const lines = [INTERACTIONS_HEADER];
  let line = 2;
  for (let i = 0; i < rows; i++) {
    const date =
      line === options.badDateAtLine
        ? (options.badDate ?? '2025-02-30T10:00:00Z')
        : `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`;
    const name = line === options.quotedNewlineAtLine ? `"Smith,${eol}Jr."` : `Name ${i}`;
    lines.push(`${options.prefix ?? 'h'}-${i},ana@acme.test,c${i}@x.test,${name},es,Acme,call,${date},,,deck-a;deck-b`);
    line += line === options.quotedNewlineAtLine ? 2 : 1;
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
}
