import { DeleteCommand, PutCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import type { Item } from './query.ts';

/** A failed condition is an answer here ("someone was first"), not an error. */
const appliedUnlessConditionFailed = async (write: () => Promise<unknown>) => {
  try {
    await write();
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/**
 * Writes the item unless one with its key exists: true when this call wrote it. What makes "only the
 * first delivery of an event" or "only the first run today" act, without a read before the write.
 */
export const putIfAbsent = (item: Item) =>
  appliedUnlessConditionFailed(() =>
    ddb().send(
      new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
    ),
  );

type Update = Pick<
  UpdateCommandInput,
  'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;

/** Applies the update only while its condition holds: true when it applied. */
export const updateIf = (key: Record<string, string>, update: Update & { ConditionExpression: string }) =>
  appliedUnlessConditionFailed(() =>
    ddb().send(new UpdateCommand({ TableName: tableName(), Key: key, ...update })),
  );

/** An unconditional update (e.g. giving a claim back). */
export const updateItem = (key: Record<string, string>, update: Update) =>
  ddb().send(new UpdateCommand({ TableName: tableName(), Key: key, ...update }));

/** Removes an item (e.g. a claim marker, so a later run may try again). */
export const deleteItem = (key: Record<string, string>) =>
  ddb().send(new DeleteCommand({ TableName: tableName(), Key: key }));
