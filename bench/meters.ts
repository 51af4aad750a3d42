import { ddb } from '@dml/functions/data/client';

/** What the handlers asked DynamoDB for, and how long DynamoDB took, from the SDK's own responses. */
export const meter = () => {
  const t = { queries: 0, scanned: 0, returned: 0, itemReads: 0, calls: 0, ddbMs: 0 };
  ddb().middlewareStack.add(
    (next, context) => async (args) => {
      const started = performance.now();
      const result = await next(args);
      t.ddbMs += performance.now() - started;
      t.calls += 1;
      const out = result.output as {
        ScannedCount?: number;
        Count?: number;
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
      };
      if (context.commandName === 'QueryCommand') {
        t.queries += 1;
        t.scanned += out.ScannedCount ?? 0;
        t.returned += out.Count ?? 0;
        t.itemReads += out.Count ?? 0;
      }
      if (context.commandName === 'GetItemCommand' && out.Item) t.itemReads += 1;
      if (context.commandName === 'BatchGetItemCommand')
        t.itemReads += Object.values(out.Responses ?? {}).reduce((n, items) => n + items.length, 0);
      return result;
    },
    { step: 'initialize', name: 'bench-meter', override: true },
  );
  return {
    reset: () => Object.assign(t, { queries: 0, scanned: 0, returned: 0, itemReads: 0, calls: 0, ddbMs: 0 }),
    totals: () => ({ ...t }),
  };
};
