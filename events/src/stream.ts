/**
 * Which table-stream records reach the outbox relay: only inserts of outbox items. CDK puts this on
 * the event source mapping; the local stream poller applies the same filter.
 */
export const outboxStreamFilter = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { entity: { S: ['event'] } } },
};
