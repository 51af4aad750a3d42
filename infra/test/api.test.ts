import { routeList } from '@dml/shared';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiCors, apiThrottling } from '#definitions/api';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };

describe('HTTP API', () => {
  let synth: SynthesizedApp;
  let routes: Record<string, Resource>;
  const routeKey = (route: { method: string; path: string }) => `${route.method} ${route.path}`;
  const routeFor = (key: string) => Object.values(routes).find((r) => r.Properties.RouteKey === key);

  beforeAll(() => {
    synth = synthApp({ context: configuredContext });
    routes = synth.template(synth.stacks.api).findResources('AWS::ApiGatewayV2::Route') as Record<
      string,
      Resource
    >;
  });

  it('has exactly one route per row of the route table, with its method and path', () => {
    const deployed = Object.values(routes)
      .map((r) => r.Properties.RouteKey)
      .sort();
    expect(deployed).toEqual(routeList.map(routeKey).sort());
  });

  it('sends each route to the Lambda function the route table names', () => {
    const template = synth.template(synth.stacks.api);
    const integrations = template.findResources('AWS::ApiGatewayV2::Integration');
    for (const route of routeList) {
      const target = routeFor(routeKey(route))?.Properties.Target as { 'Fn::Join': [string, unknown[]] };
      const integrationId = (target['Fn::Join'][1][1] as { Ref: string }).Ref;
      const uri = JSON.stringify(integrations[integrationId]?.Properties.IntegrationUri);
      const fn = synth.stacks.api.functions.get(route.fn as never);
      expect(fn, `function ${route.fn}`).toBeDefined();
      const logicalId = synth.stacks.api.getLogicalId(fn?.handler.node.defaultChild as never);
      expect(uri, routeKey(route)).toContain(logicalId);
    }
  });

  it('puts the Cognito JWT authorizer on every route except the public ones', () => {
    for (const route of routeList) {
      const deployed = routeFor(routeKey(route));
      if (route.auth === 'public') {
        expect(deployed?.Properties.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(deployed?.Properties.AuthorizerId, routeKey(route)).toBeUndefined();
      } else {
        expect(deployed?.Properties.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(deployed?.Properties.AuthorizerId, routeKey(route)).toBeDefined();
      }
    }
  });

  it('leaves /health and only public routes open', () => {
    expect(routeFor('GET /health')?.Properties.AuthorizationType).toBe('NONE');
    const open = routeList.filter((r) => r.auth === 'public').map(routeKey);
    expect(open).toEqual(['GET /health']);
  });

  it('validates tokens issued by the user pool for the web client', () => {
    synth.template(synth.stacks.api).hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [Match.anyValue()],
        Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
      },
    });
    const authorizer = Object.values(
      synth.template(synth.stacks.api).findResources('AWS::ApiGatewayV2::Authorizer'),
    )[0];
    expect(JSON.stringify(authorizer)).toContain('UserPoolWebClient');
  });

  it('allows CORS from the web origin only, with the shared headers', () => {
    synth.template(synth.stacks.api).hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: {
        AllowOrigins: [Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith(['https://'])]) })],
        AllowHeaders: apiCors.allowHeaders,
        AllowMethods: [...apiCors.allowMethods],
        AllowCredentials: false,
        MaxAge: apiCors.maxAgeSeconds,
      },
    });
  });

  it('throttles the default stage and writes JSON access logs to a log group with retention', () => {
    const template = synth.template(synth.stacks.api);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: {
        ThrottlingRateLimit: apiThrottling.rateLimit,
        ThrottlingBurstLimit: apiThrottling.burstLimit,
      },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('^\\{.*requestId'),
      },
    });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as Resource;
    const format = (stage.Properties.AccessLogSettings as { Format: string }).Format;
    expect(JSON.parse(format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status' });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: synth.config.logRetention });
  });

  it('grants API Gateway one invoke permission per function, scoped to this API', () => {
    const permissions = synth.template(synth.stacks.api).findResources('AWS::Lambda::Permission', {
      Properties: { Principal: 'apigateway.amazonaws.com' },
    });
    expect(Object.keys(permissions).length).toBe(synth.stacks.api.functions.size);
  });
});
