import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { DeploymentHandler } from './deployment-handler.ts';

export type SiteDeploymentProps = {
  webDist: string;
  bucket: IBucket;
  distribution: IDistribution;
  logRetention: RetentionDays;
};

/** `config.json` is written by the WebConfig stack from stack outputs; the build never owns it. */
export const runtimeConfigKey = 'config.json';

/**
 * Uploads web/dist in two passes: hashed `assets/` first, cached for a year and never pruned (a
 * browser holding the previous index.html can still load its chunks), then everything else
 * uncached and pruned, so a new index.html never points at files that are not there yet.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const source = Source.asset(props.webDist);
    const { role, logGroup } = new DeploymentHandler(this, 'Handler', {
      destination: props.bucket,
      logRetention: props.logRetention,
    });

    const assets = new BucketDeployment(this, 'Assets', {
      sources: [source],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: ['assets/*'],
      prune: false,
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      memoryLimit: 512,
      role,
      logGroup,
    });

    const shell = new BucketDeployment(this, 'Shell', {
      sources: [source],
      destinationBucket: props.bucket,
      // Excluded keys are neither uploaded nor pruned.
      exclude: ['assets/*', runtimeConfigKey],
      prune: true,
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      role,
      logGroup,
    });
    shell.node.addDependency(assets);
  }
}
