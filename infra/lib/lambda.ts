import { join } from 'node:path';
import { type FunctionName, type FunctionSpec, functionCatalog } from '@dml/functions/catalog';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type FunctionResources, grantAndConfigure } from './access.ts';
import { lambdaBundling } from './bundling.ts';
import { functionsSrc, lockFile, repoRoot } from './paths.ts';

export type CatalogFunctionProps = {
  name: FunctionName;
  resources: FunctionResources;
  logRetention: RetentionDays;
};

/**
 * One catalog entry as a Lambda function: its own role (log writing plus exactly what its `access`
 * grants, no AWS managed policy), its own log group with retention, and a local esbuild bundle.
 */
export class CatalogFunction extends Construct {
  readonly spec: FunctionSpec;
  readonly role: Role;
  readonly handler: NodejsFunction;

  constructor(scope: Construct, props: CatalogFunctionProps) {
    super(scope, props.name);
    this.spec = functionCatalog[props.name];
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of the ${props.name} function`,
    });
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    logGroup.grantWrite(this.role);

    this.handler = new NodejsFunction(this, 'Handler', {
      description: this.spec.description,
      entry: join(functionsSrc, this.spec.entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: this.spec.memoryMb ?? 512,
      timeout: Duration.seconds(this.spec.timeoutSeconds ?? 10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: repoRoot,
      depsLockFilePath: lockFile,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: lambdaBundling.target,
        mainFields: [...lambdaBundling.mainFields],
        minify: lambdaBundling.minify,
        sourceMap: true,
        sourcesContent: false,
        banner: lambdaBundling.banner,
        externalModules: [...lambdaBundling.external],
      },
    });
    grantAndConfigure(this.handler, this.role, this.spec.access, props.resources);
  }
}
