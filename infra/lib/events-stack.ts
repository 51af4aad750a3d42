import { rules, type ScheduleName, schedules } from '@dml/events';
import {
  type FunctionName,
  type FunctionSpec,
  functionCatalog,
  functionNames,
} from '@dml/functions/function-catalog';
import { Stack, type StackProps } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { FunctionResources } from './access.ts';
import { addRuleTarget, addScheduleTarget, addStreamSource, configureAsync } from './async-wiring.ts';
import { failureQueue } from './failure-queue.ts';
import { CatalogFunction } from './lambda.ts';

export type EventsStackProps = StackProps & {
  resources: Omit<FunctionResources, 'bus'>;
  /** The table whose stream feeds `stream` functions. */
  table: ITable;
  scheduleTimeZones: Record<ScheduleName, string>;
  logRetention: RetentionDays;
};

export type AsyncFunction = { fn: CatalogFunction; failures: Queue };

/**
 * The bus and every function that is not behind the API: schedule, event and stream functions, each
 * with a failure queue, wired from the schedules, rules and catalog as data.
 */
export class EventsStack extends Stack {
  readonly bus: EventBus;
  readonly functions = new Map<FunctionName, AsyncFunction>();

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    this.bus = new EventBus(this, 'Bus', { description: 'Digital Mentorship Log domain events' });
    const resources: FunctionResources = { ...props.resources, bus: this.bus };

    for (const name of functionNames) {
      const spec: FunctionSpec = functionCatalog[name];
      if (spec.trigger === 'http') continue;
      const fn = new CatalogFunction(this, { name, resources, logRetention: props.logRetention });
      const failures = failureQueue(fn, 'Failures');
      if (spec.trigger === 'stream') addStreamSource(fn, props.table, failures);
      else configureAsync(fn, failures);
      this.functions.set(name, { fn, failures });
    }

    for (const [name, def] of Object.entries(schedules)) {
      const scheduleName = name as ScheduleName;
      addScheduleTarget(this, {
        name,
        def,
        timeZone: props.scheduleTimeZones[scheduleName],
        target: this.target(def.target, 'schedule', `schedule ${name}`),
      });
    }

    for (const [name, def] of Object.entries(rules)) {
      addRuleTarget(this, {
        name,
        def,
        bus: this.bus,
        target: this.target(def.target, 'event', `rule ${name}`),
        attachmentsBucket: props.resources.bucket,
      });
    }
  }

  /** The function a schedule or rule names, which must exist with the matching trigger. */
  private target(name: string, trigger: FunctionSpec['trigger'], owner: string): AsyncFunction {
    const found = this.functions.get(name as FunctionName);
    if (!found || found.fn.spec.trigger !== trigger) {
      throw new Error(
        `The ${owner} targets "${name}", which must be a function in functions/src/function-catalog.ts with trigger '${trigger}'.`,
      );
    }
    return found;
  }
}
