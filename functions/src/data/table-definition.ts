/**
 * The one table (single-table design). CDK and the local runtime both create it from this object,
 * and the code builds its keys against these attribute names (keys.ts; figure items in figures.ts).
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Generic GSIs; which entity uses which for what: keys.ts, docs/data-model.md. All project everything. */
  indexes: [
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    { name: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
    { name: 'gsi5', partitionKey: 'gsi5pk', sortKey: 'gsi5sk' },
    { name: 'gsi6', partitionKey: 'gsi6pk', sortKey: 'gsi6sk' },
  ],
  /** Epoch seconds. DynamoDB Local never expires items, so readers also filter on it. */
  ttlAttribute: 'expires_at',
  /** The stream carries outbox events to the bus (and feeds the local router the same way). */
  streamView: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];
