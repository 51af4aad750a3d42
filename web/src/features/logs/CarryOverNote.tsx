import type { CarryOver } from '@dml/shared/api/logs';
import { Link } from 'react-router-dom';
import { formatDate } from '../../lib/format.ts';

/** Above the carried-over boxes of a new plan: which visit they come from, and a way to open it. */
export const CarryOverNote = ({ lastVisit }: { lastVisit: NonNullable<CarryOver['last_visit']> }) => (
  <aside className="carry-over" aria-label="Last visit to this facility">
    <p>
      <strong>Last visit: {formatDate(lastVisit.visit_date)}.</strong>{' '}
      <Link to={`/logs/${lastVisit.id}`} target="_blank" rel="noopener">
        Open it
      </Link>
    </p>
    {lastVisit.visit_outcomes && <p>Outcomes: {lastVisit.visit_outcomes}</p>}
    <p className="muted">Its open follow-ups and outcomes are filled in below; edit them as you need.</p>
  </aside>
);
