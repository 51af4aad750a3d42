import type { EventPattern, RuleDef, ScheduleDef } from '@dml/events';
import { outboxStreamFilter, schedulerExpression, schedulerInputTemplate } from '@dml/events';
import { ENV } from '@dml/functions/env';
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type EventPattern as CdkEventPattern, EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput, TimeWindow } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { AsyncFunction } from './events-stack.ts';
import type { CatalogFunction } from './lambda.ts';
import { acknowledgeWildcardResources } from './nag.ts';

// Bounded everywhere: a poison event is retried a little, then parked in the failure queue.
const retryAttempts = 2;

/** Async invocations (rules, schedules) retry twice, then go to the failure queue. */
export const configureAsync = (fn: CatalogFunction, failures: Queue) => {
  fn.handler.configureAsyncInvoke({
    retryAttempts,
    maxEventAge: Duration.hours(6),
    onFailure: new SqsDestination(failures),
  });
};

/**
 * The outbox publisher reads only freshly inserted outbox items (`entity: event`), from the oldest
 * record, splitting a failing batch to isolate the bad record.
 */
export const addStreamSource = (fn: CatalogFunction, table: ITable, failures: Queue) => {
  fn.handler.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 25,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: 5,
      maxRecordAge: Duration.days(1),
      onFailure: new SqsDlq(failures),
      // The same filter the local stream poller applies (events/src/stream.ts).
      filters: [FilterCriteria.filter(outboxStreamFilter)],
    }),
  );
};

export type ScheduleWiring = { name: string; def: ScheduleDef; timeZone: string; target: AsyncFunction };

/** An EventBridge Scheduler schedule invoking its function with the shared input template. */
export const addScheduleTarget = (scope: Construct, { name, def, timeZone, target }: ScheduleWiring) => {
  const stack = Stack.of(scope);
  // The job computes "today" in the same zone the cron is read in.
  const zoneKey = `${name}TimeZone`;
  if (zoneKey in ENV) target.fn.handler.addEnvironment(ENV[zoneKey as keyof typeof ENV], timeZone);

  const role = new Role(scope, `${name}ScheduleRole`, {
    description: `EventBridge Scheduler invoking the ${def.target} function for the ${name} schedule`,
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: {
        StringEquals: {
          'aws:SourceAccount': stack.account,
          'aws:SourceArn': stack.formatArn({
            service: 'scheduler',
            resource: 'schedule-group',
            resourceName: 'default',
          }),
        },
      },
    }),
  });
  acknowledgeWildcardResources(
    role,
    [`${target.fn.handler.functionArn}:*`],
    'CDK grants invoke on the function and its versions/aliases (`:*`); the role can invoke this one function only.',
  );

  return new Schedule(scope, `${name}Schedule`, {
    description: def.description,
    schedule: ScheduleExpression.expression(schedulerExpression(def.cron), TimeZone.of(timeZone)),
    timeWindow: TimeWindow.off(),
    target: new LambdaInvoke(target.fn.handler, {
      role,
      input: ScheduleTargetInput.fromText(schedulerInputTemplate(name)),
      deadLetterQueue: target.failures,
      retryAttempts,
      maxEventAge: Duration.hours(1),
    }),
  });
};

const toCdkPattern = (pattern: EventPattern): CdkEventPattern => ({
  source: pattern.source,
  detailType: pattern['detail-type'],
  detail: pattern.detail,
});

export type RuleWiring = {
  name: string;
  def: RuleDef;
  bus: IEventBus;
  target: AsyncFunction;
  attachmentsBucket: IBucket;
};

/**
 * One rule per entry of events/src/rules.ts, delivering to its function: on our custom bus, or on the
 * account's default bus for AWS-service events (S3), narrowed to the attachments bucket when asked.
 */
export const addRuleTarget = (
  scope: Construct,
  { name, def, bus, target, attachmentsBucket }: RuleWiring,
) => {
  const pattern = def.attachmentsBucketOnly
    ? { ...def.pattern, detail: { ...def.pattern.detail, bucket: { name: [attachmentsBucket.bucketName] } } }
    : def.pattern;
  return new Rule(scope, `${name}Rule`, {
    description: def.description,
    eventBus: def.bus === 'aws' ? EventBus.fromEventBusName(scope, `${name}DefaultBus`, 'default') : bus,
    eventPattern: toCdkPattern(pattern),
    targets: [
      new LambdaFunction(target.fn.handler, {
        deadLetterQueue: target.failures,
        retryAttempts,
        maxEventAge: Duration.hours(2),
      }),
    ],
  });
};
