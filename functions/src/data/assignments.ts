import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { keys, partitions } from './keys.ts';

/**
 * Who covers which facility. One item per (user, facility): in the user's partition (facilities of a
 * user, and the GetItem behind every scope check) and, through gsi1, in the facility's (its users).
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
  gsi1pk: partitions.usersOfFacility(a.facility_id),
  gsi1sk: a.user_id,
  ...a,
});

const queryAll = async (input: ConstructorParameters<typeof QueryCommand>[0]) => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await ddb().send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
};

/** Facilities of a user: a key-bounded Query on the user's partition. */
export const assignmentsOfUser = async (userId: string): Promise<Assignment[]> =>
  (await queryAll({
    TableName: tableName(),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.user(userId).pk, ':prefix': keys.assignmentPrefix },
  })) as Assignment[];

/** Users of a facility: a key-bounded Query on gsi1. */
export const assignmentsOfFacility = async (facilityId: string): Promise<Assignment[]> =>
  (await queryAll({
    TableName: tableName(),
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': partitions.usersOfFacility(facilityId) },
  })) as Assignment[];

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
