import type { AuditEntry } from '@dml/shared';
import { stripStorage } from '../../data/items.ts';
import { keys } from '../../data/keys.ts';
import { queryPage } from '../../data/query.ts';
import type { Actor } from '../../http/actor.ts';
import { loadVisibleLog } from './access.ts';

/** The review trail (who moved it, why) and the audit entries (what changed), newest audit first. */
export const logHistory = async (actor: Actor, id: string) => {
  const { log } = await loadVisibleLog(actor, id);
  const audit = await queryPage({
    partition: keys.auditEntry('mentorship_log', id, '', '').pk,
    ascending: false,
    limit: 100,
  });
  return { review_trail: log.review_trail, audit: audit.items.map((item) => stripStorage<AuditEntry>(item)) };
};
