import {
  type FunctionName,
  type FunctionSpec,
  functionCatalog,
  functionNames,
} from '@dml/functions/function-catalog';
import { routeList } from '@dml/shared';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { apiCors } from '#definitions/api';
import type { FunctionResources } from './access.ts';
import { CatalogFunction } from './lambda.ts';
import { acknowledge } from './nag.ts';

export type ApiStackProps = StackProps & {
  resources: FunctionResources;
  throttle: { rateLimit: number; burstLimit: number };
  logRetention: RetentionDays;
};

// HTTP API context variables; the caller's `sub` ties a request to the audit trail without PII.
const accessLogFields = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  userAgent: '$context.identity.userAgent',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  sub: '$context.authorizer.claims.sub',
};

/** The HTTP API: one route per row of the route table, each served by its catalog function. */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  readonly functions = new Map<FunctionName, CatalogFunction>();

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { resources } = props;

    this.api = new HttpApi(this, 'HttpApi', {
      description: 'Digital Mentorship Log API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [resources.webUrl],
        allowMethods: apiCors.allowMethods.map((method) => CorsHttpMethod[method]),
        allowHeaders: apiCors.allowHeaders,
        exposeHeaders: apiCors.exposeHeaders,
        maxAge: Duration.seconds(apiCors.maxAgeSeconds),
        // Bearer tokens, never cookies.
        allowCredentials: false,
      },
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: props.throttle,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const authorizer = new HttpUserPoolAuthorizer('CognitoJwt', resources.userPool, {
      userPoolClients: [resources.userPoolClient],
      identitySource: ['$request.header.Authorization'],
    });

    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const name of functionNames) {
      const spec: FunctionSpec = functionCatalog[name];
      if (spec.trigger !== 'http') continue;
      const fn = new CatalogFunction(this, { name, resources, logRetention: props.logRetention });
      this.functions.set(name, fn);
      // One invoke permission per function for the whole API: per-route ones would outgrow the
      // function's 20 KB resource policy as routes are added.
      integrations.set(
        name,
        new HttpLambdaIntegration(`${name}Integration`, fn.handler, { scopePermissionToRoute: false }),
      );
    }

    for (const route of routeList) {
      const integration = integrations.get(route.fn);
      if (!integration) {
        throw new Error(
          `Route ${route.method} ${route.path} is served by "${route.fn}", which is not an http function in functions/src/function-catalog.ts.`,
        );
      }
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'public' ? undefined : authorizer,
      });
      if (route.auth === 'public' && httpRoute) {
        const reason = `${route.method} ${route.path} is public by design in the route table: ${route.summary}`;
        acknowledge(httpRoute, 'AwsSolutions-APIG4', reason);
        acknowledge(httpRoute, 'AwsSolutions-COG4', reason);
      }
    }
  }
}
