import type { ListAuditQuery } from '@dml/shared/api/audit';
import { adminRoutes } from '@dml/shared/routes/admin';
import type * as z from '@dml/shared/zod';
import { useApi } from '../../api/ApiProvider.tsx';
import { usePagedQuery } from '../../api/usePagedQuery.ts';

export type AuditFilters = Omit<z.input<typeof ListAuditQuery>, 'limit' | 'cursor'>;

export const AUDIT_PAGE_SIZE = 25;

/** The audit trail, newest first, page by page. `enabled` is false while the filters are invalid. */
export const useAuditLog = (filters: AuditFilters, enabled: boolean) => {
  const api = useApi();
  return usePagedQuery(
    ['audit', filters],
    (cursor, signal) =>
      api.request(adminRoutes.listAuditLogs, {
        query: { ...filters, limit: AUDIT_PAGE_SIZE, cursor },
        signal,
      }),
    { enabled },
  );
};
