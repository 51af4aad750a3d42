import type { Facility } from '@dml/shared/api/facilities';
import { useCachedQueryData } from '../../api/useCachedQueryData.ts';
import { useViewer } from '../../layout/useViewer.ts';
import { facilityKeys } from './keys.ts';

/** "My facilities" for mentors (their nav entry says so), "Facilities" for everyone else. */
export const FacilitiesCrumb = () => (useViewer().role === 'mentor' ? 'My facilities' : 'Facilities');

/** Breadcrumb of a facility's page: its name once the page has loaded it. Part of the first download, so tiny. */
export const FacilityCrumb = ({ id }: { id: string }) =>
  useCachedQueryData<Facility>(facilityKeys.detail(id))?.name ?? 'Facility';
