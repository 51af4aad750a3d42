import type { CheckIn } from '@dml/shared/api/logs';
import { formatDateTime } from '../../lib/format.ts';
import { metres } from './geolocation.ts';
import { CheckInBadge } from './LogStatusBadge.tsx';

/** The geo check-in recorded at completion: on site or not, how far, how precise, and why if away. */
export const CheckInSummary = ({ checkIn, reviewer }: { checkIn: CheckIn; reviewer: boolean }) => {
  const attention = checkIn.flag === 'off_site' || checkIn.flag === 'no_location';
  return (
    <div className={`check-in${attention && reviewer ? ' check-in--attention' : ''}`}>
      <p>
        <CheckInBadge flag={checkIn.flag} />{' '}
        {checkIn.distance_m !== null && (
          <span>
            About {metres(checkIn.distance_m)} from the facility
            {checkIn.accuracy_m !== null && ` (position accurate to ${metres(checkIn.accuracy_m)})`}.
          </span>
        )}
        {checkIn.flag === 'no_location' && (
          <span>The phone gave no position when the visit was completed.</span>
        )}
        {checkIn.flag === 'facility_unlocated' && (
          <span>The facility has no coordinates, so the position could not be compared.</span>
        )}
      </p>
      {checkIn.captured_at && <p className="muted">Position taken {formatDateTime(checkIn.captured_at)}.</p>}
      {checkIn.off_site_reason && (
        <p>
          <strong>Reason given for reporting from elsewhere:</strong> {checkIn.off_site_reason}
        </p>
      )}
      {attention && reviewer && <p className="check-in__note">Check this before you verify the report.</p>}
    </div>
  );
};
