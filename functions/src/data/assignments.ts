import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { keys } from './keys.ts';

/** Facilities of a user, counted with a key-bounded Query on the user's partition. */
export const countAssignedFacilities = async (userId: string): Promise<number> => {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await ddb().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.user(userId).pk, ':prefix': keys.assignmentPrefix },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += result.Count ?? 0;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return count;
};
