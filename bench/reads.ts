import { reconcileFigures } from '@dml/functions/features/reports/reconcile';
import { handler as logsHandler } from '@dml/functions/handlers/logs';
import { handler as reportsHandler } from '@dml/functions/handlers/reports';
import { routes } from '@dml/shared';
import { startBenchTable } from './dynamo.ts';
import { loadProgramme } from './fixtures.ts';
import { invokeRoute } from './invoke.ts';
import { meter } from './meters.ts';

/** DESIGN §9: items evaluated per list ≤ 1.2 × returned + 1, dashboard ≤ 5 reads — at 100 logs as at 100 000. */
export const benchReads = async (sizes: readonly number[]) => {
  const results = [];
  for (const size of sizes) {
    const table = await startBenchTable();
    try {
      const started = performance.now();
      const p = await loadProgramme(size);
      const loadSeconds = (performance.now() - started) / 1000;
      await reconcileFigures({ fix: true });
      const m = meter();
      const lists: [string, typeof p.admin, Record<string, string>][] = [
        ['admin, all logs', p.admin, {}],
        ['admin, by status', p.admin, { status: 'approved' }],
        [
          'admin, by facility and status',
          p.admin,
          { facility_id: p.facilities[2]?.id ?? '', status: 'submitted' },
        ],
        ['admin, by date range', p.admin, { from: '2025-06-01', to: '2025-09-30' }],
        ['mentor, own logs', p.mentors[0] ?? p.admin, {}],
        ['supervisor, scope', p.supervisor, {}],
        ['supervisor, scope by status', p.supervisor, { status: 'completed' }],
      ];
      const listRows = [];
      for (const [label, caller, query] of lists) {
        m.reset();
        const response = await invokeRoute(logsHandler, routes.listLogs, caller, {
          query: { limit: '25', ...query },
        });
        const t = m.totals();
        const returned = response.body.items?.length ?? 0;
        listRows.push({
          list: label,
          returned,
          evaluated: t.scanned,
          bound: Math.floor(1.2 * returned + 1),
          ok: t.scanned <= 1.2 * returned + 1,
        });
      }
      m.reset();
      const shown = await invokeRoute(reportsHandler, routes.dashboard, p.admin, { query: { months: '12' } });
      if (shown.status !== 200) throw new Error(`dashboard: ${shown.status} ${JSON.stringify(shown.body)}`);
      const dashboard = m.totals();
      results.push({
        logs: size,
        load_seconds: Math.round(loadSeconds),
        lists: listRows,
        // The caller's profile (authentication) is one of these reads.
        dashboard_item_reads: dashboard.itemReads,
        dashboard_queries: dashboard.queries,
      });
    } finally {
      await table.stop();
    }
  }
  return results;
};
