import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '@dml/shared';
import type { Changes } from '../domain/diff.ts';
import { keys, partitions } from './keys.ts';

export type AuditInput = {
  actor: { id: string; email: string | null };
  entityType: AuditEntry['entity_type'];
  entityId: string;
  action: string;
  changes: Changes;
  at: Date;
};

/** The audit item: by entity (table keys), by user (gsi1) and by time (gsi2). */
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
    gsi1pk: partitions.auditByUser(input.actor.id),
    gsi1sk: `${at}#${id}`,
    gsi2pk: partitions.audit(),
    gsi2sk: `${at}#${id}`,
    ...entry,
  };
};
