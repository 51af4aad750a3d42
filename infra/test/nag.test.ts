import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';

const findings = (scope: IConstruct) =>
  new AwsSolutionsChecks()
    .validateScope(scope)
    .violations.flatMap((v) =>
      v.violatingResources.map((r) => `${v.severity} ${v.ruleName} at ${r.constructPath}`),
    );

const acknowledgements = (scope: IConstruct) =>
  scope.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.entries(m.data as Record<string, string>));

describe('cdk-nag AwsSolutions', () => {
  let plain: SynthesizedApp;
  let configured: SynthesizedApp;

  beforeAll(() => {
    // As `npm run synth` builds it (no SES sender, no custom domain) and fully configured.
    plain = synthApp();
    configured = synthApp({
      context: {
        ...configuredContext,
        webDomainName: 'mentorship.example.org',
        webCertificateArn:
          'arn:aws:acm:us-east-1:111122223333:certificate/00000000-0000-0000-0000-000000000000',
      },
    });
  });

  it('has no unacknowledged error or warning in the default app', () => {
    expect(findings(plain.app)).toEqual([]);
  });

  it('has no unacknowledged error or warning when SES and a custom domain are configured', () => {
    expect(findings(configured.app)).toEqual([]);
  });

  it('needs no TLS acknowledgement once the custom domain enforces TLS 1.2', () => {
    const ids = acknowledgements(configured.app).map(([id]) => id);
    expect(ids.some((id) => id.includes('AwsSolutions-CFR4'))).toBe(false);
    configured.template(configured.stacks.web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['mentorship.example.org'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021' }),
      }),
    });
  });

  it('gives every acknowledgement a specific written reason', () => {
    const all = acknowledgements(plain.app);
    expect(all.length).toBeGreaterThan(0);
    for (const [id, reason] of all) expect(reason.length, id).toBeGreaterThan(40);
  });

  it('leaves no construct errors or AwsSolutions warnings in any stack', () => {
    for (const stack of Object.values(configured.stacks)) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue()), stack.stackName).toEqual([]);
      expect(
        annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')),
        stack.stackName,
      ).toEqual([]);
    }
  });

  it('warns at synth when email-sending functions have no SES sender', () => {
    const warnings = Annotations.fromStack(plain.stacks.events).findWarning(
      '*',
      Match.stringLikeRegexp('No SES sender configured'),
    );
    expect(warnings.length).toBeGreaterThan(0);
  });

  it('does report findings (the check is live)', () => {
    const app = new App();
    new Bucket(new Stack(app, 'Bare'), 'Unlogged');
    expect(findings(app).some((f) => f.includes('AwsSolutions-S1'))).toBe(true);
  });
});
