import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, invitations, suppressionList, type Locale } from '../schema';

export interface CustomerFields {
  email: string;
  name: string | null;
  locale: Locale;
  company: string | null;
}

/** Inserts new customers and refreshes name, locale and company of known ones; returns them by email. */
export async function upsertCustomers(tx: Drizzle, list: CustomerFields[], now: number) {
  const byEmail = new Map(list.map((c) => [c.email, c]));
  const unique = [...byEmail.values()];
  for (let i = 0; i < unique.length; i += 200) {
    await tx
      .insert(customers)
      .values(unique.slice(i, i + 200).map((c) => ({ ...c, createdAt: now })))
      .onConflictDoUpdate({
        target: customers.email,
        set: { name: sql`coalesce(excluded.name, ${customers.name})`, locale: sql`excluded.locale`, company: sql`coalesce(excluded.company, ${customers.company})` },
      });
  }
  return getCustomersByEmail(tx, [...byEmail.keys()]);
}

export async function getCustomersByEmail(db: Drizzle, emails: string[]) {
  const out = new Map<string, typeof customers.$inferSelect>();
  for (let i = 0; i < emails.length; i += 500) {
    const rows = await db.select().from(customers).where(inArray(customers.email, emails.slice(i, i + 500)));
    for (const r of rows) out.set(r.email, r);
  }
  return out;
}

export async function getSuppressedHashes(db: Drizzle, hashes: string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < hashes.length; i += 500) {
    const rows = await db.select({ h: suppressionList.emailHash }).from(suppressionList).where(inArray(suppressionList.emailHash, hashes.slice(i, i + 500)));
    for (const r of rows) out.add(r.h);
  }
  return out;
}

/** Send times of each customer's invitations that were not cancelled (the fatigue window looks at them). */
export async function getInvitationSendTimes(db: Drizzle, customerIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .select({ customerId: invitations.customerId, sendAt: invitations.sendAt })
      .from(invitations)
      .where(and(inArray(invitations.customerId, customerIds.slice(i, i + 500)), ne(invitations.status, 'cancelled')));
    for (const r of rows) if (r.customerId !== null) out.set(r.customerId, [...(out.get(r.customerId) ?? []), r.sendAt]);
  }
  return out;
}

export async function optOutCustomer(tx: Drizzle, customerId: number, emailHash: string, now: number) {
  await tx.update(customers).set({ optedOutAt: now }).where(and(eq(customers.id, customerId), sql`${customers.optedOutAt} IS NULL`));
  await tx.insert(suppressionList).values({ emailHash, createdAt: now }).onConflictDoNothing();
}
