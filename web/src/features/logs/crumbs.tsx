import type { MentorshipLogView } from '@dml/shared/api/logs';
import { useCachedQueryData } from '../../api/useCachedQueryData.ts';
import { useViewer } from '../../layout/useViewer.ts';
import { formatDate } from '../../lib/format.ts';
import { logKeys } from './keys.ts';

/** "My logs" for mentors (their nav entry says so), "Logs" for everyone else. */
export const LogsCrumb = () => (useViewer().role === 'mentor' ? 'My logs' : 'Logs');

/** A log's breadcrumb: its facility and visit date once the page has loaded it. Part of the first download. */
export const LogCrumb = ({ id }: { id: string }) => {
  const log = useCachedQueryData<MentorshipLogView>(logKeys.detail(id));
  return log ? `${log.facility_name} · ${formatDate(log.visit_date)}` : 'Log';
};
