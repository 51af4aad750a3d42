import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { assignmentIndexes, indexKey, keys, partitions } from './keys.ts';
import { queryAll } from './query.ts';

/**
 * Who covers which facility. One item per (user, facility): in the user's partition (facilities of a
 * user, and the GetItem behind every scope check) and, through `assignmentIndexes.byFacility`, in the
 * facility's (its users).
 */
export type Assignment = {
  user_id: string;
  facility_id: string;
  assigned_at: string;
  assigned_by: string;
};

export const assignmentItem = (a: Assignment) => ({
  ...keys.assignment(a.user_id, a.facility_id),
  entity: 'assignment',
  ...indexKey(assignmentIndexes.byFacility, partitions.usersOfFacility(a.facility_id), a.user_id),
  ...a,
});

/** Facilities of a user: a key-bounded Query on the user's partition. */
export const assignmentsOfUser = async (userId: string): Promise<Assignment[]> =>
  (await queryAll({ partition: keys.user(userId).pk, range: { beginsWith: keys.assignmentPrefix } }))
    .items as Assignment[];

/** Users of a facility: a key-bounded Query on their index. */
export const assignmentsOfFacility = async (facilityId: string): Promise<Assignment[]> =>
  (await queryAll({ index: assignmentIndexes.byFacility, partition: partitions.usersOfFacility(facilityId) }))
    .items as Assignment[];

export const isAssigned = async (userId: string, facilityId: string): Promise<boolean> => {
  const { Item } = await ddb().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.assignment(userId, facilityId),
      ProjectionExpression: 'pk',
    }),
  );
  return Boolean(Item);
};

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
