import { ddb } from '@dml/functions/data/client';

const writeCommands = new Set([
  'PutCommand',
  'UpdateCommand',
  'DeleteCommand',
  'TransactWriteCommand',
  'BatchWriteCommand',
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
    count: () => writes,
    reset: () => {
      writes = 0;
    },
    stop: () => ddb().middlewareStack.remove(name),
  };
};
