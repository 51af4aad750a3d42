import type { AuditEntry } from '@dml/shared';
import { auditRoutes as routes } from '@dml/shared/routes/audit';
import { stripStorage } from '#data/items';
import { auditIndexes, keys, partitions } from '#data/keys';
import { type ListQuery, queryPage } from '#data/query';
import { implement } from '#http/route-handler';

type AuditFilters = {
  entity_type?: AuditEntry['entity_type'];
  entity_id?: string;
  user_id?: string;
  from?: string;
  to?: string;
};

/** Sort keys start with the ISO time, so a time window is a key range on whichever partition we read. */
const timeRange = (from?: string, to?: string): ListQuery['range'] => {
  // '~' sorts after every character of "<time>#<uuid>", so `to` is inclusive.
  if (from && to) return { between: [from, `${to}~`] };
  if (from) return { gte: from };
  if (to) return { lte: `${to}~` };
  return undefined;
};

/**
 * By entity (its own partition), by user or the whole trail (`auditIndexes`), newest first. Entity with
 * user narrows the entity's partition by user (a filter within the key bound).
 */
export const auditListQuery = (f: AuditFilters, limit: number, cursor?: string): ListQuery => {
  const range = timeRange(f.from, f.to);
  const base = { range, limit, cursor, ascending: false };
  if (f.entity_type && f.entity_id) {
    return {
      ...base,
      partition: keys.auditEntry(f.entity_type, f.entity_id, '', '').pk,
      filter: f.user_id
        ? { FilterExpression: 'user_id = :user', ExpressionAttributeValues: { ':user': f.user_id } }
        : undefined,
    };
  }
  const typeFilter = f.entity_type
    ? { FilterExpression: 'entity_type = :type', ExpressionAttributeValues: { ':type': f.entity_type } }
    : undefined;
  if (f.user_id)
    return {
      ...base,
      index: auditIndexes.byUser,
      partition: partitions.auditByUser(f.user_id),
      filter: typeFilter,
    };
  return { ...base, index: auditIndexes.all, partition: partitions.audit(), filter: typeFilter };
};

export const auditRoutes = [
  implement(routes.listAuditLogs, async ({ query: { limit, cursor, ...filters } }) => {
    const page = await queryPage(auditListQuery(filters, limit, cursor));
    return { items: page.items.map((item) => stripStorage<AuditEntry>(item)), next_cursor: page.next_cursor };
  }),
];
