import { join } from 'node:path';
import { type FunctionName, type FunctionSpec, functionCatalog } from '@dml/functions/function-catalog';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
} from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type FunctionResources, grantAndConfigure } from './access.ts';
import { bundleLambda } from './bundling.ts';
import { functionsSrc } from './paths.ts';

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
  readonly handler: LambdaFunction;

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

    const entry = join(functionsSrc, this.spec.entry);
    this.handler = new LambdaFunction(this, 'Handler', {
      description: this.spec.description,
      code: Code.fromAsset(functionsSrc, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Bundling is always local (esbuild is a dev dependency); the image is never pulled.
          image: DockerImage.fromRegistry('local-esbuild'),
          // Names the entry, so each function's bundle is staged (and cached) as its own asset.
          command: ['esbuild', this.spec.entry],
          local: {
            tryBundle: (outputDir) => {
              // The map ships beside the bundle for reading a minified stack trace; Node is not told to
              // apply it (`--enable-source-maps` would parse the whole map at every cold start).
              bundleLambda(entry, outputDir, { sourcemap: true });
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: this.spec.memoryMb ?? 512,
      timeout: Duration.seconds(this.spec.timeoutSeconds ?? 10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
    });
    grantAndConfigure(this.handler, this.role, this.spec.access, props.resources);
  }
}
