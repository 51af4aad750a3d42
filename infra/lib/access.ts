import { exportsPrefix } from '@dml/functions/adapters/exports';
import { confirmedPrefix, pendingUploadPrefix } from '@dml/functions/data/storage-keys';
import { tableDefinition } from '@dml/functions/data/table-definition';
import { ENV } from '@dml/functions/env';
import type { Access } from '@dml/functions/function-catalog';
import { Annotations, Stack } from 'aws-cdk-lib';
import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { EmailConfig } from './config.ts';
import { acknowledgeWildcardResources } from './nag.ts';

/** What a function may be granted; every stack that creates functions passes the same set. */
export type FunctionResources = {
  table: ITable;
  bucket: IBucket;
  bus: IEventBus;
  userPool: IUserPool;
  userPoolClient: IUserPoolClient;
  email?: EmailConfig;
  webUrl: string;
  /** The programme's zone: "today" for visit and due dates. */
  timeZone: string;
};

/** The admin operations the user directory adapter calls. */
const userPoolAdminActions = [
  'AdminCreateUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminDisableUser',
  'AdminEnableUser',
  'AdminGetUser',
  'AdminSetUserPassword',
  // Undoes an account whose profile could not be written, so a failed invite leaves nothing behind.
  'AdminDeleteUser',
].map((action) => `cognito-idp:${action}`);

/**
 * The one place a catalog `access` entry becomes both the env vars a function reads and the
 * least-privilege IAM that lets it use them, so a grant never drifts from its configuration.
 */
export const grantAndConfigure = (
  fn: LambdaFunction,
  role: IRole,
  access: Access,
  res: FunctionResources,
) => {
  const allow = (
    actions: string[],
    resources: string[],
    conditions?: Record<string, Record<string, string>>,
  ) => role.addToPrincipalPolicy(new PolicyStatement({ actions, resources, conditions }));

  fn.addEnvironment(ENV.webUrl, res.webUrl);
  fn.addEnvironment(ENV.timeZone, res.timeZone);

  if (access.table) {
    fn.addEnvironment(ENV.tableName, res.table.tableName);
    allow(
      access.table.map((action) => `dynamodb:${action}`),
      [res.table.tableArn],
    );
    // Indexes are named, not `index/*`, so nothing beyond the declared GSIs is reachable.
    if (access.table.includes('Query'))
      allow(
        ['dynamodb:Query'],
        tableDefinition.indexes.map((index) => `${res.table.tableArn}/index/${index.name}`),
      );
  }

  if (access.bucket) {
    fn.addEnvironment(ENV.bucketName, res.bucket.bucketName);
    // Only the prefixes the app writes: uploads waiting for their check, checked files, generated exports.
    const objects = [pendingUploadPrefix, confirmedPrefix, exportsPrefix].map((prefix) =>
      res.bucket.arnForObjects(`${prefix}*`),
    );
    allow(
      access.bucket.map((action) => `s3:${action}`),
      objects,
    );
    acknowledgeWildcardResources(
      role,
      objects,
      'Object keys are generated per upload or export; access is limited to the pending/, attachments/ and exports/ prefixes of the one attachments bucket (no bucket-level actions).',
    );
  }

  if (access.userPool === 'admin') {
    fn.addEnvironment(ENV.userPoolId, res.userPool.userPoolId);
    fn.addEnvironment(ENV.userPoolClientId, res.userPoolClient.userPoolClientId);
    allow(userPoolAdminActions, [res.userPool.userPoolArn]);
  }

  if (access.email) {
    if (res.email) {
      fn.addEnvironment(ENV.emailFrom, res.email.from);
      const identityArn = Stack.of(role).formatArn({
        service: 'ses',
        resource: 'identity',
        resourceName: res.email.identity,
        region: res.email.region,
      });
      // Only the configured sender, even if the identity is a whole domain.
      allow(['ses:SendEmail'], [identityArn], { StringEquals: { 'ses:FromAddress': res.email.from } });
    } else {
      Annotations.of(fn).addWarningV2(
        '@dml/infra:emailNotConfigured',
        'No SES sender configured: this function cannot send email until you deploy with -c emailFrom=<SES-verified address>.',
      );
    }
  }

  if (access.bus) {
    fn.addEnvironment(ENV.eventBusName, res.bus.eventBusName);
    res.bus.grantPutEventsTo(role);
  }

  if (access.stream) {
    res.table.grantStreamRead(role);
    acknowledgeWildcardResources(
      role,
      ['*'],
      "dynamodb:ListStreams has no resource-level permissions; reading records is limited to this table's stream ARN.",
    );
  }
};
