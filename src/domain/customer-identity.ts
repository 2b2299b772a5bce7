/**
 * Who may see who a customer is. Identity — e-mail, name, company, the CRM's id for the
 * interaction, the exact time — reaches a lead or a trainer only where the customer agreed to
 * be contacted; admins (who run the data) and integrations (an API key: the CRM behind it
 * holds these records already) see it always. A webhook receiver is told it only where the
 * customer consented: its URL may lead anywhere an admin pointed it. This predicate is the only place that decides;
 * every page, fragment and export asks it.
 */
import type { Role } from '../../db/schema';

export type IdentityViewer = { kind: 'staff'; role: Role } | { kind: 'integration' } | { kind: 'webhook' };

export const staffViewer = (user: { role: Role }): IdentityViewer => ({ kind: 'staff', role: user.role });

export function maySeeCustomerIdentity(viewer: IdentityViewer, consented: boolean): boolean {
  return consented || viewer.kind === 'integration' || (viewer.kind === 'staff' && viewer.role === 'admin');
}

/** Row-level exports and pages for anyone else follow the minimum-n rules per rep (src/domain/exports.ts). */
export const seesEveryRow = (viewer: IdentityViewer): boolean =>
  viewer.kind === 'integration' || (viewer.kind === 'staff' && viewer.role === 'admin');

/** An instant shown without identity: its calendar day (UTC) only. */
export { isoDay as dayOnly } from '../lib/days';
