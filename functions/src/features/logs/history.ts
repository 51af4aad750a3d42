import type { AuditEntry } from '@dml/shared';
import { stripStorage } from '#data/items';
import { keys } from '#data/keys';
import { queryPage } from '#data/query';
import { fullTrail } from '#data/review-trail';
import type { Actor } from '#http/actor';
import { loadVisibleLog } from './access.ts';

/** The whole review trail (who moved it, why; oldest first) and the audit entries (what changed), newest audit first. */
export const logHistory = async (actor: Actor, id: string) => {
  const { log } = await loadVisibleLog(actor, id);
  // Every entry, page by page: a log edited often has more than one page of them.
  const audit: AuditEntry[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({
      partition: keys.auditEntry('mentorship_log', id, '', '').pk,
      ascending: false,
      limit: 100,
      cursor,
    });
    audit.push(...page.items.map((item) => stripStorage<AuditEntry>(item)));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return { review_trail: await fullTrail(log), audit };
};
