import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE } from '@dml/events/source';
import type { StoredEvent } from '#data/outbox';
import { env } from '#env';

let client: EventBridgeClient | undefined;

/** Puts one event on the product's bus (EventBridge in AWS, the local router here); throws if refused. */
export const publishEvent = async (event: StoredEvent) => {
  client ??= new EventBridgeClient({});
  const result = await client.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: env('eventBusName'),
          Source: EVENT_SOURCE,
          DetailType: event.detailType,
          Detail: JSON.stringify({ ...event.detail, event_id: event.id }),
          Time: new Date(event.time),
        },
      ],
    }),
  );
  if (result.FailedEntryCount) throw new Error(`bus refused the event: ${result.Entries?.[0]?.ErrorMessage}`);
};
