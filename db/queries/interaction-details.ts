/** One interaction with its rep, customer and invitation: what staff see after logging it. */
import { eq } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, interactions, invitations, reps, responses } from '../schema';

export async function getInteractionDetail(db: Drizzle, id: number) {
  const [row] = await db
    .select({
      id: interactions.id,
      externalId: interactions.externalId,
      type: interactions.type,
      occurredAt: interactions.occurredAt,
      surveyStatus: interactions.surveyStatus,
      suppressionReason: interactions.suppressionReason,
      repName: reps.name,
      repEmail: reps.email,
      repTeamId: reps.teamId,
      customerEmail: customers.email,
      sendAt: invitations.sendAt,
      expiresAt: invitations.expiresAt,
      contactConsent: responses.contactConsent,
    })
    .from(interactions)
    .innerJoin(reps, eq(reps.id, interactions.repId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .leftJoin(invitations, eq(invitations.interactionId, interactions.id))
    .leftJoin(responses, eq(responses.interactionId, interactions.id))
    .where(eq(interactions.id, id))
    .limit(1);
  return row;
}
