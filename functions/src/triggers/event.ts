import { catalog, type DetailType, EVENT_SOURCE } from '@dml/events';
import * as z from '@dml/shared/zod';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from '#logger';

/** The EventBridge envelope as a rule target receives it. */
const Envelope = z.object({
  id: z.string(),
  source: z.literal(EVENT_SOURCE),
  'detail-type': z.string(),
  time: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

export type DomainEvent = { id: string; type: DetailType; time: string; detail: Record<string, unknown> };

/**
 * The middy stack for EventBridge rule targets: logging with the event id, then the envelope and its
 * detail checked against the event catalog. Errors propagate, so EventBridge retries (bounded) and
 * then hands the event to the target's dead-letter queue.
 */
export const eventFunction = <R>(handle: (event: DomainEvent, context: Context) => Promise<R>) =>
  middy<unknown, R>()
    .before((request) => {
      logger.resetKeys();
      const envelope = request.event as { id?: string; 'detail-type'?: string };
      logger.appendKeys({ eventId: envelope.id, detailType: envelope['detail-type'] });
    })
    .handler(async (raw, context) => {
      const envelope = Envelope.parse(raw);
      const type = envelope['detail-type'];
      if (!(type in catalog)) throw new Error(`event type ${type} is not in the catalog`);
      // The outbox relay puts the outbox item's id in the detail: unlike EventBridge's own id it stays
      // the same if the relay has to publish again, so consumers deduplicate on it.
      const { event_id: outboxId, ...body } = envelope.detail;
      const detail = catalog[type as DetailType].parse(body) as Record<string, unknown>;
      const id = typeof outboxId === 'string' ? outboxId : envelope.id;
      logger.appendKeys({ eventId: id });
      return handle({ id, type: type as DetailType, time: envelope.time, detail }, context);
    });
