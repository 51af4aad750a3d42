import type { CheckInFlag } from '@dml/shared/domain/geo';
import type { LogAction, LogStatus } from '@dml/shared/domain/lifecycle';
import { logActions, logStatuses, pastTense } from '@dml/shared/domain/lifecycle';
import type { SelectOption } from '../../components/SelectField.tsx';

export const statusLabels: Record<LogStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  returned: 'Returned',
  approved: 'Approved',
  completed: 'Completed',
  verified: 'Verified',
};

export const statusOptions: SelectOption[] = logStatuses.map((value) => ({
  value,
  label: statusLabels[value],
}));

export const isLogStatus = (value: string): value is LogStatus =>
  (logStatuses as readonly string[]).includes(value);

/** A step of the review trail, as the timeline says it: the action's past tense ("Submitted"). */
export const trailLabels = Object.fromEntries(
  logActions.map((action) => [
    action,
    pastTense[action].charAt(0).toUpperCase() + pastTense[action].slice(1),
  ]),
) as Record<LogAction, string>;

export const checkInLabels: Record<CheckInFlag, string> = {
  on_site: 'On site',
  off_site: 'Off site',
  no_location: 'No location',
  facility_unlocated: 'Facility has no position',
};
