import {
  CognitoIdentityProviderClient,
  DeleteUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Outputs } from '#local/app';

/** Drops what a test stack created (best effort: the emulators go away at the end of the run anyway). */
export const dropResources = async (outputs: Outputs) => {
  const dynamo = new DynamoDBClient({ endpoint: outputs.dynamodbEndpoint, region: outputs.region });
  const cognito = new CognitoIdentityProviderClient({
    endpoint: outputs.cognitoEndpoint,
    region: outputs.region,
  });
  await Promise.allSettled([
    dynamo.send(new DeleteTableCommand({ TableName: outputs.tableName })),
    cognito.send(new DeleteUserPoolCommand({ UserPoolId: outputs.userPoolId })),
  ]);
  dynamo.destroy();
  cognito.destroy();
};
