import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import type { Outputs } from '#local/app';
import { DeploymentHandler } from './deployment-handler.ts';
import { runtimeConfigKey } from './site-deployment.ts';

/** The keys of Outputs the browser needs; the rest (endpoints, table) are for tools and tests. */
export const browserConfigKeys = [
  'apiUrl',
  'webUrl',
  'region',
  'userPoolId',
  'userPoolClientId',
  'cognitoEndpoint',
  'bucketName',
  'eventBusName',
] as const satisfies readonly (keyof Outputs)[];

export type WebConfigStackProps = StackProps & {
  outputs: Outputs;
  siteBucket: IBucket;
  distribution: IDistribution;
  logRetention: RetentionDays;
};

/**
 * The last stack: every value is known here, so it publishes the stack outputs (the same names as
 * `.local/outputs.json`) and writes `/config.json`, which lets one web build serve every stage.
 */
export class WebConfigStack extends Stack {
  constructor(scope: Construct, id: string, props: WebConfigStackProps) {
    super(scope, id, props);
    for (const [key, value] of Object.entries(props.outputs)) new CfnOutput(this, key, { value });

    const handler = new DeploymentHandler(this, 'DeploymentHandler', {
      destination: props.siteBucket,
      logRetention: props.logRetention,
    });
    const browserConfig = Object.fromEntries(browserConfigKeys.map((key) => [key, props.outputs[key]]));
    new BucketDeployment(this, 'RuntimeConfig', {
      sources: [Source.jsonData(runtimeConfigKey, browserConfig)],
      destinationBucket: props.siteBucket,
      // Leave the web build alone.
      prune: false,
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: [`/${runtimeConfigKey}`],
      role: handler.role,
      logGroup: handler.logGroup,
    });
  }
}
