import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FigureItem, FigureItems } from '../domain/dashboard.ts';
import { type Contribution, figureDeltas, type Placement } from '../domain/figures.ts';
import { assignmentsOfFacility } from './assignments.ts';
import { ddb, tableName } from './client.ts';
import { getFacility } from './facilities.ts';
import { isStorageAttribute } from './items.ts';
import { tableItem, type Write } from './transact.ts';

/** Figure items: `STATS#<scope>` / `Y#<year>` | `CURRENT`; all listed on gsi1 for the reconciliation job. */
export const figureKey = (scope: string, sk: string) => ({ pk: `STATS#${scope}`, sk });
const FIGURES_INDEX = 'FIGURES';

/** Where a facility's logs and follow-ups count (its state and who covers it), read when they change. */
export const placementOf = async (facilityId: string): Promise<Placement> => {
  const [facility, coverers] = await Promise.all([
    getFacility(facilityId),
    assignmentsOfFacility(facilityId),
  ]);
  return { facilityState: facility?.state ?? 'unknown', coverers: coverers.map((a) => a.user_id) };
};

/** One UpdateItem per touched figure item: ADD the deltas (creating the item if needed). */
export const figureWrite = (scope: string, sk: string, deltas: Record<string, number>): Write => {
  const names: Record<string, string> = { '#e': 'entity', '#ipk': 'gsi1pk', '#isk': 'gsi1sk' };
  const values: Record<string, unknown> = {
    ':e': 'figures',
    ':ipk': FIGURES_INDEX,
    ':isk': `${scope}#${sk}`,
  };
  const adds = Object.entries(deltas).map(([attr, delta], i) => {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = delta;
    return `#a${i} :v${i}`;
  });
  return {
    item: tableItem('Update', {
      Key: figureKey(scope, sk),
      UpdateExpression: `SET #e = :e, #ipk = :ipk, #isk = :isk ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  };
};

export const figureWrites = (before: readonly Contribution[], after: readonly Contribution[]): Write[] =>
  figureDeltas(before, after).map(({ scope, sk, deltas }) => figureWrite(scope, sk, deltas));

/** Applies deltas outside a transaction (assignment changes move a whole facility's figures). */
export const applyFigureDeltas = async (scope: string, sk: string, deltas: Record<string, number>) => {
  if (Object.keys(deltas).length === 0) return;
  const { item } = figureWrite(scope, sk, deltas);
  await ddb().send(
    new UpdateCommand((item as { Update: ConstructorParameters<typeof UpdateCommand>[0] }).Update),
  );
};

const numbersOf = (item: Record<string, unknown>): FigureItem =>
  Object.fromEntries(
    Object.entries(item).filter(([k, v]) => !isStorageAttribute(k) && typeof v === 'number'),
  ) as FigureItem;

/** The year items and the current item of a scope: one BatchGet of at most three items. */
export const readFigures = async (scope: string, years: readonly string[]): Promise<FigureItems> => {
  const wanted = [...years.map((y) => figureKey(scope, `Y#${y}`)), figureKey(scope, 'CURRENT')];
  const { Responses } = await ddb().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted } } }),
  );
  const found = new Map((Responses?.[tableName()] ?? []).map((item) => [String(item.sk), numbersOf(item)]));
  return {
    years: new Map(years.map((y) => [y, found.get(`Y#${y}`) ?? {}])),
    current: found.get('CURRENT') ?? {},
  };
};

/** The same items for many scopes at once (summary tables), 100 keys per BatchGet. */
export const readFiguresOfMany = async (
  scopeList: readonly string[],
  years: readonly string[],
): Promise<Map<string, FigureItems>> => {
  const keys = scopeList.flatMap((scope) => [
    ...years.map((y) => figureKey(scope, `Y#${y}`)),
    figureKey(scope, 'CURRENT'),
  ]);
  const found = new Map<string, FigureItem>();
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: keys.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length) {
      const result = await ddb().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? [])
        found.set(`${item.pk}\u0000${item.sk}`, numbersOf(item));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  const get = (scope: string, sk: string) => found.get(`STATS#${scope}\u0000${sk}`) ?? {};
  return new Map(
    scopeList.map((scope) => [
      scope,
      { years: new Map(years.map((y) => [y, get(scope, `Y#${y}`)])), current: get(scope, 'CURRENT') },
    ]),
  );
};

/** Every figure item of a scope (all years), for moving a facility's figures into a user's scope. */
export const figureItemsOf = async (scope: string) => {
  const { Items = [] } = await ddb().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `STATS#${scope}` },
    }),
  );
  return Items.map((item) => ({ sk: String(item.sk), values: numbersOf(item) }));
};

/** Every figure item there is (gsi1 FIGURES): what the reconciliation job compares. */
export const allFigureItems = async () => {
  const items: { scope: string; sk: string; values: FigureItem }[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await ddb().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': FIGURES_INDEX },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of result.Items ?? [])
      items.push({
        scope: String(item.pk).slice('STATS#'.length),
        sk: String(item.sk),
        values: numbersOf(item),
      });
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
};
