/** What the rest of the app uses of reports: a facility's performance section and the home page figures. */
export { FacilityPerformanceSection } from './FacilityPerformanceSection.tsx';
export { HomeFigures } from './HomeFigures.tsx';
