import { randomUUID } from 'node:crypto';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from 'aws-lambda';
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

/** A committed event as the outbox holds it; `id` is consumers' idempotency key. */
export type StoredEvent = { id: string; detailType: string; detail: Record<string, unknown>; time: string };

/** The outbox event a stream record's new image holds, or null when the item is something else. */
export const outboxEventOf = (image: Record<string, AttributeValue>): StoredEvent | null => {
  const item = unmarshall(image as Record<string, SdkAttributeValue>) as {
    entity?: string;
    id: string;
    detail_type: string;
    detail: Record<string, unknown>;
    time: string;
  };
  if (item.entity !== 'event') return null;
  return { id: item.id, detailType: item.detail_type, detail: item.detail, time: item.time };
};
