import { randomUUID } from 'node:crypto';
import { isImageType } from '@dml/shared';
import { type ExportFiles, exportsPrefix } from '#adapters/exports';
import { attachmentsOfLog } from '#data/attachments';
import { fullTrail } from '#data/review-trail';
import { loadVisibleLog } from '#features/logs/access';
import type { Actor } from '#http/actor';
import { expiry, followUpsOf } from './common.ts';
import { buildVisitReport, type Photo } from './visit-report.ts';

const MAX_PHOTOS = 12;

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
  // The log item keeps only its recent review steps; the report shows the whole trail.
  const body = await buildVisitReport({ ...log, review_trail: await fullTrail(log) }, followUps, photos, now);
  const fileName = `visit-report-${log.facility_name.replace(/[^\w-]+/g, '-').slice(0, 40)}-${log.visit_date}.pdf`;
  const url = await files.save(
    `${exportsPrefix}${actor.id}/${randomUUID()}/${fileName}`,
    body,
    'application/pdf',
    fileName,
  );
  return { file_name: fileName, download_url: url, expires_at: expiry(now) };
};
