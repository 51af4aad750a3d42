import type { TrailEntry } from '@dml/shared/api/logs';
import { formatDateTime } from '../../lib/format.ts';
import { statusLabels, trailLabels } from './labels.ts';

/** The review trail as a timeline: each step, who took it, when, and why. */
export const ReviewTimeline = ({ trail }: { trail: readonly TrailEntry[] }) => {
  if (trail.length === 0) return <p className="muted">No steps yet: the plan has not been submitted.</p>;
  return (
    <ol className="timeline" aria-label="Review trail">
      {trail.map((step) => (
        <li key={`${step.at}-${step.action}`} className={`timeline__step timeline__step--${step.action}`}>
          <p className="timeline__what">
            <strong>{trailLabels[step.action]}</strong> by {step.by_name}
          </p>
          <p className="timeline__when muted">
            <time dateTime={step.at}>{formatDateTime(step.at)}</time> · {statusLabels[step.from]} →{' '}
            {statusLabels[step.to]}
          </p>
          {step.comment && <blockquote className="timeline__comment">{step.comment}</blockquote>}
        </li>
      ))}
    </ol>
  );
};
