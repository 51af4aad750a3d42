import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Role, User } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { stripStorage } from './items.ts';
import { byName, fold, indexAttributes, indexKey, keys, partitions, userIndexes } from './keys.ts';
import { type Item, type ListQuery, queryPage } from './query.ts';

/**
 * Users. Access patterns: by id (GetItem), by email (marker GetItem), all / by role / by state
 * ordered by name (`userIndexes`, with a name-prefix key condition for search).
 */
export const userItem = (user: User) => ({
  ...keys.user(user.id),
  entity: 'user',
  ...indexKey(userIndexes.all, partitions.users(), byName(user.name, user.id)),
  ...indexKey(userIndexes.byRole, partitions.usersByRole(user.role), byName(user.name, user.id)),
  ...(user.region_state
    ? indexKey(userIndexes.byState, partitions.usersByState(user.region_state), byName(user.name, user.id))
    : {}),
  ...user,
});

export const emailMarkerItem = (email: string, userId: string) => ({
  ...keys.emailMarker(email),
  entity: 'unique',
  user_id: userId,
});

export const toUser = (item: Item) => stripStorage<User>(item);

export const getUser = async (id: string, consistent = false): Promise<User | null> => {
  const { Item } = await ddb().send(
    new GetCommand({ TableName: tableName(), Key: keys.user(id), ConsistentRead: consistent }),
  );
  return Item ? toUser(Item) : null;
};

export const getUserIdByEmail = async (email: string): Promise<string | null> => {
  const { Item } = await ddb().send(new GetCommand({ TableName: tableName(), Key: keys.emailMarker(email) }));
  return Item ? String(Item.user_id) : null;
};

/** Many users by id, in one or more BatchGets (100 keys each); missing ids are skipped. */
export const getUsers = async (ids: readonly string[]): Promise<User[]> => {
  const unique = [...new Set(ids)];
  const found: User[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: unique.slice(i, i + 100).map((id) => keys.user(id)) },
    };
    while (request && Object.keys(request).length) {
      const result = await ddb().send(new BatchGetCommand({ RequestItems: request }));
      found.push(...(result.Responses?.[tableName()] ?? []).map(toUser));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  return found;
};

export type UserFilters = { role?: Role; region_state?: string; is_active?: boolean; q?: string };

/**
 * The one index query that serves a filter combination: role or state picks the partition, a name
 * prefix bounds the sort key; what is left (state with role, active) trims within that bound.
 */
export const userListQuery = (filters: UserFilters, limit: number, cursor?: string): ListQuery => {
  const prefix = filters.q ? { beginsWith: fold(filters.q) } : undefined;
  const trims: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  let base: Pick<ListQuery, 'index' | 'partition'>;
  if (filters.role) {
    base = { index: userIndexes.byRole, partition: partitions.usersByRole(filters.role) };
    if (filters.region_state) {
      trims.push('#rs_fold = :rs_fold');
      names['#rs_fold'] = indexAttributes(userIndexes.byState).partitionKey;
      values[':rs_fold'] = partitions.usersByState(filters.region_state);
    }
  } else if (filters.region_state) {
    base = { index: userIndexes.byState, partition: partitions.usersByState(filters.region_state) };
  } else {
    base = { index: userIndexes.all, partition: partitions.users() };
  }
  if (filters.is_active !== undefined) {
    trims.push('#active = :active');
    names['#active'] = 'is_active';
    values[':active'] = filters.is_active;
  }
  return {
    ...base,
    range: prefix,
    limit,
    cursor,
    filter: trims.length
      ? {
          FilterExpression: trims.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }
      : undefined,
  };
};

export const listUsers = async (filters: UserFilters, limit: number, cursor?: string) => {
  const page = await queryPage(userListQuery(filters, limit, cursor));
  return { ...page, items: page.items.map(toUser) };
};
