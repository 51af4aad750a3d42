import { Aws } from 'aws-cdk-lib';
import type { Outputs } from '#local/app';
import type { ApiStack } from './api-stack.ts';
import type { AuthStack } from './auth-stack.ts';
import type { DataStack } from './data-stack.ts';
import type { EventsStack } from './events-stack.ts';
import type { WebStack } from './web-stack.ts';

export type AppStacks = {
  web: WebStack;
  data: DataStack;
  auth: AuthStack;
  events: EventsStack;
  api: ApiStack;
};

/** The deployed values of the `.local/outputs.json` names (pseudo parameters resolve in any stack). */
export const appOutputs = (stacks: AppStacks): Outputs => {
  const region = Aws.REGION;
  const endpoint = (service: string) => `https://${service}.${region}.${Aws.URL_SUFFIX}`;
  return {
    apiUrl: stacks.api.api.apiEndpoint,
    webUrl: stacks.web.webUrl,
    region,
    userPoolId: stacks.auth.userPool.userPoolId,
    userPoolClientId: stacks.auth.userPoolClient.userPoolClientId,
    cognitoEndpoint: endpoint('cognito-idp'),
    tableName: stacks.data.table.tableName,
    bucketName: stacks.data.attachmentsBucket.bucketName,
    s3Endpoint: endpoint('s3'),
    sesEndpoint: endpoint('email'),
    dynamodbEndpoint: endpoint('dynamodb'),
    eventBusName: stacks.events.bus.eventBusName,
  };
};
