import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { insertRows, selectIn } from './bulk';
import { customers, invitations, suppressionList, type Locale } from '../schema';

export interface CustomerFields {
  email: string;
  name: string | null;
  locale: Locale;
  company: string | null;
}

/**
 * Inserts new customers and returns them, with the known ones, by email. A known customer's
 * name, company and locale are the customer's own (their language choice on the survey page)
 * or an admin's: they are refreshed only with `refresh` (an admin's CSV import), never by an
 * API key or a staff form.
 */
export async function upsertCustomers(tx: Drizzle, list: CustomerFields[], now: number, options: { refresh: boolean }) {
  const byEmail = new Map(list.map((c) => [c.email, c]));
  const unique = [...byEmail.values()];
  for (let i = 0; i < unique.length; i += 500) {
    await insertRows(
      tx,
      'INSERT INTO customers (email, name, locale, company, created_at)',
      unique.slice(i, i + 500).map((c) => [c.email, c.name, c.locale, c.company, now]),
      options.refresh
        ? 'ON CONFLICT (email) DO UPDATE SET name = coalesce(excluded.name, customers.name), locale = excluded.locale, company = coalesce(excluded.company, customers.company)'
        : 'ON CONFLICT (email) DO NOTHING',
    );
  }
  return getCustomersByEmail(tx, [...byEmail.keys()]);
}

type Customer = typeof customers.$inferSelect;

async function getCustomersByEmail(db: Drizzle, emails: string[]): Promise<Map<string, Customer>> {
  const out = new Map<string, Customer>();
  const rows = await selectIn(
    db,
    'SELECT id, email, name, locale, company, opted_out_at, created_at FROM customers WHERE email',
    emails,
  );
  for (const r of rows) {
    const customer: Customer = {
      id: Number(r.id),
      email: String(r.email),
      name: r.name === null ? null : String(r.name),
      locale: r.locale as Customer['locale'],
      company: r.company === null ? null : String(r.company),
      optedOutAt: r.opted_out_at === null ? null : Number(r.opted_out_at),
      createdAt: Number(r.created_at),
    };
    out.set(customer.email, customer);
  }
  return out;
}

export async function getSuppressedHashes(db: Drizzle, hashes: string[]): Promise<Set<string>> {
  const rows = await selectIn(db, 'SELECT email_hash FROM suppression_list WHERE email_hash', hashes);
  return new Set(rows.map((r) => String(r.email_hash)));
}

/** Send times of each customer's invitations that were not cancelled (the fatigue window looks at them). */
export async function getInvitationSendTimes(db: Drizzle, customerIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < customerIds.length; i += 500) {
    const rows = await db
      .select({ customerId: invitations.customerId, sendAt: invitations.sendAt })
      .from(invitations)
      .where(and(inArray(invitations.customerId, customerIds.slice(i, i + 500)), ne(invitations.status, 'cancelled')));
    for (const r of rows) {
      if (r.customerId === null) continue;
      const times = out.get(r.customerId);
      if (times) times.push(r.sendAt);
      else out.set(r.customerId, [r.sendAt]);
    }
  }
  return out;
}

/** The customer's own language choice (the survey page's language switch). */
export async function setCustomerLocale(tx: Drizzle, customerId: number, locale: Locale) {
  await tx
    .update(customers)
    .set({ locale })
    .where(and(eq(customers.id, customerId), ne(customers.locale, locale)));
}

export async function optOutCustomer(tx: Drizzle, customerId: number, emailHash: string, now: number) {
  await tx
    .update(customers)
    .set({ optedOutAt: now })
    .where(and(eq(customers.id, customerId), sql`${customers.optedOutAt} IS NULL`));
  await tx.insert(suppressionList).values({ emailHash, createdAt: now }).onConflictDoNothing();
}
