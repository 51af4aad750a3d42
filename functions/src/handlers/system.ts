import type { buildOpenApi } from '@dml/shared/openapi';
import { systemRoutes as routes } from '@dml/shared/routes/system';
import { countAssignedFacilities } from '#data/assignments';
import { probeTable } from '#data/health';
import { checkHealth } from '#features/system/health';
import { httpFunction } from '#http/function';
import { implement, WithStatus } from '#http/route-handler';

const API_VERSION = '1.0.0';
let openApiDocument: ReturnType<typeof buildOpenApi> | undefined;

export const handler = httpFunction([
  implement(routes.health, async ({ now }) => {
    const health = await checkHealth(probeTable, now);
    return health.status === 'ok' ? health : new WithStatus(503, health);
  }),
  implement(routes.openapi, async () => {
    // The document needs every route's schemas and the JSON Schema writer: loaded on first request.
    openApiDocument ??= (await import('@dml/shared/openapi')).buildOpenApi({ version: API_VERSION });
    return openApiDocument;
  }),
  implement(routes.authMe, async ({ actor }) => ({
    ...actor.profile,
    facility_count: await countAssignedFacilities(actor.id),
  })),
]);
