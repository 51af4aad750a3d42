/** What other features use of facilities: the list for pickers and filters, type names, cache keys. */
export { useFacilityList } from './api.ts';
export { facilityKeys } from './keys.ts';
export { facilityTypeLabels } from './labels.ts';
