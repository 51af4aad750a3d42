import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { buildOpenApi, routes } from '@dml/shared';
import { countAssignedFacilities } from '../data/assignments.ts';
import { ddb, tableName } from '../data/client.ts';
import { checkHealth } from '../features/system/health.ts';
import { httpFunction } from '../http/function.ts';
import { implement, WithStatus } from '../http/route-handler.ts';

const API_VERSION = '1.0.0';
let openApiDocument: ReturnType<typeof buildOpenApi> | undefined;

export const handler = httpFunction([
  implement(routes.health, async ({ now }) => {
    const health = await checkHealth(async () => {
      await ddb().send(new GetCommand({ TableName: tableName(), Key: { pk: 'HEALTH', sk: 'HEALTH' } }));
    }, now);
    return health.status === 'ok' ? health : new WithStatus(503, health);
  }),
  implement(routes.openapi, async () => {
    openApiDocument ??= buildOpenApi({ version: API_VERSION });
    return openApiDocument;
  }),
  implement(routes.authMe, async ({ actor }) => ({
    ...actor.profile,
    facility_count: await countAssignedFacilities(actor.id),
  })),
]);
