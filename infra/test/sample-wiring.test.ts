import { rules } from '@dml/events';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventsExpectations } from './events-expectations.ts';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';
import { functionExpectations } from './function-expectations.ts';

/**
 * The real catalog has no event, stream or bucket functions and no rules yet. These sample entries
 * prove the generic wiring now, so the first real ones just work.
 */
const samples = vi.hoisted(() => ({
  functions: {
    sampleNotifier: {
      entry: 'handlers/reminders.ts',
      trigger: 'event',
      description: 'Sample rule target.',
      access: { table: ['GetItem', 'Query'], email: 'send', userPool: 'admin' },
    },
    sampleOutbox: {
      entry: 'handlers/reminders.ts',
      trigger: 'stream',
      description: 'Sample outbox publisher.',
      access: { stream: 'read', bus: 'put' },
    },
    sampleUploads: {
      entry: 'handlers/system.ts',
      trigger: 'http',
      description: 'Sample attachments function.',
      access: {
        table: ['GetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'ConditionCheckItem'],
        bucket: ['GetObject', 'PutObject', 'DeleteObject'],
        bus: 'put',
      },
    },
    sampleThumbnails: {
      entry: 'handlers/reminders.ts',
      trigger: 'event',
      description: 'Sample bucket reader.',
      access: { bucket: ['GetObject'] },
    },
  },
  rules: {
    sampleSubmitted: {
      description: 'Sample: a log was submitted.',
      pattern: { source: ['dml'], 'detail-type': ['log.submitted'], detail: { status: ['submitted'] } },
      target: 'sampleNotifier',
    },
  },
}));

vi.mock('@dml/functions/function-catalog', async (importOriginal) => {
  const original = await importOriginal<typeof import('@dml/functions/function-catalog')>();
  const functionCatalog = { ...original.functionCatalog, ...samples.functions };
  return { ...original, functionCatalog, functionNames: Object.keys(functionCatalog) };
});
vi.mock('@dml/events', async (importOriginal) => {
  const original = await importOriginal<typeof import('@dml/events')>();
  return { ...original, rules: { ...original.rules, ...samples.rules } };
});

describe('generic wiring, with sample catalog entries and a sample rule', () => {
  let synth: SynthesizedApp;
  const email = { from: configuredContext.emailFrom, identity: configuredContext.sesVerifiedDomain };

  beforeAll(() => {
    synth = synthApp({ context: configuredContext });
  });

  it('creates a rule on the custom bus with the pattern from rules.ts, targeting its function with a DLQ', () => {
    expect(Object.keys(rules)).toContain('sampleSubmitted');
    for (const [name, def] of Object.entries(rules)) eventsExpectations(synth).rule(name, def);
  });

  it('feeds stream functions only inserted outbox items, bisecting failed batches into a failure queue', () => {
    const outbox = synth.stacks.events.functions.get('sampleOutbox' as never);
    const logicalId = (element: unknown) => synth.stacks.events.getLogicalId(element as never);
    synth.template(synth.stacks.events).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(outbox?.fn.handler.node.defaultChild) },
      EventSourceArn: Match.objectLike({
        'Fn::GetStackOutput': Match.objectLike({ StackName: synth.stacks.data.stackName }),
      }),
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: { Destination: { 'Fn::GetAtt': [logicalId(outbox?.failures.node.defaultChild), 'Arn'] } },
      },
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { entity: { S: ['event'] } } },
            }),
          },
        ],
      },
    });
  });

  it('bounds retries of event functions and sends failures to their queue', () => {
    const notifier = synth.stacks.events.functions.get('sampleNotifier' as never);
    synth.template(synth.stacks.events).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: {
        Ref: synth.stacks.events.getLogicalId(notifier?.fn.handler.node.defaultChild as never),
      },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    });
  });

  it('grants and configures every access kind consistently', () => {
    const expectations = functionExpectations(synth, email);
    expectations.policiesNameOnlyWhatAccessImplies();
    expectations.actionsMatchDeclaredAccess();
    expectations.envMatchesAccess();
  });

  it('still has no unacknowledged cdk-nag finding', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    expect(
      report.violations.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.constructPath)}`),
    ).toEqual([]);
  });
});
