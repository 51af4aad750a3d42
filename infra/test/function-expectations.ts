import { schedules } from '@dml/events';
import { ENV } from '@dml/functions/env';
import {
  type FunctionName,
  type FunctionSpec,
  functionCatalog,
  functionNames,
} from '@dml/functions/function-catalog';
import type { CfnElement, Stack } from 'aws-cdk-lib';
import { expect } from 'vitest';
import type { CatalogFunction } from '#lib/lambda';
import type { SynthesizedApp } from './fixture.ts';

type Statement = { Action: string | string[]; Resource: unknown; Condition?: unknown };
type LambdaResource = {
  Properties: Record<string, unknown> & { Environment?: { Variables: Record<string, unknown> } };
};
export type DeployedFunction = {
  name: FunctionName;
  spec: FunctionSpec;
  stack: Stack;
  fn: CatalogFunction;
  failuresId?: string;
};

const asList = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);
/** What the event source mapping needs to read the table's stream (no code calls these). */
const streamReadActions = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'];
const logicalId = (element: unknown) => {
  const cfn = element as CfnElement;
  return cfn.stack.getLogicalId(cfn);
};

/**
 * Checks of every catalog function against what its `access` implies, derived from the catalog
 * (never from counts), so new functions are covered as soon as they are added.
 */
