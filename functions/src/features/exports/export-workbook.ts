import { randomUUID } from 'node:crypto';
import { type ExportFiles, exportsPrefix } from '#adapters/exports';
import { getLogs, toSummary } from '#data/logs';
import { queryPage } from '#data/query';
import { payloadTooLarge } from '#domain/errors';
import { canRead, listRelation } from '#features/logs/access';
import { type LogFilters, planLogList } from '#features/logs/list-plan';
import { logListReachOf } from '#features/logs/list-reach';
import type { Actor } from '#http/actor';
import { expiry, followUpsOfAll, today } from './common.ts';
import { buildWorkbook } from './workbook.ts';

export const MAX_EXPORT_ROWS = 10_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The XLSX of the logs the caller may see with the same filters as the logs list (and their
 * follow-ups), oldest visit first. Built once, stored under exports/ and handed over as a link.
 */
export const exportWorkbook = async (
  actor: Actor,
  filters: Omit<LogFilters, 'sort' | 'q'>,
  now: Date,
  files: ExportFiles,
) => {
  const plan = planLogList(await logListReachOf(actor, filters), { ...filters, sort: 'visit_date' });
  const ids: string[] = [];
  let cursor: string | undefined;
  while (plan) {
    const { inScope, ...query } = plan;
    const page = await queryPage({ ...query, limit: 100, cursor });
    ids.push(
      ...page.items
        .map(toSummary)
        .filter((log) => canRead(log, listRelation(actor, log, inScope)))
        .map((log) => log.id),
    );
    if (ids.length > MAX_EXPORT_ROWS)
      throw payloadTooLarge(`More than ${MAX_EXPORT_ROWS} visits match; narrow the dates or filters.`);
    cursor = page.next_cursor ?? undefined;
    if (!cursor) break;
  }
  const logs = await getLogs(ids);
  const followUps = await followUpsOfAll(logs.map((l) => l.id));
  const body = await buildWorkbook(logs, followUps);
  const fileName = `mentorship-visits-${today(now)}.xlsx`;
  const url = await files.save(
    `${exportsPrefix}${actor.id}/${randomUUID()}/${fileName}`,
    body,
    XLSX,
    fileName,
  );
  return {
    file_name: fileName,
    download_url: url,
    expires_at: expiry(now),
    rows: { logs: logs.length, follow_ups: followUps.length },
  };
};
