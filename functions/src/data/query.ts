import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '@dml/shared';
import { ddb, tableName } from './client.ts';
import { checkStartKey, decodeCursorPayload, encodeCursor, type StartKey } from './cursor.ts';
import { type IndexName, tableDefinition } from './table-definition.ts';

export type Item = Record<string, unknown>;

/** How much a list read cost: what DynamoDB evaluated vs what we returned (the bench holds evaluated ≤ 1.2 × returned + 1). */
export type ReadStats = { scanned: number; returned: number; queries: number };

export type ListQuery = {
  index?: IndexName;
  /** The partition value of the index (or table). */
  partition: string;
  /** Optional sort-key bound. */
  range?: { between: [string, string] } | { beginsWith: string } | { gte: string } | { lte: string };
  /** Oldest-first unless false. */
  ascending?: boolean;
  limit: number;
  cursor?: string | undefined;
  /** Trims within the key bound; costs evaluated items, so use only for rare, secondary filters. */
  filter?: Pick<
    QueryCommandInput,
    'FilterExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
  >;
  /** Items whose TTL has passed are hidden here (DynamoDB Local never deletes them). */
  now?: Date;
};

const keyAttributes = (index?: IndexName) => {
  const table = [tableDefinition.partitionKey, tableDefinition.sortKey];
  if (!index) return { pk: tableDefinition.partitionKey, sk: tableDefinition.sortKey, all: table };
  const def = tableDefinition.indexes.find((i) => i.name === index);
  if (!def) throw new Error(`Unknown index ${index}`);
  return { pk: def.partitionKey, sk: def.sortKey, all: [...table, def.partitionKey, def.sortKey] };
};

const pickKey = (item: Item, attributes: readonly string[]): StartKey =>
  Object.fromEntries(attributes.map((a) => [a, String(item[a])]));

/**
 * One page of a key-bounded Query. Reads `limit + 1` so the cursor is null exactly when nothing is
 * left (no empty last page), which keeps evaluated items ≤ returned + 1 when no filter is used.
 */
export const queryPage = async (q: ListQuery): Promise<Page<Item> & { stats: ReadStats }> => {
  const attrs = keyAttributes(q.index);
  let startKey: StartKey | undefined = q.cursor
    ? checkStartKey(
        decodeCursorPayload(q.cursor),
        attrs.all,
        { [attrs.pk]: q.partition },
        q.range && { name: attrs.sk, range: q.range },
      )
    : undefined;

  const names: Record<string, string> = { '#pk': attrs.pk, ...q.filter?.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ':pk': q.partition, ...q.filter?.ExpressionAttributeValues };
  let condition = '#pk = :pk';
  if (q.range) {
    names['#sk'] = attrs.sk;
    if ('between' in q.range) {
      condition += ' AND #sk BETWEEN :lo AND :hi';
      values[':lo'] = q.range.between[0];
      values[':hi'] = q.range.between[1];
    } else if ('beginsWith' in q.range) {
      condition += ' AND begins_with(#sk, :prefix)';
      values[':prefix'] = q.range.beginsWith;
    } else if ('gte' in q.range) {
      condition += ' AND #sk >= :lo';
      values[':lo'] = q.range.gte;
    } else {
      condition += ' AND #sk <= :hi';
      values[':hi'] = q.range.lte;
    }
  }
  const expiryFilter = q.now ? `(attribute_not_exists(#exp) OR #exp > :now)` : undefined;
  if (q.now) {
    names['#exp'] = tableDefinition.ttlAttribute;
    values[':now'] = Math.floor(q.now.getTime() / 1000);
  }
  const filterExpression =
    [q.filter?.FilterExpression, expiryFilter].filter(Boolean).join(' AND ') || undefined;

  const items: Item[] = [];
  const stats: ReadStats = { scanned: 0, returned: 0, queries: 0 };
  let more = true;
  while (more && items.length <= q.limit) {
    const result = await ddb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: q.index,
        KeyConditionExpression: condition,
        FilterExpression: filterExpression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ScanIndexForward: q.ascending !== false,
        ExclusiveStartKey: startKey,
        Limit: q.limit + 1 - items.length,
      }),
    );
    stats.queries += 1;
    stats.scanned += result.ScannedCount ?? 0;
    items.push(...((result.Items ?? []) as Item[]));
    startKey = result.LastEvaluatedKey as StartKey | undefined;
    more = startKey !== undefined;
  }
  const pageItems = items.slice(0, q.limit);
  const last = pageItems.at(-1);
  const hasMore = items.length > q.limit;
  stats.returned = pageItems.length;
  return {
    items: pageItems,
    next_cursor: hasMore && last ? encodeCursor(pickKey(last, attrs.all)) : null,
    stats,
  };
};

/**
 * Every item of a key-bounded Query, page after page: for jobs, and for reads bounded by their key
 * (a log's files, a user's facilities). Lists a client pages through use `queryPage` instead.
 */
export const queryAll = async (
  q: Omit<ListQuery, 'limit' | 'cursor'>,
  pageSize = 1000,
): Promise<{ items: Item[]; stats: ReadStats }> => {
  const items: Item[] = [];
  const stats: ReadStats = { scanned: 0, returned: 0, queries: 0 };
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...q, limit: pageSize, cursor });
    items.push(...page.items);
    stats.scanned += page.stats.scanned;
    stats.queries += page.stats.queries;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  stats.returned = items.length;
  return { items, stats };
};
