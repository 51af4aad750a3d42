import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { env } from '#env';

let documentClient: DynamoDBDocumentClient | undefined;

/**
 * One client per container. Endpoints come from the SDK's own `AWS_ENDPOINT_URL_DYNAMODB`, which the
 * local runtime sets to DynamoDB Local, so this code is identical in AWS and locally.
 */
export const ddb = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({ maxAttempts: 3 }), {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return documentClient;
};

export const tableName = () => env('tableName');