export const functionExpectations = (synth: SynthesizedApp, email?: { from: string; identity: string }) => {
  const { api, events, data, auth } = synth.stacks;

  const deployed: DeployedFunction[] = functionNames.map((name) => {
    const spec: FunctionSpec = functionCatalog[name];
    const asyncFn = events.functions.get(name);
    const fn = api.functions.get(name) ?? asyncFn?.fn;
    if (!fn) throw new Error(`No function deployed for catalog entry ${name}`);
    const stack = spec.trigger === 'http' ? api : events;
    return { name, spec, fn, stack, failuresId: asyncFn && logicalId(asyncFn.failures.node.defaultChild) };
  });

  const lambdaOf = (d: DeployedFunction) =>
    synth.template(d.stack).findResources('AWS::Lambda::Function')[
      logicalId(d.fn.handler.node.defaultChild)
    ] as LambdaResource;

  const statementsOf = (d: DeployedFunction): Statement[] => {
    const role = JSON.stringify([{ Ref: logicalId(d.fn.role.node.defaultChild) }]);
    return Object.values(synth.template(d.stack).findResources('AWS::IAM::Policy'))
      .filter((p) => JSON.stringify(p.Properties.Roles) === role)
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };

  /** What a policy resource points at, by the logical id it references (in this or another stack). */
  const kindOf = (d: DeployedFunction, resource: unknown): string => {
    const text = JSON.stringify(resource);
    const refersTo = (element: unknown) => text.includes(logicalId(element));
    if (refersTo(data.table.node.defaultChild)) return text.includes('StreamArn') ? 'stream' : 'table';
    if (refersTo(data.attachmentsBucket.node.defaultChild)) return 'bucket';
    if (refersTo(events.bus.node.defaultChild)) return 'bus';
    if (refersTo(auth.userPool.node.defaultChild)) return 'userPool';
    if (text.includes(':identity/')) return 'email';
    if (refersTo(d.fn.node.findChild('Logs').node.defaultChild)) return 'ownLogs';
    if (d.failuresId && text.includes(d.failuresId)) return 'ownFailureQueue';
    if (text === '"*"') return 'any';
    return `unexpected ${text}`;
  };

  const actionsOn = (d: DeployedFunction, kind: string) =>
    statementsOf(d)
      .filter((s) => asList(s.Resource).some((r) => kindOf(d, r) === kind))
      .flatMap((s) => asList(s.Action));

  /** No Scan or PartiQL, named indexes only, the stream's reads, and email only from the configured sender. */
  const scopedAsDeclared = (d: DeployedFunction) => {
    const all = statementsOf(d).flatMap((s) => asList(s.Action));
    expect(
      all.filter((a) => a === 'dynamodb:Scan' || a.startsWith('dynamodb:PartiQL')),
      d.name,
    ).toEqual([]);
    if (d.spec.access.stream) {
      expect(actionsOn(d, 'stream').sort(), d.name).toEqual(streamReadActions);
      expect(actionsOn(d, 'any'), d.name).toEqual(['dynamodb:ListStreams']);
    }
    const ses = statementsOf(d).filter((s) => asList(s.Action).includes('ses:SendEmail'));
    if (email && ses.length) {
      expect(
        ses.map((s) => s.Condition),
        d.name,
      ).toEqual([{ StringEquals: { 'ses:FromAddress': email.from } }]);
      expect(JSON.stringify(ses[0]?.Resource), d.name).toContain(`:identity/${email.identity}`);
    }
    const indexes = statementsOf(d)
      .flatMap((s) => asList(s.Resource))
      .map((r) => JSON.stringify(r))
      .filter((r) => r.includes('/index/'));
    expect(
      indexes.filter((r) => r.includes('/index/*')),
      d.name,
    ).toEqual([]);
  };

  return {
    deployed,
    lambdaOf,

    policiesNameOnlyWhatAccessImplies: () => {
      for (const d of deployed) {
        const { access } = d.spec;
        const expected = new Set(['ownLogs']);
        if (d.spec.trigger !== 'http') expected.add('ownFailureQueue');
        if (access.table) expected.add('table');
        if (access.bucket) expected.add('bucket');
        if (access.bus) expected.add('bus');
        if (access.userPool) expected.add('userPool');
        if (access.email && email) expected.add('email');
        // ListStreams has no resource-level permission.
        if (access.stream) expected.add('stream').add('any');
        const actual = new Set(statementsOf(d).flatMap((s) => asList(s.Resource).map((r) => kindOf(d, r))));
        expect([...actual].sort(), d.name).toEqual([...expected].sort());
      }
    },

    /**
     * Each role grants exactly the AWS actions its function's code calls (derived from the bundle,
     * not from the catalog), on the resource each belongs to; the stream trigger's reads on its own.
     */
    actionsMatchCodeCalls: (called: ReadonlyMap<FunctionName, ReadonlySet<string>>) => {
      const kindOfService: Record<string, string> = {
        dynamodb: 'table',
        s3: 'bucket',
        'cognito-idp': 'userPool',
        ses: 'email',
        events: 'bus',
      };
      for (const d of deployed) {
        const calls = [...(called.get(d.name) ?? [])];
        for (const [service, kind] of Object.entries(kindOfService)) {
          // Without a configured sender there is no identity to grant on (the function warns instead).
          if (kind === 'email' && !email) continue;
          const needed = calls.filter((a) => a.startsWith(`${service}:`));
          expect([...new Set(actionsOn(d, kind))].sort(), `${d.name} on its ${kind}`).toEqual(needed.sort());
        }
        scopedAsDeclared(d);
      }
    },

    /** Generic wiring: each declared operation becomes exactly that grant, on its resource. */
    actionsMatchDeclaredAccess: () => {
      for (const d of deployed) {
        const { access } = d.spec;
        const declared: Record<string, string[]> = {
          table: (access.table ?? []).map((a) => `dynamodb:${a}`),
          bucket: (access.bucket ?? []).map((a) => `s3:${a}`),
          bus: access.bus ? ['events:PutEvents'] : [],
          email: access.email && email ? ['ses:SendEmail'] : [],
        };
        for (const [kind, actions] of Object.entries(declared))
          expect([...new Set(actionsOn(d, kind))].sort(), `${d.name} on its ${kind}`).toEqual(actions.sort());
        const pool = actionsOn(d, 'userPool');
        expect(pool.length > 0, d.name).toBe(Boolean(access.userPool));
        expect(
          pool.filter((a) => !a.startsWith('cognito-idp:Admin')),
          d.name,
        ).toEqual([]);
        scopedAsDeclared(d);
      }
    },

    envMatchesAccess: () => {
      const zoneTargets = new Map<string, string>(
        Object.entries(schedules)
          .filter(([name]) => `${name}TimeZone` in ENV)
          .map(([name, def]) => [def.target, ENV[`${name}TimeZone` as keyof typeof ENV]]),
      );
      const ours = new Set<string>(Object.values(ENV));
      for (const d of deployed) {
        const { access } = d.spec;
        const expected: string[] = [ENV.webUrl, ENV.timeZone];
        if (access.table) expected.push(ENV.tableName);
        if (access.bucket) expected.push(ENV.bucketName);
        if (access.bus) expected.push(ENV.eventBusName);
        if (access.userPool) expected.push(ENV.userPoolId, ENV.userPoolClientId);
        if (access.email && email) expected.push(ENV.emailFrom);
        const zone = zoneTargets.get(d.name);
        if (zone) expected.push(zone);
        const variables = lambdaOf(d).Properties.Environment?.Variables ?? {};
        expect(
          Object.keys(variables)
            .filter((key) => ours.has(key))
            .sort(),
          d.name,
        ).toEqual(expected.sort());
        if (access.email && email) expect(variables[ENV.emailFrom], d.name).toBe(email.from);
      }
    },
  };
};
