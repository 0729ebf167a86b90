/**
 * Why a message failed or is waiting: a stable code stored with the delivery (server) and shown in words (web).
 * Statuses stay GOV.UK Notify's (announcements schema); the reason says what a person can do about it.
 */
export const DeliveryReason = {
  /** The channel's provider has no account configured: nothing was sent. Worth retrying once it is. */
  NOT_CONFIGURED: 'NOT_CONFIGURED',
  /** The provider refused the number or address for good (unknown number, no such mailbox). */
  REFUSED: 'REFUSED',
  /** The recipient unsubscribed, or the address will never work again (a dropped browser subscription). */
  UNSUBSCRIBED: 'UNSUBSCRIBED',
  /** The announcement expired before the message could go. */
  EXPIRED: 'EXPIRED',
  /** The provider accepted it, then reported it undeliverable (phone off for days, out of coverage). */
  UNDELIVERABLE: 'UNDELIVERABLE',
  /** The provider failed (an outage, a timeout): retried with backoff, failed after five attempts. */
  PROVIDER_ERROR: 'PROVIDER_ERROR',
  /** Waiting out the night (21:00–07:00): a non-urgent message goes at 07:00. */
  QUIET_HOURS: 'QUIET_HOURS',
  /** Waiting: the channel used up its daily limit; it goes when the next day's allowance opens. */
  DAILY_LIMIT: 'DAILY_LIMIT',
} as const;
export type DeliveryReason = (typeof DeliveryReason)[keyof typeof DeliveryReason];
export const deliveryReasons = Object.values(DeliveryReason);

/** Reasons a retry cannot change: the address or the announcement itself is the problem. */
export const permanentReasons: readonly DeliveryReason[] = [
  DeliveryReason.REFUSED,
  DeliveryReason.UNSUBSCRIBED,
  DeliveryReason.EXPIRED,
];

/** How the delivery views group statuses: waiting to go, with the provider, arrived, failed for good. */
export const DeliveryState = { QUEUED: 'queued', SENT: 'sent', DELIVERED: 'delivered', FAILED: 'failed' } as const;
export type DeliveryState = (typeof DeliveryState)[keyof typeof DeliveryState];
export const deliveryStates = Object.values(DeliveryState);

/** The stored statuses each state covers. */
export const statusesOf: Record<DeliveryState, readonly string[]> = {
  queued: ['created', 'temporary-failure'],
  sent: ['sending'],
  delivered: ['delivered'],
  failed: ['permanent-failure', 'technical-failure'],
};

/**
 * Default price of one message, in đồng, for the reminder's cost estimate when the channel's row sets none. Estimates
 * only: a brand-name SMS costs about 700–1,000 đ per 160-character segment (Vietnamese text with accents: 70), a ZNS
 * message about 200–400 đ; the contract's price goes in the channel's row (PUT /api/channels/limits/{channel}).
 */
export const defaultMessagePrice: Record<string, number> = { SMS: 850, ZNS: 300, ZALO: 0, EMAIL: 0, PUSH: 0 };
