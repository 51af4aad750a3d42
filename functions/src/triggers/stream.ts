import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#logger';

/**
 * The middy stack for DynamoDB stream consumers: records are handled one by one and the ones that
 * fail are reported back (ReportBatchItemFailures), so only they are retried — in order, bounded,
 * then sent to the on-failure queue.
 */
export const streamFunction = (handleRecord: (record: DynamoDBRecord) => Promise<void>) =>
  middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      if (batchItemFailures.length) {
        // After a failure, later records of the shard must wait for it to be retried.
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
        continue;
      }
      try {
        await handleRecord(record);
      } catch (error) {
        logger.error('stream record failed', {
          error: error as Error,
          sequence: record.dynamodb?.SequenceNumber,
        });
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      }
    }
    return { batchItemFailures };
  });
