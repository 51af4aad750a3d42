import { randomUUID } from 'node:crypto';
import { keys } from './keys.ts';

export type OutboxEvent = { detailType: string; detail: Record<string, unknown> };

/** Kept a day: long enough for the stream to carry it to the bus, short enough not to pile up. */
const OUTBOX_TTL_SECONDS = 24 * 60 * 60;

/**
 * A domain event written in the same transaction as the change it reports. The table's stream
 * carries it to the bus after the commit — so an event exists exactly when its write committed.
 */
export const outboxItem = (event: OutboxEvent, at: Date) => {
  const id = randomUUID();
  return {
    ...keys.outboxEvent(id),
    entity: 'event',
    id,
    detail_type: event.detailType,
    detail: event.detail,
    time: at.toISOString(),
    expires_at: Math.floor(at.getTime() / 1000) + OUTBOX_TTL_SECONDS,
  };
};
