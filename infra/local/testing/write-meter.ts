import { ddb } from '@dml/functions/data/client';

// The names the SDK reports at this step are the low-level ones, whichever client sent them.
const writeCommands = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'TransactWriteItemsCommand',
  'BatchWriteItemCommand',
]);

/** Counts every DynamoDB write the handlers in this process send (the "nothing written" check). */
export const meterWrites = () => {
  let writes = 0;
  const name = `write-meter-${Math.random().toString(36).slice(2)}`;
  ddb().middlewareStack.add(
    (next, context) => async (args) => {
      if (writeCommands.has(context.commandName ?? '')) writes += 1;
      return next(args);
    },
    { step: 'initialize', name },
  );
  return {
    /** Write requests sent since the last reset. */
    count: () => writes,
    reset: () => {
      writes = 0;
    },
    stop: () => ddb().middlewareStack.remove(name),
  };
};
