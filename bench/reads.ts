import { reconcileFigures } from '@dml/functions/features/reports/reconcile';
import { handler as followUpsHandler } from '@dml/functions/handlers/follow-ups';
import { handler as logsHandler } from '@dml/functions/handlers/logs';
import { handler as reportsHandler } from '@dml/functions/handlers/reports';
import { routes } from '@dml/shared';
import { startBenchTable } from './dynamo.ts';
import { loadProgramme } from './fixtures.ts';
import { invokeRoute } from './invoke.ts';
import { meter } from './meters.ts';
import { loadWideScope } from './wide-scope.ts';

/** Items evaluated per list ≤ 1.2 × returned + 1, dashboard ≤ 5 reads — at 100 logs as at 100 000. */
export const benchReads = async (sizes: readonly number[]) => {
  const results = [];
  for (const size of sizes) {
    const table = await startBenchTable();
    try {
      const started = performance.now();
      const p = await loadProgramme(size);
      // The wide scope holds a tenth of the table's size again, so the largest run stays loadable.
      const wide = await loadWideScope(Math.max(100, Math.round(size / 10)), p.mentors);
      const loadSeconds = (performance.now() - started) / 1000;
      await reconcileFigures({ fix: true });
      const m = meter();
      const mentorId = p.mentors[0]?.id ?? '';
      const lastFacility =
        wide.facilities
          .map((f) => f.id)
          .sort()
          .at(-1) ?? '';
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
        ['1 000-facility supervisor, scope', wide.supervisor, {}],
        ['1 000-facility supervisor, by status', wide.supervisor, { status: 'approved' }],
        ['1 000-facility supervisor, by mentor', wide.supervisor, { mentor_id: mentorId }],
        [
          '1 000-facility supervisor, by mentor and status',
          wide.supervisor,
          { mentor_id: mentorId, status: 'submitted' },
        ],
        [
          '1 000-facility supervisor, by date range',
          wide.supervisor,
          { from: '2025-06-01', to: '2025-09-30' },
        ],
        ['1 000-facility supervisor, last facility', wide.supervisor, { facility_id: lastFacility }],
      ];
      const followUpLists: [string, typeof p.admin, Record<string, string>][] = [
        ['1 000-facility supervisor, follow-ups', wide.supervisor, {}],
        ['1 000-facility supervisor, open follow-ups', wide.supervisor, { open: 'true' }],
        ['1 000-facility supervisor, follow-ups in progress', wide.supervisor, { status: 'in_progress' }],
        ['1 000-facility supervisor, overdue follow-ups', wide.supervisor, { overdue: 'true' }],
      ];
      const listRows = [];
      for (const [label, caller, query, route] of [
        ...lists.map((l) => [...l, 'logs'] as const),
        ...followUpLists.map((l) => [...l, 'follow-ups'] as const),
      ]) {
        m.reset();
        const response = await invokeRoute(
          route === 'logs' ? logsHandler : followUpsHandler,
          route === 'logs' ? routes.listLogs : routes.listFollowUps,
          caller,
          { query: { limit: '25', ...query } },
        );
        if (response.status !== 200)
          throw new Error(`${label}: ${response.status} ${JSON.stringify(response.body)}`);
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
