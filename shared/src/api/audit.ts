import * as z from 'zod';
import { Id, IsoDateTime, PageQuery } from './common.ts';
import { singleLineText } from './text.ts';

export const auditEntityTypes = [
  'user',
  'facility',
  'assignment',
  'mentorship_log',
  'follow_up',
  'attachment',
  'notification',
] as const;
export const AuditEntityType = z.enum(auditEntityTypes);

/** One changed field: what it was and what it became (null for absent). */
export const FieldChange = z.object({ from: z.unknown(), to: z.unknown() });

export const AuditEntry = z.object({
  id: Id,
  user_id: Id,
  user_email: z.string().nullable(),
  entity_type: AuditEntityType,
  entity_id: z.string(),
  action: z.string(),
  changes: z.record(z.string(), FieldChange),
  created_at: IsoDateTime,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const ListAuditQuery = PageQuery.extend({
  entity_type: AuditEntityType.optional(),
  entity_id: singleLineText({ min: 1, max: 100 }).optional(),
  user_id: Id.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
}).refine((q) => !q.entity_id || q.entity_type, {
  message: 'entity_id needs entity_type',
  path: ['entity_type'],
});
