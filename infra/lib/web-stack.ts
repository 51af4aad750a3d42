import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HttpVersion,
  PriceClass,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AppConfig } from './config.ts';
import { acknowledge } from './nag.ts';
import { inlineStyleHashes, securityHeadersPolicy } from './security-headers.ts';
import { SiteDeployment } from './site-deployment.ts';

export type WebStackProps = StackProps & { config: AppConfig };

/**
 * The first stack: everything else needs the web origin (bucket CORS, API CORS, WEB_URL), so the
 * site bucket, the distribution and the access-logs bucket live here.
 */
export class WebStack extends Stack {
  readonly logsBucket: Bucket;
  readonly siteBucket: Bucket;
  readonly distribution: Distribution;
  readonly webUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { config } = props;
    const indexHtml = join(config.webDist, 'index.html');
    if (!existsSync(indexHtml)) {
      throw new Error(`No web build at ${config.webDist} (index.html missing): run npm run build:web first.`);
    }
    const styleHashes = inlineStyleHashes(readFileSync(indexHtml, 'utf8'));

    this.logsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logging writes with an ACL grant, which BucketOwnerEnforced would refuse.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    acknowledge(
      this.logsBucket,
      'AwsSolutions-S1',
      'This is the access-log destination; logging it into itself would loop.',
    );

    this.siteBucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'site/',
    });

    const domain = config.webDomain;
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Digital Mentorship Log web app',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeadersPolicy(this, styleHashes),
        compress: true,
      },
      // Client-side routes: any path S3 does not have is the SPA (OAC without ListBucket answers 403).
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Edge locations in Africa are in price class 200.
      priceClass: PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      ...(domain && {
        domainNames: [domain.name],
        certificate: Certificate.fromCertificateArn(this, 'Certificate', domain.certificateArn),
        minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
      }),
    });
    this.webUrl = `https://${domain?.name ?? this.distribution.distributionDomainName}`;

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Mentors travel across the programme country and beyond; a geo restriction is a per-programme decision, not a default.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'WAF on CloudFront is out of scope for the pilot: the site is static and the API has its own throttling and JWT authorizer.',
    );
    if (!domain) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'The default *.cloudfront.net certificate is used until a programme domain is configured (webDomainName/webCertificateArn), which enforces TLSv1.2_2021.',
      );
    }

    new SiteDeployment(this, 'WebApp', {
      webDist: config.webDist,
      bucket: this.siteBucket,
      distribution: this.distribution,
      logRetention: config.logRetention,
    });
  }
}
