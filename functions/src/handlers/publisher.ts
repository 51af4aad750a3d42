import type { AttributeValue } from 'aws-lambda';
import { publishEvent } from '#adapters/bus';
import { outboxEventOf } from '#data/outbox';
import { streamFunction } from '#triggers/stream';

/**
 * The outbox relay: each outbox item the table's stream carries (only INSERTs of `entity = event`
 * reach us, by the event source mapping's filter) becomes one event on the bus. It runs after the
 * write committed, and retries until the bus accepts it, so no committed change loses its event.
 * The outbox item's id is the event's idempotency key for consumers.
 */
export const handler = streamFunction(async (record) => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return;
  const event = outboxEventOf(image as Record<string, AttributeValue>);
  if (event) await publishEvent(event);
});
