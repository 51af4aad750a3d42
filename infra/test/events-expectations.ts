import type { RuleDef } from '@dml/events';
import type { FunctionName } from '@dml/functions/function-catalog';
import { Match } from 'aws-cdk-lib/assertions';
import { expect } from 'vitest';
import type { SynthesizedApp } from './fixture.ts';

type Resource = { Properties: Record<string, unknown> };

/** Assertions on the Events stack shared by the real-catalog and the sample-entry tests. */
export const eventsExpectations = (synth: SynthesizedApp) => {
  const stack = synth.stacks.events;
  const template = synth.template(stack);
  const logicalId = (element: unknown) => stack.getLogicalId(element as never);
  const wired = (name: string) => {
    const found = stack.functions.get(name as FunctionName);
    if (!found) throw new Error(`function ${name} is not in the Events stack`);
    return {
      fnArn: { 'Fn::GetAtt': [logicalId(found.fn.handler.node.defaultChild), 'Arn'] },
      queueArn: { 'Fn::GetAtt': [logicalId(found.failures.node.defaultChild), 'Arn'] },
    };
  };

  return {
    schedule: (
      name: string,
      want: { expression: string; timeZone: string; input: string; target: string },
    ) => {
      const { fnArn, queueArn } = wired(want.target);
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: want.expression,
        ScheduleExpressionTimezone: want.timeZone,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: {
          Arn: fnArn,
          Input: want.input,
          DeadLetterConfig: { Arn: queueArn },
          RetryPolicy: { MaximumRetryAttempts: Match.anyValue() },
        },
      });
      expect(JSON.parse(want.input)).toEqual({ schedule: name, time: '<aws.scheduler.scheduled-time>' });
    },

    rule: (name: string, def: RuleDef) => {
      const { fnArn, queueArn } = wired(def.target);
      // Rules on S3's events are narrowed to the attachments bucket at synth time.
      const bucketName = stack.resolve(synth.stacks.data.attachmentsBucket.bucketName);
      const pattern = def.attachmentsBucketOnly
        ? { ...def.pattern, detail: { ...def.pattern.detail, bucket: { name: [bucketName] } } }
        : def.pattern;
      const found = Object.values(template.findResources('AWS::Events::Rule')).filter(
        (r) => JSON.stringify((r as Resource).Properties.EventPattern) === JSON.stringify(pattern),
      ) as Resource[];
      expect(found.length, `rule ${name}`).toBe(1);
      expect(found[0]?.Properties, `rule ${name}`).toMatchObject({
        EventBusName: def.bus === 'aws' ? 'default' : { Ref: logicalId(stack.bus.node.defaultChild) },
        Targets: [
          {
            Arn: fnArn,
            DeadLetterConfig: { Arn: queueArn },
            RetryPolicy: { MaximumRetryAttempts: expect.any(Number) },
          },
        ],
      });
    },
  };
};
