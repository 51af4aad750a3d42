import { randomUUID } from 'node:crypto';
import { startTestStack, type TestStack } from '@dml/infra/local/testing/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, notFound } from '#domain/errors';
import { getItem } from './items.ts';
import { commit, tableItem, type Write } from './transact.ts';
import { ifVersion } from './versioned.ts';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ seed: false });
}, 120_000);
afterAll(() => stack?.stop());

const keyOf = (id: string) => ({ pk: `RACE#${id}`, sk: 'RACE' });
const audit = (id: string) => ({
  actor: { id: 'tester', email: null },
  entityType: 'facility' as const,
  entityId: id,
  action: 'update',
  changes: {},
  at: new Date(),
});
const run = (id: string, write: Write) => commit({ writes: [write], audit: audit(id) });
const stored = (id: string) => getItem(keyOf(id), true);

/** An item at version 2, as if someone else saved it after we read version 1. */
const movedOn = async () => {
  const id = randomUUID();
  await run(id, { item: tableItem('Put', { Item: { ...keyOf(id), label: 'theirs', version: 2 } }) });
  return id;
};

const failure = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('the write went through');
};

describe('writes conditioned on the version the caller read', () => {
  it('puts when the version matches and moves it on', async () => {
    const id = await movedOn();
    await run(
      id,
      ifVersion.put({ ...keyOf(id), label: 'mine', version: 3 }, 2, async () => null),
    );
    expect(await stored(id)).toMatchObject({ label: 'mine', version: 3 });
  });

  it.each([
    [
      'put',
      (id: string, reload: () => Promise<unknown>) =>
        ifVersion.put({ ...keyOf(id), label: 'mine', version: 2 }, 1, reload),
    ],
    [
      'update',
      (id: string, reload: () => Promise<unknown>) =>
        ifVersion.update(
          keyOf(id),
          {
            UpdateExpression: 'SET label = :label, version = :next',
            ExpressionAttributeValues: { ':label': 'mine', ':next': 2 },
          },
          1,
          reload,
        ),
    ],
    ['delete', (id: string, reload: () => Promise<unknown>) => ifVersion.delete(keyOf(id), 1, reload)],
  ])('a stale %s changes nothing and is a version conflict carrying the reloaded view', async (_, write) => {
    const id = await movedOn();
    const view = { id, label: 'theirs, as the route shows it', version: 2 };
    const error = await failure(
      run(
        id,
        write(id, async () => view),
      ),
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'version_conflict', extra: { current: view } });
    expect(await stored(id)).toMatchObject({ label: 'theirs', version: 2 });
  });

  it('updates when the version matches, keeping the other condition', async () => {
    const id = await movedOn();
    const update = (label: string) =>
      ifVersion.update(
        keyOf(id),
        {
          UpdateExpression: 'SET label = :label, version = :next',
          ConditionExpression: 'label = :theirs',
          ExpressionAttributeValues: { ':label': label, ':next': 3, ':theirs': 'theirs' },
        },
        2,
        async () => null,
      );
    await run(id, update('mine'));
    expect(await stored(id)).toMatchObject({ label: 'mine', version: 3 });
  });

  it('deletes when the version matches', async () => {
    const id = await movedOn();
    await run(
      id,
      ifVersion.delete(keyOf(id), 2, async () => null),
    );
    expect(await stored(id)).toBeUndefined();
  });

  it('passes on what the reload throws when the object is gone', async () => {
    const id = await movedOn();
    const error = await failure(
      run(
        id,
        ifVersion.delete(keyOf(id), 1, async () => {
          throw notFound('Thing');
        }),
      ),
    );
    expect(error).toMatchObject({ code: 'not_found', message: 'Thing not found.' });
  });
});
