import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserConfigKeys } from '#lib/web-config-stack';
import { configuredContext, fakeInlineCss, type SynthesizedApp, synthApp } from './fixture.ts';

type Resource = { Properties: Record<string, unknown> };

// The flat keys of .local/outputs.json, which the deployed app exposes too (docs/local-runtime.md).
const designOutputKeys = [
  'apiUrl',
  'webUrl',
  'region',
  'userPoolId',
  'userPoolClientId',
  'cognitoEndpoint',
  'tableName',
  'bucketName',
  's3Endpoint',
  'sesEndpoint',
  'dynamodbEndpoint',
  'eventBusName',
];

describe('web hosting and runtime config', () => {
  let synth: SynthesizedApp;
  const deployments = (stack: Stack) =>
    Object.values(synth.template(stack).findResources('Custom::CDKBucketDeployment')) as Resource[];

  beforeAll(() => {
    synth = synthApp({ context: configuredContext });
  });

  it('serves a private, encrypted, SSL-only site bucket through CloudFront origin access control', () => {
    const web = synth.template(synth.stacks.web);
    web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { LogFilePrefix: 'site/' },
    });
    web.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    web.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultRootObject: 'index.html',
        Origins: [Match.objectLike({ OriginAccessControlId: Match.anyValue() })],
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true }),
        Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
      }),
    });
  });

  it('answers unknown paths with index.html so client-side routes work', () => {
    synth.template(synth.stacks.web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: [403, 404].map((code) => ({
          ErrorCode: code,
          ResponseCode: 200,
          ResponsePagePath: '/index.html',
          ErrorCachingMinTTL: 0,
        })),
      }),
    });
  });

  it('sends HSTS, a CSP for the SPA and its AWS endpoints, nosniff, DENY framing and a strict referrer policy', () => {
    const policy = Object.values(
      synth.template(synth.stacks.web).findResources('AWS::CloudFront::ResponseHeadersPolicy'),
    )[0] as Resource;
    const config = (
      policy.Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, never> }
    ).SecurityHeadersConfig;
    expect(config).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY' },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin' },
    });
    const csp = JSON.stringify(config.ContentSecurityPolicy);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    for (const host of ['https://*.execute-api.', 'https://cognito-idp.', 'https://*.s3.'])
      expect(csp).toContain(host);
  });

  it("allows the build's inlined stylesheet by its hash, and no other inline style", () => {
    const policy = Object.values(
      synth.template(synth.stacks.web).findResources('AWS::CloudFront::ResponseHeadersPolicy'),
    )[0] as Resource;
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig);
    const hash = createHash('sha256').update(fakeInlineCss).digest('base64');
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(csp).not.toContain('unsafe-inline');
  });

  it('deploys web/dist without ever touching config.json, hashed assets cached for a year', () => {
    const all = deployments(synth.stacks.web).map((d) => d.Properties);
    const immutable = all.find((p) => JSON.stringify(p.Include) === '["assets/*"]');
    const rest = all.find((p) => p.Prune === true);
    expect(immutable).toMatchObject({
      Exclude: ['*'],
      Prune: false,
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
    });
    expect(rest).toMatchObject({
      Exclude: ['assets/*', 'config.json'],
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
  });

  it('exposes exactly the outputs.json names as CloudFormation outputs, without exports', () => {
    const outputs = synth.template(synth.stacks.webConfig).findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual([...designOutputKeys].sort());
    for (const output of Object.values(outputs)) expect(output.Export).toBeUndefined();
  });

  it('writes /config.json with exactly the browser keys, uncached and never pruning the build', () => {
    const [config] = deployments(synth.stacks.webConfig).map((d) => d.Properties);
    expect(config).toMatchObject({
      Prune: false,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/config.json'],
    });
    const [key] = (config?.SourceObjectKeys ?? []) as string[];
    const dir = join(synth.assembly.directory, `asset.${key?.replace(/\.zip$/, '')}`);
    expect(readdirSync(dir)).toEqual(['config.json']);
    const json = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(Object.keys(json).sort()).toEqual([...browserConfigKeys].sort());
    expect(json).toMatchObject({
      webUrl: expect.stringMatching(/^https:\/\//),
      cognitoEndpoint: expect.stringMatching(/^https:\/\/cognito-idp\./),
    });
  });

  it('fails with a clear message when the web app has not been built', () => {
    expect(() => synthApp({ context: { webDist: '/nonexistent/web/dist' } })).toThrow(
      /run npm run build:web first/,
    );
  });
});
