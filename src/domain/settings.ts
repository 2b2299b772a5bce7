/** Org-wide analysis settings, stored as JSON values in `settings`, each with a default. */
import { z } from 'zod';
import type { Drizzle } from '../../db/client';
import { CPI_KEYS } from '../../db/schema';
import { getSettingValues } from '../../db/queries/settings';
import { isTimeZone } from './digest-schedule';

const settingsSchema = z.object({
  /** Minimum responses before any figure of a group is shown (5: docs/statistics.md, "Showing numbers"). */
  minResponses: z.number().int().min(1).max(1000).default(5),
  /** Minimum responses before verbatim comments are shown (10). */
  minComments: z.number().int().min(1).max(1000).default(10),
  /** Quote turnaround SLA in hours (48). */
  slaHours: z.number().positive().max(10_000).default(48),
  /** CPI weights w_c in the gap score (1 each unless an admin weights them). */
  cpiWeights: z.partialRecord(z.enum(CPI_KEYS), z.number().min(0).max(10)).default({}),
  /** Months after which responses are anonymised (null: keep). */
  retentionMonths: z.number().int().min(1).max(600).nullable().default(null),
  /** The organisation's time zone (IANA name): the weekly digest goes out Monday 07:00 there. */
  timeZone: z.string().refine(isTimeZone).default('UTC'),
});
export type Settings = z.infer<typeof settingsSchema>;

/** Stored values over the defaults, key by key: one bad stored value falls back alone. */
export async function getSettings(db: Drizzle): Promise<Settings> {
  const stored = await getSettingValues(db);
  const merged: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!stored.has(key)) continue;
    const parsed = schema.safeParse(stored.get(key));
    if (parsed.success) merged[key] = parsed.data;
  }
  return settingsSchema.parse(merged);
}
