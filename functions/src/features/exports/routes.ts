import { reportRoutes as routes } from '@dml/shared/routes/reports';
import { exportFiles } from '#adapters/exports';
import { implement } from '#http/route-handler';
import { exportWorkbook } from './export-workbook.ts';

export const workbookRoutes = [
  implement(routes.exportReport, ({ actor, query, now }) => exportWorkbook(actor, query, now, exportFiles)),
];
