import { reconcileFigures } from '#features/reports/reconcile';
import { logger } from '#logger';
import { scheduleFunction } from '#triggers/schedule';

/** The nightly `reconcile` schedule: recompute the figures from source and repair any drift. */
export const handler = scheduleFunction(async () => {
  const report = await reconcileFigures({ fix: true });
  if (report.items_drifted)
    logger.warn('figures had drifted and were repaired', {
      drifted: report.items_drifted,
      sample: report.drift.slice(0, 5),
    });
  return report;
});
