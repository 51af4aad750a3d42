/** What other features use of logs: the status and check-in chips. */
export { CheckInBadge, LogStatusBadge } from './LogStatusBadge.tsx';
