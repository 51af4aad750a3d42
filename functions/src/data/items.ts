import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, tableName } from './client.ts';
import { tableDefinition } from './table-definition.ts';

const storageAttributes = new Set<string>([
  tableDefinition.partitionKey,
  tableDefinition.sortKey,
  ...tableDefinition.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
  tableDefinition.ttlAttribute,
  'entity',
]);

/** Items hold the API fields as they are plus storage attributes; this strips the latter. */
export const stripStorage = <T>(item: Record<string, unknown>): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !storageAttributes.has(k))) as T;

export const isStorageAttribute = (name: string) => storageAttributes.has(name);

/** One item by its key, storage attributes and all (for the data layer's own generic reads). */
export const getItem = async (key: Record<string, string>, consistent = false) =>
  (await ddb().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }))).Item;
