import {
  outboxStreamFilter,
  rules,
  schedulerExpression,
  schedulerInputTemplate,
  schedules,
} from '@dml/events';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventsExpectations } from './events-expectations.ts';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';

describe('events, schedules and rules', () => {
  let synth: SynthesizedApp;
  beforeAll(() => {
    synth = synthApp({ context: configuredContext });
  });

  it('creates the custom event bus', () => {
    synth.template(synth.stacks.events).resourceCountIs('AWS::Events::EventBus', 1);
  });

  it('runs each schedule on its cron, in the configured time zone, with the shared input template', () => {
    for (const [name, def] of Object.entries(schedules)) {
      const zone = (synth.config.scheduleTimeZones as Record<string, string>)[name];
      eventsExpectations(synth).schedule(name, {
        expression: schedulerExpression(def.cron),
        timeZone: zone ?? def.defaultTimeZone,
        input: schedulerInputTemplate(name),
        target: def.target,
      });
    }
  });

  it('reads the reminders time zone from context', () => {
    expect(synth.config.scheduleTimeZones.reminders).toBe(configuredContext.remindersTimeZone);
    synth.template(synth.stacks.events).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpressionTimezone: configuredContext.remindersTimeZone,
    });
  });

  it('defaults a schedule to its own time zone without context', () => {
    const plain = synthApp({ context: { emailFrom: configuredContext.emailFrom } });
    expect(plain.config.scheduleTimeZones.reminders).toBe(schedules.reminders.defaultTimeZone);
    plain.template(plain.stacks.events).hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpressionTimezone: schedules.reminders.defaultTimeZone,
    });
  });

  it('rejects a time zone that does not exist', () => {
    expect(() => synthApp({ context: { remindersTimeZone: 'Mars/Olympus' } })).toThrow(/IANA time zone/);
  });

  it('creates one rule per entry of events/src/rules.ts, targeting its function with a DLQ', () => {
    for (const [name, def] of Object.entries(rules)) eventsExpectations(synth).rule(name, def);
  });

  it('feeds the outbox relay only inserted outbox items from the table stream, with a failure queue', () => {
    const publisher = synth.stacks.events.functions.get('publisher');
    expect(publisher).toBeDefined();
    const logicalId = (element: unknown) => synth.stacks.events.getLogicalId(element as never);
    synth.template(synth.stacks.events).hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: logicalId(publisher?.fn.handler.node.defaultChild) },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: {
        OnFailure: {
          Destination: { 'Fn::GetAtt': [logicalId(publisher?.failures.node.defaultChild), 'Arn'] },
        },
      },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify(outboxStreamFilter) }] },
    });
  });

  it('routes the events people act on to the notifier', () => {
    expect(rules.notify?.target).toBe('notifier');
    expect(rules.notify?.pattern['detail-type']).toEqual(
      expect.arrayContaining(['mentorship-log.submitted', 'follow-up.assigned']),
    );
  });

  it('retries async invocations a bounded number of times, then parks them in a failure queue', () => {
    for (const { fn } of synth.stacks.events.functions.values()) {
      if (fn.spec.trigger === 'stream') continue;
      synth.template(synth.stacks.events).hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: synth.stacks.events.getLogicalId(fn.handler.node.defaultChild as never) },
        MaximumRetryAttempts: Match.anyValue(),
        DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
      });
    }
  });
});
