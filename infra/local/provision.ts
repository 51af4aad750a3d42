import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { tableDefinition } from '@dml/functions/data/table-definition';
import { userPoolDefinition } from '#definitions/auth';
import { attachmentsCors } from '#definitions/storage';

/** Creates the table exactly as CDK declares it (same definition object); no-op if it exists. */
export const ensureTable = async (tableName: string) => {
  const client = new DynamoDBClient({});
  const { partitionKey, sortKey, indexes, ttlAttribute, streamView } = tableDefinition;
  const attributes = [partitionKey, sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])];
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
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
        StreamSpecification: { StreamEnabled: true, StreamViewType: streamView },
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      }),
    );
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  client.destroy();
  return { streamArn: Table?.LatestStreamArn };
};

export const ensureBucket = async (bucketName: string, allowedOrigins: string[]) => {
  const client = new S3Client({ forcePathStyle: true });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucketName }));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  await client.send(
    new PutBucketCorsCommand({
      Bucket: bucketName,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: allowedOrigins,
            AllowedMethods: [...attachmentsCors.allowedMethods],
            AllowedHeaders: attachmentsCors.allowedHeaders,
            ExposeHeaders: attachmentsCors.exposedHeaders,
            MaxAgeSeconds: attachmentsCors.maxAgeSeconds,
          },
        ],
      },
    }),
  );
  client.destroy();
};

/** Finds the pool by name or creates it (with client and groups) from the shared definition. */
export const ensureUserPool = async (poolName: string) => {
  const client = new CognitoIdentityProviderClient({});
  const { UserPools } = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  let userPoolId = UserPools?.find((p) => p.Name === poolName)?.Id;
  if (!userPoolId) {
    const { passwordPolicy } = userPoolDefinition;
    const created = await client.send(
      new CreateUserPoolCommand({
        PoolName: poolName,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
        Policies: {
          PasswordPolicy: {
            MinimumLength: passwordPolicy.minLength,
            RequireLowercase: passwordPolicy.requireLowercase,
            RequireUppercase: passwordPolicy.requireUppercase,
            RequireNumbers: passwordPolicy.requireDigits,
            RequireSymbols: passwordPolicy.requireSymbols,
            TemporaryPasswordValidityDays: passwordPolicy.temporaryPasswordValidityDays,
          },
        },
      }),
    );
    userPoolId = created.UserPool?.Id;
  }
  if (!userPoolId) throw new Error('cognito-local did not return a user pool id');

  const clientName = `${poolName}-web`;
  const { UserPoolClients } = await client.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  let userPoolClientId = UserPoolClients?.find((c) => c.ClientName === clientName)?.ClientId;
  if (!userPoolClientId) {
    const { tokenValidity } = userPoolDefinition;
    const created = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: clientName,
        GenerateSecret: false,
        ExplicitAuthFlows: [...userPoolDefinition.clientAuthFlows],
        AccessTokenValidity: tokenValidity.accessMinutes,
        IdTokenValidity: tokenValidity.idMinutes,
        RefreshTokenValidity: tokenValidity.refreshDays,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      }),
    );
    userPoolClientId = created.UserPoolClient?.ClientId;
  }
  if (!userPoolClientId) throw new Error('cognito-local did not return an app client id');

  for (const group of userPoolDefinition.groups) {
    try {
      await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: group }));
    } catch (error) {
      if ((error as { name?: string }).name !== 'GroupExistsException') throw error;
    }
  }
  client.destroy();
  return { userPoolId, userPoolClientId };
};
