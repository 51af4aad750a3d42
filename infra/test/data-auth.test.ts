import { tableDefinition } from '@dml/functions/data/table-definition';
import { roles } from '@dml/shared';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { userPoolDefinition } from '#definitions/auth';
import { attachmentsCors, pendingUploadExpiryDays, pendingUploadPrefix } from '#definitions/storage';
import { configuredContext, type SynthesizedApp, synthApp } from './fixture.ts';

describe('data and sign-in', () => {
  let synth: SynthesizedApp;
  beforeAll(() => {
    synth = synthApp({ context: configuredContext });
  });

  it('creates the one table from the table definition: keys, GSIs, TTL, stream, PITR, on-demand', () => {
    const { partitionKey, sortKey, indexes, ttlAttribute, streamView } = tableDefinition;
    synth.template(synth.stacks.data).hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        KeySchema: [
          { AttributeName: partitionKey, KeyType: 'HASH' },
          { AttributeName: sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: indexes.map((index) => ({
          IndexName: index.name,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
        StreamSpecification: { StreamViewType: streamView },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      }),
    });
  });

  it('keeps attachments private, versioned, logged and CORS-open only to the web origin', () => {
    const template = synth.template(synth.stacks.data);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: Match.objectLike({ LogFilePrefix: 'attachments/' }),
        CorsConfiguration: {
          CorsRules: [
            Match.objectLike({
              AllowedMethods: [...attachmentsCors.allowedMethods],
              AllowedOrigins: [Match.objectLike({ 'Fn::Join': Match.anyValue() })],
            }),
          ],
        },
      }),
    });
    const bucket = Object.values(template.findResources('AWS::S3::Bucket'))[0];
    expect(JSON.stringify(bucket?.Properties.CorsConfiguration)).toContain('Distribution');
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      }),
    });
  });

  it('expires uploads never confirmed and old object versions', () => {
    synth.template(synth.stacks.data).hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({
            Prefix: pendingUploadPrefix,
            ExpirationInDays: pendingUploadExpiryDays,
            Status: 'Enabled',
          }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 } }),
        ]),
      },
    });
  });

  it('lets only admins create users, who sign in by email with a strong password', () => {
    const { passwordPolicy } = userPoolDefinition;
    synth.template(synth.stacks.auth).hasResourceProperties('AWS::Cognito::UserPool', {
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
      UsernameAttributes: ['email'],
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      Policies: Match.objectLike({
        PasswordPolicy: Match.objectLike({
          MinimumLength: passwordPolicy.minLength,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      }),
    });
  });

  it('sends Cognito email through SES from the configured sender', () => {
    synth.template(synth.stacks.auth).hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: Match.objectLike({
        EmailSendingAccount: 'DEVELOPER',
        From: `Digital Mentorship Log <${configuredContext.emailFrom}>`,
        SourceArn: Match.objectLike({
          'Fn::Join': Match.arrayWith([
            Match.arrayWith([`:identity/${configuredContext.sesVerifiedDomain}`]),
          ]),
        }),
      }),
    });
  });

  it('uses the Cognito default sender when no SES sender is configured', () => {
    const plain = synthApp();
    plain.template(plain.stacks.auth).hasResourceProperties('AWS::Cognito::UserPool', {
      EmailConfiguration: { EmailSendingAccount: 'COGNITO_DEFAULT' },
    });
  });

  it('has one group per role', () => {
    const groups = synth.template(synth.stacks.auth).findResources('AWS::Cognito::UserPoolGroup');
    expect(Object.values(groups).map((g) => g.Properties.GroupName)).toEqual([...roles]);
  });

  it('gives the browser a secretless client with password, SRP and refresh flows', () => {
    const { tokenValidity } = userPoolDefinition;
    const template = synth.template(synth.stacks.auth);
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    expect([...(client?.Properties.ExplicitAuthFlows ?? [])].sort()).toEqual(
      [...userPoolDefinition.clientAuthFlows].sort(),
    );
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AccessTokenValidity: tokenValidity.accessMinutes,
      IdTokenValidity: tokenValidity.idMinutes,
      RefreshTokenValidity: tokenValidity.refreshDays * 24 * 60,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});
