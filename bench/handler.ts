import { handler as facilitiesHandler } from '@dml/functions/handlers/facilities';
import { handler as logsHandler } from '@dml/functions/handlers/logs';
import { routes } from '@dml/shared';
import { startBenchTable } from './dynamo.ts';
import { loadProgramme } from './fixtures.ts';
import { invokeRoute } from './invoke.ts';
import { meter } from './meters.ts';

/**
 * Warm handler time ≤ 1.3 × the raw DynamoDB calls it makes — middleware, validation and
 * authorization must be cheap. Measured in-process over many warm invocations against DynamoDB Local.
 */
export const benchHandlers = async (runs = 300) => {
  const table = await startBenchTable();
  try {
    const p = await loadProgramme(500);
    const m = meter();
    const cases = [
      {
        name: 'GET /api/facilities/{id}',
        run: () =>
          invokeRoute(facilitiesHandler, routes.getFacility, p.admin, {
            params: { id: p.facilities[0]?.id ?? '' },
          }),
      },
      {
        name: 'GET /api/mentorship-logs (25)',
        run: () => invokeRoute(logsHandler, routes.listLogs, p.supervisor, { query: { limit: '25' } }),
      },
    ];
    const rows = [];
    for (const c of cases) {
      for (let i = 0; i < 30; i++) await c.run();
      m.reset();
      const started = performance.now();
      for (let i = 0; i < runs; i++) {
        const response = await c.run();
        if (response.status !== 200) throw new Error(`${c.name}: ${response.status}`);
      }
      const total = performance.now() - started;
      const t = m.totals();
      rows.push({
        route: c.name,
        handler_ms: Math.round((total / runs) * 100) / 100,
        dynamodb_ms: Math.round((t.ddbMs / runs) * 100) / 100,
        dynamodb_calls: Math.round((t.calls / runs) * 10) / 10,
        ratio: Math.round((total / t.ddbMs) * 100) / 100,
      });
    }
    return rows;
  } finally {
    await table.stop();
  }
};
