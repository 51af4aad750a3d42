import { tableDefinition } from '@dml/functions/data/table-definition';
import { Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { attachmentsCors, pendingUploadExpiryDays, pendingUploadPrefix } from '../definitions/storage.ts';

export type DataStackProps = StackProps & {
  /** The only origin browsers upload from and download to. */
  webUrl: string;
  logsBucket: IBucket;
};

/** The one table and the attachments bucket; both outlive any stack update or deletion. */
export class DataStack extends Stack {
  readonly table: Table;
  readonly attachmentsBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { partitionKey, sortKey, indexes, ttlAttribute, streamView } = tableDefinition;
    const key = (name: string) => ({ name, type: AttributeType.STRING });

    this.table = new Table(this, 'Table', {
      partitionKey: key(partitionKey),
      sortKey: key(sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: ttlAttribute,
      stream: StreamViewType[streamView],
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }

    this.attachmentsBucket = new Bucket(this, 'Attachments', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      serverAccessLogsBucket: props.logsBucket,
      serverAccessLogsPrefix: 'attachments/',
      removalPolicy: RemovalPolicy.RETAIN,
      cors: [
        {
          allowedOrigins: [props.webUrl],
          allowedMethods: attachmentsCors.allowedMethods.map((method) => HttpMethods[method]),
          allowedHeaders: attachmentsCors.allowedHeaders,
          exposedHeaders: attachmentsCors.exposedHeaders,
          maxAge: attachmentsCors.maxAgeSeconds,
        },
      ],
      lifecycleRules: [
        {
          id: 'expire-unconfirmed-uploads',
          prefix: pendingUploadPrefix,
          expiration: Duration.days(pendingUploadExpiryDays),
          noncurrentVersionExpiration: Duration.days(pendingUploadExpiryDays),
        },
        {
          id: 'tidy-old-versions',
          noncurrentVersionExpiration: Duration.days(30),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          expiredObjectDeleteMarker: true,
        },
      ],
    });
  }
}
