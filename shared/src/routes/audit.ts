import { AuditEntry, ListAuditQuery } from '../api/audit.ts';
import { page } from '../api/common.ts';
import { adminOnly, defineRoutes } from './define.ts';

/** The audit trail (the audit function). */
export const auditRoutes = defineRoutes({
  listAuditLogs: {
    method: 'GET',
    path: '/api/audit-logs',
    fn: 'audit',
    auth: adminOnly,
    tag: 'audit',
    summary: 'The audit trail, newest first: by entity, by user, by time range.',
    query: ListAuditQuery,
    response: page(AuditEntry),
  },
});
