/** The events a webhook endpoint can subscribe to (README, "Webhooks"). */
export const WEBHOOK_EVENTS = [
  'response.submitted',
  'response.low_score_with_consent',
  'invitation.bounced',
  'import.finished',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The events a survey submit can queue: a submit with a listener for one is written interactively (src/domain/survey.ts). */
export const RESPONSE_EVENTS = [
  'response.submitted',
  'response.low_score_with_consent',
] as const satisfies readonly WebhookEvent[];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
