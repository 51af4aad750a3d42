import { routes } from '@dml/shared';
import { exportFiles } from '../../adapters/exports.ts';
import { implement } from '../../http/route-handler.ts';
import { exportVisitReport, exportWorkbook } from './service.ts';

export const exportRoutes = [
  implement(routes.exportReport, ({ actor, query, now }) => exportWorkbook(actor, query, now, exportFiles)),
  implement(routes.exportLog, ({ actor, params, now }) =>
    exportVisitReport(actor, params.id, now, exportFiles),
  ),
];
