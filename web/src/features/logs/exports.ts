import type { ExportFile, ExportQuery } from '@dml/shared/api/reports';
import { reportRoutes } from '@dml/shared/routes/reports';
import type * as z from '@dml/shared/zod';
import { useApi } from '../../api/ApiProvider.tsx';

/** The logs list's filters the export understands (not the search words, the sort or the deleted view). */
export type ExportFilters = z.input<typeof ExportQuery>;

/** Asks for the XLSX of the logs matching the list's filters; resolves with its short-lived link. */
export const useExportReport = () => {
  const api = useApi();
  return (query: ExportFilters): Promise<ExportFile> => api.request(reportRoutes.exportReport, { query });
};

/** Asks for a log's PDF visit report. */
export const useExportLog = () => {
  const api = useApi();
  return (id: string): Promise<ExportFile> => api.request(reportRoutes.exportLog, { params: { id } });
};
