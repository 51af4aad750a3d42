import { randomUUID } from 'node:crypto';
import { type FunctionName, type FunctionSpec, functionCatalog } from '@dml/functions/function-catalog';
import type { Context } from 'aws-lambda';

type AnyHandler = (event: unknown, context: Context) => Promise<unknown>;
const loaded = new Map<FunctionName, Promise<AnyHandler>>();

/** Loads a function's handler from the same entry file CDK bundles. */
export const loadHandler = (name: FunctionName): Promise<AnyHandler> => {
  let handler = loaded.get(name);
  if (!handler) {
    const entry = functionCatalog[name].entry.replace(/\.ts$/, '');
    handler = import(`@dml/functions/${entry}`).then((module: { handler?: AnyHandler }) => {
      if (typeof module.handler !== 'function')
        throw new Error(`functions/src/${entry}.ts exports no handler`);
      return module.handler;
    });
    loaded.set(name, handler);
  }
  return handler;
};

export const isFunctionName = (name: string): name is FunctionName => name in functionCatalog;

/** A Lambda context good enough for our handlers (and Powertools' logger). */
export const lambdaContext = (name: string, timeoutSeconds = 29): Context => {
  const deadline = Date.now() + timeoutSeconds * 1000;
  return {
    awsRequestId: randomUUID(),
    callbackWaitsForEmptyEventLoop: true,
    functionName: `dml-local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:dml-local-${name}`,
    memoryLimitInMB: '512',
    logGroupName: `/aws/lambda/dml-local-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
};

export const invoke = async (name: FunctionName, event: unknown) => {
  const handler = await loadHandler(name);
  const spec: FunctionSpec = functionCatalog[name];
  return handler(event, lambdaContext(name, spec.timeoutSeconds ?? 29));
};
