import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@dml/shared';
import type { Changes } from '#domain/diff';
import { auditIndexes, indexKey, keys, partitions } from './keys.ts';

export type AuditInput = {
  actor: { id: string; email: string | null };
  entityType: AuditEntry['entity_type'];
  entityId: string;
  action: string;
  changes: Changes;
  at: Date;
};

/** The audit item: by entity (table keys), by user and by time (`auditIndexes`). */
export const auditItem = (input: AuditInput) => {
  const id = randomUUID();
  const at = input.at.toISOString();
  const entry: AuditEntry = {
    id,
    user_id: input.actor.id,
    user_email: input.actor.email,
    entity_type: input.entityType,
    entity_id: input.entityId,
    action: input.action,
    changes: input.changes,
    created_at: at,
  };
  return {
    ...keys.auditEntry(input.entityType, input.entityId, at, id),
    entity: 'audit',
    ...indexKey(auditIndexes.byUser, partitions.auditByUser(input.actor.id), `${at}#${id}`),
    ...indexKey(auditIndexes.all, partitions.audit(), `${at}#${id}`),
    ...entry,
  };
};
