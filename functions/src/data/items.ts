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
