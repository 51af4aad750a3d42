import type { CheckInFlag } from '@dml/shared/domain/geo';
import type { LogAction, LogStatus } from '@dml/shared/domain/lifecycle';
import { logStatuses } from '@dml/shared/domain/lifecycle';
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

/** The button that takes the action. */
export const actionLabels: Record<LogAction, string> = {
  submit: 'Submit for approval',
  withdraw: 'Withdraw',
  approve: 'Approve',
  return: 'Return',
  complete: 'Complete visit',
  verify: 'Verify',
  reopen: 'Reopen',
};

/** A step of the review trail, as the timeline says it. */
export const trailLabels: Record<LogAction, string> = {
  submit: 'Submitted',
  withdraw: 'Withdrawn',
  approve: 'Approved',
  return: 'Returned',
  complete: 'Completed',
  verify: 'Verified',
  reopen: 'Reopened',
};

export const checkInLabels: Record<CheckInFlag, string> = {
  on_site: 'On site',
  off_site: 'Off site',
  no_location: 'No location',
  facility_unlocated: 'Facility has no position',
};
