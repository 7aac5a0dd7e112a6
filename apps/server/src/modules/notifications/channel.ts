/** Channel the outbox NOTIFYs after writing notifications; the payload is the recipient's user id. */
export const NOTIFICATIONS_CHANNEL = 'linli_notifications';
