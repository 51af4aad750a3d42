import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_ZONE, type FollowUp, isImageType, todayIn } from '@dml/shared';
import { EXPORT_URL_SECONDS, type ExportFiles, exportsPrefix } from '../../adapters/exports.ts';
import { attachmentsOfLog } from '../../data/attachments.ts';
import { toFollowUp } from '../../data/follow-ups.ts';
import { partitions } from '../../data/keys.ts';
import { getLogs } from '../../data/logs.ts';
import { queryPage } from '../../data/query.ts';
import { optionalEnv } from '../../env.ts';
import type { Actor } from '../../http/actor.ts';
import { payloadTooLarge } from '../../http/errors.ts';
import { loadVisibleLog } from '../logs/access.ts';
import { callerOf } from '../logs/caller.ts';
import { type LogFilters, planLogList } from '../logs/list-plan.ts';
import { buildVisitReport, type Photo } from './visit-report.ts';
import { buildWorkbook } from './workbook.ts';

export const MAX_EXPORT_ROWS = 10_000;
const MAX_PHOTOS = 12;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const followUpsOf = async (logId: string) =>
  (await queryPage({ index: 'gsi1', partition: partitions.followUpsByLog(logId), limit: 100 })).items.map(
    toFollowUp,
  );

/** Follow-ups of many logs, a few queries at a time. */
const followUpsOfAll = async (logIds: readonly string[]) => {
  const all: FollowUp[] = [];
  for (let i = 0; i < logIds.length; i += 20)
    all.push(...(await Promise.all(logIds.slice(i, i + 20).map(followUpsOf))).flat());
  return all;
};

const expiry = (now: Date) => new Date(now.getTime() + EXPORT_URL_SECONDS * 1000).toISOString();
const today = (now: Date) => todayIn(optionalEnv('timeZone') ?? DEFAULT_TIME_ZONE, now);

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
  const plan = planLogList(await callerOf(actor, filters), { ...filters, sort: 'visit_date' });
  const ids: string[] = [];
  let cursor: string | undefined;
  while (plan) {
    const page = await queryPage({ ...plan, limit: 100, cursor });
    ids.push(...page.items.map((i) => String(i.id)));
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

/** The PDF visit report of one log the caller may see, photos (JPEG/PNG) as thumbnails. */
export const exportVisitReport = async (actor: Actor, logId: string, now: Date, files: ExportFiles) => {
  const { log } = await loadVisibleLog(actor, logId);
  const [followUps, attachments] = await Promise.all([followUpsOf(log.id), attachmentsOfLog(log.id, now)]);
  const photos: Photo[] = [];
  for (const a of attachments
    .filter((x) => x.status === 'available' && isImageType(x.file_type))
    .slice(0, MAX_PHOTOS)) {
    const bytes = await files.readPhoto(a.storage_key);
    if (bytes) photos.push({ attachment: a, bytes });
  }
  const body = await buildVisitReport(log, followUps, photos, now);
  const fileName = `visit-report-${log.facility_name.replace(/[^\w-]+/g, '-').slice(0, 40)}-${log.visit_date}.pdf`;
  const url = await files.save(
    `${exportsPrefix}${actor.id}/${randomUUID()}/${fileName}`,
    body,
    'application/pdf',
    fileName,
  );
  return { file_name: fileName, download_url: url, expires_at: expiry(now) };
};
