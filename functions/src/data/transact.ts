import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { conflict, type DomainError } from '#domain/errors';
import { type AuditInput, auditItem } from './audit.ts';
import { ddb, tableName } from './client.ts';
import { keys } from './keys.ts';
import { type OutboxEvent, outboxItem } from './outbox.ts';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** One write of a mutation, and what a failed condition on it means to the client. */
export type Write = {
  item: TransactItem;
  onConditionFailed?: () => DomainError | Promise<DomainError>;
};

export type StoredResponse = { status: number; body: unknown };

export type Mutation = {
  writes: Write[];
  /** Exactly one audit entry per mutation, committed with it. */
  audit: AuditInput;
  events?: OutboxEvent[];
  /** Remembers the response of a creating request under its Idempotency-Key, atomically with it. */
  idempotency?: { actorId: string; key: string; requestHash: string; response: StoredResponse };
};

/** Thrown when a concurrent request with the same Idempotency-Key committed first. */
export class IdempotentReplay extends Error {
  constructor(readonly response: StoredResponse) {
    super('idempotent replay');
  }
}

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const MAX_ATTEMPTS = 4;

export const tableItem = <T extends Record<string, unknown>>(
  kind: 'Put' | 'Update' | 'Delete' | 'ConditionCheck',
  body: T,
): TransactItem => ({ [kind]: { TableName: tableName(), ...body } }) as TransactItem;

export const readIdempotencyRecord = async (actorId: string, key: string, now: Date) => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.idempotency(actorId, key), ConsistentRead: true }),
  );
  if (!Item || Number(Item.expires_at) <= Math.floor(now.getTime() / 1000)) return undefined;
  return { requestHash: String(Item.request_hash), response: Item.response as StoredResponse };
};

/**
 * Commits a mutation as one DynamoDB transaction: its writes, its audit entry, its outbox events and
 * its idempotency record. All or nothing. A failed condition becomes the write's own error (409
 * version conflict, duplicate…); contention with another transaction is retried, and a retry then
 * sees the winner's write and fails its condition honestly.
 */
export const commit = async (mutation: Mutation): Promise<void> => {
  const now = mutation.audit.at;
  const writes: Write[] = [
    ...mutation.writes,
    { item: tableItem('Put', { Item: auditItem(mutation.audit) }) },
    ...(mutation.events ?? []).map((event) => ({ item: tableItem('Put', { Item: outboxItem(event, now) }) })),
  ];
  const idempotency = mutation.idempotency;
  if (idempotency) {
    writes.push({
      item: tableItem('Put', {
        Item: {
          ...keys.idempotency(idempotency.actorId, idempotency.key),
          entity: 'idempotency',
          request_hash: idempotency.requestHash,
          response: idempotency.response,
          expires_at: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk) OR expires_at < :now',
        ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
      }),
      onConditionFailed: async () => {
        const record = await readIdempotencyRecord(idempotency.actorId, idempotency.key, now);
        if (record && record.requestHash === idempotency.requestHash)
          throw new IdempotentReplay(record.response);
        return conflict('This Idempotency-Key was already used for a different request.', [
          { path: 'headers.idempotency-key', message: 'was used for a different request' },
        ]);
      },
    });
  }
  if (writes.length > 100) throw new Error(`a transaction holds at most 100 items (got ${writes.length})`);

  for (let attempt = 1; ; attempt++) {
    try {
      await ddb().send(new TransactWriteCommand({ TransactItems: writes.map((w) => w.item) }));
      return;
    } catch (error) {
      if (
        !(error instanceof TransactionCanceledException) &&
        (error as { name?: string }).name !== 'TransactionCanceledException'
      ) {
        throw error;
      }
      const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
      const failed = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const handler = writes[failed]?.onConditionFailed;
        if (!handler) throw new Error(`unexpected failed condition on transaction item ${failed}`);
        throw await handler();
      }
      const contended = reasons.some((r) => r.Code === 'TransactionConflict');
      if (!contended) throw error;
      if (attempt >= MAX_ATTEMPTS)
        throw conflict('Someone else is changing this right now. Please try again.');
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 40));
    }
  }
};
