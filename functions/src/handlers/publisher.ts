import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { EVENT_SOURCE } from '@dml/events';
import type { AttributeValue } from 'aws-lambda';
import { env } from '../env.ts';
import { streamFunction } from '../triggers/stream.ts';

let client: EventBridgeClient | undefined;

/**
 * The outbox relay: each outbox item the table's stream carries (only INSERTs of `entity = event`
 * reach us, by the event source mapping's filter) becomes one event on the bus. It runs after the
 * write committed, and retries until the bus accepts it, so no committed change loses its event.
 * The outbox item's id is the event's idempotency key for consumers.
 */
export const handler = streamFunction(async (record) => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return;
  const item = unmarshall(image as Record<string, AttributeValue> as never) as {
    entity?: string;
    id: string;
    detail_type: string;
    detail: Record<string, unknown>;
    time: string;
  };
  if (item.entity !== 'event') return;
  client ??= new EventBridgeClient({});
  const result = await client.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: env('eventBusName'),
          Source: EVENT_SOURCE,
          DetailType: item.detail_type,
          Detail: JSON.stringify({ ...item.detail, event_id: item.id }),
          Time: new Date(item.time),
        },
      ],
    }),
  );
  if (result.FailedEntryCount) throw new Error(`bus refused the event: ${result.Entries?.[0]?.ErrorMessage}`);
});
