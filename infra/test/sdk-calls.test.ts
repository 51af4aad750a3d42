import { describe, expect, it } from 'vitest';
import { actionsCalledBy } from './sdk-calls.ts';

describe('reading the IAM actions a bundle needs from the AWS calls it makes', () => {
  it('maps document-client, S3, Cognito and transaction-item calls to their actions', () => {
    const code = `
      await ddb().send(new GetCommand({ TableName, Key }));
      await client.send(new sdk.HeadObjectCommand({ Bucket, Key }));
      await client.send(new sdk.AdminGetUserCommand({ UserPoolId, Username }));
      const { url } = await createPresignedPost(client, policy);
      await ddb().send(new TransactWriteCommand2({ TransactItems: [tableItem("ConditionCheck", body)] }));
    `;
    expect([...actionsCalledBy(code)].sort()).toEqual([
      'cognito-idp:AdminGetUser',
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      's3:GetObject',
      's3:PutObject',
    ]);
  });

  it('refuses a call it has no mapping for, or a transaction item whose kind it cannot read', () => {
    expect(() => actionsCalledBy('client.send(new ListObjectsV2Command({ Bucket }))')).toThrow(
      /ListObjectsV2Command/,
    );
    expect(() => actionsCalledBy('tableItem(kind, { Key })')).toThrow(/tableItem\(kind/);
  });
});
