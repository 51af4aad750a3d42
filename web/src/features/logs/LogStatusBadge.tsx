import type { CheckInFlag } from '@dml/shared/domain/geo';
import type { LogStatus } from '@dml/shared/domain/lifecycle';
import { checkInLabels, statusLabels } from './labels.ts';

/** A log's status as a chip, in words (colour only repeats what the word says). */
export const LogStatusBadge = ({ status, deleted = false }: { status: LogStatus; deleted?: boolean }) =>
  deleted ? (
    <span className="chip-status chip-status--deleted">Deleted</span>
  ) : (
    <span className={`chip-status chip-status--${status}`}>{statusLabels[status]}</span>
  );

/** The geo check-in result; off-site and missing positions stand out for reviewers. */
export const CheckInBadge = ({ flag }: { flag: CheckInFlag }) => (
  <span className={`chip-status chip-checkin chip-checkin--${flag}`}>{checkInLabels[flag]}</span>
);
