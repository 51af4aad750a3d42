import { facilityTypes } from '@dml/shared/api/facilities';

export type FacilityType = (typeof facilityTypes)[number];

import type { SelectOption } from '../../components/SelectField.tsx';

export const facilityTypeLabels: Record<FacilityType, string> = {
  primary_health_centre: 'Primary health centre',
  clinic: 'Clinic',
  general_hospital: 'General hospital',
  specialist_hospital: 'Specialist hospital',
  teaching_hospital: 'Teaching hospital',
  other: 'Other',
};

export const facilityTypeOptions: SelectOption[] = facilityTypes.map((value) => ({
  value,
  label: facilityTypeLabels[value],
}));

export const isFacilityType = (value: string): value is FacilityType =>
  (facilityTypes as readonly string[]).includes(value);
