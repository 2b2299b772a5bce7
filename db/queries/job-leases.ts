import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';

/** Takes (or renews) the lease on a job; false while another holder's lease runs. Shared by all instances. */
export async function tryLease(
  tx: Drizzle,
  name: string,
  holder: string,
  now: number,
  ttlMs: number,
): Promise<boolean> {
  const result = await tx.run(sql`
    INSERT INTO job_leases (name, holder, expires_at) VALUES (${name}, ${holder}, ${now + ttlMs})
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
    WHERE job_leases.expires_at < ${now} OR job_leases.holder = excluded.holder`);
  return result.rowsAffected === 1;
}
