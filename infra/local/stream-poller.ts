import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { outboxStreamFilter } from '@dml/events';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { matchesPattern } from './event-pattern.ts';

type Checkpoints = Record<string, string>;

/**
 * The local stand-in for the Lambda event source mapping on the table's stream: polls DynamoDB Local's
 * stream, keeps only the records the mapping's filter lets through (outbox inserts), hands them to the
 * consumer in the Lambda event shape, and retries from the first failed record, as
 * ReportBatchItemFailures does. Positions are checkpointed so a restart neither loses nor replays.
 */
export const startStreamPoller = (options: {
  streamArn: string;
  consume: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;
  checkpointFile?: string;
  intervalMs?: number;
}) => {
  const client = new DynamoDBStreamsClient({});
  const checkpoints: Checkpoints =
    options.checkpointFile && existsSync(options.checkpointFile)
      ? JSON.parse(readFileSync(options.checkpointFile, 'utf8'))
      : {};
  const iterators = new Map<string, string | null>();
  let stopped = false;
  let cycles = 0;
  let lastFailure: unknown;

  const save = () => {
    if (options.checkpointFile) writeFileSync(options.checkpointFile, JSON.stringify(checkpoints));
  };

  const iteratorFor = async (shardId: string) => {
    const known = iterators.get(shardId);
    if (known !== undefined) return known;
    const after = checkpoints[shardId];
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({
        StreamArn: options.streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: 'TRIM_HORIZON' }),
      }),
    );
    iterators.set(shardId, ShardIterator ?? null);
    return ShardIterator ?? null;
  };

  const pollShard = async (shardId: string) => {
    const iterator = await iteratorFor(shardId);
    if (!iterator) return 0;
    const { Records = [], NextShardIterator } = await client.send(
      new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }),
    );
    const wanted = Records.filter((r) => matchesPattern(outboxStreamFilter as never, r as never));
    if (wanted.length) {
      const result = await options.consume({ Records: wanted as unknown as DynamoDBStreamEvent['Records'] });
      const failed = result?.batchItemFailures?.[0]?.itemIdentifier;
      if (failed) {
        // Retry from the first failure on the next cycle; records before it are done.
        const done = wanted.slice(
          0,
          wanted.findIndex((r) => r.dynamodb?.SequenceNumber === failed),
        );
        const last = done.at(-1)?.dynamodb?.SequenceNumber;
        if (last) checkpoints[shardId] = last;
        iterators.delete(shardId);
        save();
        throw new Error(`stream consumer failed at ${failed}`);
      }
    }
    const lastSeen: _Record | undefined = Records.at(-1);
    if (lastSeen?.dynamodb?.SequenceNumber) {
      checkpoints[shardId] = lastSeen.dynamodb.SequenceNumber;
      save();
    }
    iterators.set(shardId, NextShardIterator ?? null);
    return Records.length;
  };

  const cycle = async () => {
    const { StreamDescription } = await client.send(
      new DescribeStreamCommand({ StreamArn: options.streamArn }),
    );
    let seen = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      if (shard.ShardId) seen += await pollShard(shard.ShardId);
    }
    return seen;
  };

  const loop = (async () => {
    while (!stopped) {
      let seen = 0;
      try {
        seen = await cycle();
        lastFailure = undefined;
      } catch (error) {
        if (!stopped && String(error) !== String(lastFailure))
          console.error('[stream]', error instanceof Error ? error.message : error);
        lastFailure = error;
      }
      cycles += 1;
      if (seen === 0) await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 150));
    }
  })();

  return {
    /** Resolves once a full poll cycle has passed after the call (everything written before it is handled). */
    caughtUp: async () => {
      const target = cycles + 2;
      while (cycles < target && !stopped) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    stop: async () => {
      stopped = true;
      await loop;
      client.destroy();
    },
  };
};
