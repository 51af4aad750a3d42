import { ddb } from '@dml/functions/data/client';

/**
 * Counts what DynamoDB evaluated and returned, read from the SDK's own responses (ScannedCount, Count,
 * returned items) for every call the handlers make in this process.
 */
export const meterReads = () => {
  const totals = { queries: 0, scanned: 0, returned: 0, gets: 0, batchGetItems: 0 };
  const name = `read-meter-${Math.random().toString(36).slice(2)}`;
  ddb().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const output = result.output as {
        ScannedCount?: number;
        Count?: number;
        Item?: unknown;
        Responses?: Record<string, unknown[]>;
      };
      if (context.commandName === 'QueryCommand') {
        totals.queries += 1;
        totals.scanned += output.ScannedCount ?? 0;
        totals.returned += output.Count ?? 0;
      } else if (context.commandName === 'GetItemCommand') {
        if (output.Item) totals.gets += 1;
      } else if (context.commandName === 'BatchGetItemCommand') {
        totals.batchGetItems += Object.values(output.Responses ?? {}).reduce(
          (n, items) => n + items.length,
          0,
        );
      }
      return result;
    },
    { step: 'initialize', name },
  );
  return {
    reset: () => Object.assign(totals, { queries: 0, scanned: 0, returned: 0, gets: 0, batchGetItems: 0 }),
    totals: () => ({ ...totals }),
    stop: () => ddb().middlewareStack.remove(name),
  };
};
