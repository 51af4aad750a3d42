const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine). Stable near the poles and across the antimeridian:
 * longitudes wrap through the sine of half their difference, and the argument is clamped for
 * rounding at antipodes.
 */
export const distanceMetres = (
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
) => {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
};

export const checkInFlags = ['on_site', 'off_site', 'no_location', 'facility_unlocated'] as const;
export type CheckInFlag = (typeof checkInFlags)[number];

/**
 * Soft geofence: off-site only when even the most favourable reading of the position
 * (distance minus its accuracy) is outside the facility's radius. Never blocks; reviewers see it.
 */
export const classifyCheckIn = (
  position: { latitude: number; longitude: number; accuracy_m: number } | null | undefined,
  facility: { latitude: number | null; longitude: number | null; geofence_radius_m: number },
): { flag: CheckInFlag; distance_m: number | null } => {
  if (!position) return { flag: 'no_location', distance_m: null };
  if (facility.latitude === null || facility.longitude === null)
    return { flag: 'facility_unlocated', distance_m: null };
  const distance = distanceMetres(position, { latitude: facility.latitude, longitude: facility.longitude });
  const flag = distance - position.accuracy_m > facility.geofence_radius_m ? 'off_site' : 'on_site';
  return { flag, distance_m: Math.round(distance) };
};
