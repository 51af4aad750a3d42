import { versionConflict } from '#domain/errors';
import type { Item } from './query.ts';
import { tableItem, type Write } from './transact.ts';

/**
 * Builds the caller's view of the object as it is now, in the shape the route answers with (a log
 * with its `allowed_actions`, an attachment without its storage key…), so a 409's `current` is the
 * same whether the stale version was caught before the transaction or by its condition. It throws
 * (e.g. not found) when the object is gone or out of the caller's sight.
 */
export type Reload = () => Promise<unknown>;

type Expression = {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

const EXPECTED = ':expected_version';

/** The version condition, ANDed with any other condition the write has. */
const guarded = (expected: number, extra: Expression = {}) => ({
  ConditionExpression: extra.ConditionExpression
    ? `(${extra.ConditionExpression}) AND version = ${EXPECTED}`
    : `version = ${EXPECTED}`,
  ...(extra.ExpressionAttributeNames ? { ExpressionAttributeNames: extra.ExpressionAttributeNames } : {}),
  ExpressionAttributeValues: { ...extra.ExpressionAttributeValues, [EXPECTED]: expected },
});

const lostRace = (reload: Reload) => async () => versionConflict(await reload());

/**
 * "Write only if the version still matches": transaction writes conditioned on the version the
 * caller read. Losing the race is a version conflict carrying `reload()`'s view of the winner's object.
 */
export const ifVersion = {
  put: (item: Item, expected: number, reload: Reload, extra?: Expression): Write => ({
    item: tableItem('Put', { Item: item, ...guarded(expected, extra) }),
    onConditionFailed: lostRace(reload),
  }),
  update: (
    key: Item,
    update: { UpdateExpression: string } & Expression,
    expected: number,
    reload: Reload,
  ): Write => {
    const { UpdateExpression, ...extra } = update;
    return {
      item: tableItem('Update', { Key: key, UpdateExpression, ...guarded(expected, extra) }),
      onConditionFailed: lostRace(reload),
    };
  },
  delete: (key: Item, expected: number, reload: Reload, extra?: Expression): Write => ({
    item: tableItem('Delete', { Key: key, ...guarded(expected, extra) }),
    onConditionFailed: lostRace(reload),
  }),
};
