import { FacilityDetailPage } from '../features/facilities/FacilityDetailPage.tsx';
import { FacilityPerformanceSection } from '../features/reports/index.ts';

/**
 * A facility's page with its performance below the details. Composed here, above the features: the
 * reports feature lists facilities, so the facilities feature cannot import it back.
 */
export const FacilityPage = () => (
  <FacilityDetailPage
    performance={(facility) => (
      <FacilityPerformanceSection facilityId={facility.id} facilityName={facility.name} />
    )}
  />
);
