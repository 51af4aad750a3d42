import { BatchGetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { FigureItem, FigureItems } from '#domain/dashboard';
import { type Contribution, figureDeltas, type Placement } from '#domain/figures';
import { assignmentsOfFacility } from './assignments.ts';
import { batchWrite } from './batch.ts';
import { ddb, tableName } from './client.ts';
import { getFacility } from './facilities.ts';
import { isStorageAttribute } from './items.ts';
import { figureIndexes, indexKey, keys, partitions } from './keys.ts';
import { queryAll } from './query.ts';
import { tableItem, type Write } from './transact.ts';

/** The index attributes that list every figure item for the reconciliation job. */
const figureListing = (subject: string, sk: string) =>
  indexKey(figureIndexes.all, partitions.figures(), `${subject}#${sk}`);

/** Where a facility's logs and follow-ups count (its state and who covers it), read when they change. */
export const placementOf = async (facilityId: string): Promise<Placement> => {
  const [facility, coverers] = await Promise.all([
    getFacility(facilityId),
    assignmentsOfFacility(facilityId),
  ]);
  return { facilityState: facility?.state ?? 'unknown', coverers: coverers.map((a) => a.user_id) };
};

/** One UpdateItem per touched figure item: ADD the deltas (creating the item if needed). */
export const figureWrite = (subject: string, sk: string, deltas: Record<string, number>): Write => {
  const listing = Object.entries(figureListing(subject, sk));
  const names: Record<string, string> = { '#e': 'entity' };
  const values: Record<string, unknown> = { ':e': 'figures' };
  listing.forEach(([attr, value], i) => {
    names[`#l${i}`] = attr;
    values[`:l${i}`] = value;
  });
  const adds = Object.entries(deltas).map(([attr, delta], i) => {
    names[`#a${i}`] = attr;
    values[`:v${i}`] = delta;
    return `#a${i} :v${i}`;
  });
  return {
    item: tableItem('Update', {
      Key: keys.figures(subject, sk),
      UpdateExpression: `SET #e = :e, ${listing.map((_, i) => `#l${i} = :l${i}`).join(', ')} ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  };
};

export const figureWrites = (before: readonly Contribution[], after: readonly Contribution[]): Write[] =>
  figureDeltas(before, after).map(({ subject, sk, deltas }) => figureWrite(subject, sk, deltas));

/** Applies deltas outside a transaction (assignment changes move a whole facility's figures). */
export const applyFigureDeltas = async (subject: string, sk: string, deltas: Record<string, number>) => {
  if (Object.keys(deltas).length === 0) return;
  const { item } = figureWrite(subject, sk, deltas);
  await ddb().send(
    new UpdateCommand((item as { Update: ConstructorParameters<typeof UpdateCommand>[0] }).Update),
  );
};

const numbersOf = (item: Record<string, unknown>): FigureItem =>
  Object.fromEntries(
    Object.entries(item).filter(([k, v]) => !isStorageAttribute(k) && typeof v === 'number'),
  ) as FigureItem;

/** The year items and the current item of a subject: one BatchGet of at most three items. */
export const readFigures = async (subject: string, years: readonly string[]): Promise<FigureItems> => {
  const wanted = [...years.map((y) => keys.figures(subject, `Y#${y}`)), keys.figures(subject, 'CURRENT')];
  const { Responses } = await ddb().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted } } }),
  );
  const found = new Map((Responses?.[tableName()] ?? []).map((item) => [String(item.sk), numbersOf(item)]));
  return {
    years: new Map(years.map((y) => [y, found.get(`Y#${y}`) ?? {}])),
    current: found.get('CURRENT') ?? {},
  };
};

/** The same items for many subjects at once (summary tables), 100 keys per BatchGet. */
export const readFiguresOfMany = async (
  subjects: readonly string[],
  years: readonly string[],
): Promise<Map<string, FigureItems>> => {
  const wanted = subjects.flatMap((subject) => [
    ...years.map((y) => keys.figures(subject, `Y#${y}`)),
    keys.figures(subject, 'CURRENT'),
  ]);
  const found = new Map<string, FigureItem>();
  for (let i = 0; i < wanted.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = {
      [tableName()]: { Keys: wanted.slice(i, i + 100) },
    };
    while (request && Object.keys(request).length) {
      const result = await ddb().send(new BatchGetCommand({ RequestItems: request }));
      for (const item of result.Responses?.[tableName()] ?? [])
        found.set(`${item.pk}\u0000${item.sk}`, numbersOf(item));
      request = result.UnprocessedKeys as typeof request;
    }
  }
  const get = (subject: string, sk: string) => found.get(`${keys.figures(subject, sk).pk}\u0000${sk}`) ?? {};
  return new Map(
    subjects.map((subject) => [
      subject,
      { years: new Map(years.map((y) => [y, get(subject, `Y#${y}`)])), current: get(subject, 'CURRENT') },
    ]),
  );
};

/** Every figure item of a subject (all years), for moving a facility's figures into a user's scope. */
export const figureItemsOf = async (subject: string) => {
  const { items } = await queryAll({ partition: keys.figures(subject, '').pk });
  return items.map((item) => ({ sk: String(item.sk), values: numbersOf(item) }));
};

/** Replaces figure items with the given values (what the reconciliation job does to fix drift). */
export const replaceFigureItems = (items: readonly { subject: string; sk: string; values: FigureItem }[]) =>
  batchWrite(
    items.map((i) => ({
      PutRequest: {
        Item: {
          ...keys.figures(i.subject, i.sk),
          entity: 'figures',
          ...figureListing(i.subject, i.sk),
          ...i.values,
        },
      },
    })),
  );

/** Every figure item there is (their listing index): what the reconciliation job compares. */
export const allFigureItems = async () => {
  const { items } = await queryAll({ index: figureIndexes.all, partition: partitions.figures() });
  return items.map((item) => ({
    subject: String(item.pk).slice(keys.figuresPrefix.length),
    sk: String(item.sk),
    values: numbersOf(item),
  }));
};
