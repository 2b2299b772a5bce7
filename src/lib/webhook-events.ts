/** The events a webhook endpoint can subscribe to (README, "Webhooks"). */
export const WEBHOOK_EVENTS = [
  'response.submitted',
  'response.low_score_with_consent',
  'invitation.bounced',
  'import.finished',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'dead'] as const;
