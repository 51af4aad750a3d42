/** A device position as the API takes it (`location` of the complete body). */
export type DevicePosition = { latitude: number; longitude: number; accuracy_m: number; captured_at: string };

export type PositionResult =
  | { ok: true; position: DevicePosition }
  | { ok: false; reason: 'unsupported' | 'denied' | 'unavailable' | 'timeout'; message: string };

const messages = {
  unsupported: 'This device cannot share its location.',
  denied: 'Location permission was refused.',
  unavailable: 'Your position could not be found.',
  timeout: 'Finding your position took too long.',
} as const;

export const POSITION_TIMEOUT_MS = 20_000;

/** A distance or an accuracy as people read it: `14 m`, `5.2 km`. */
export const metres = (m: number) => (m >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`);

/**
 * The phone's position for the check-in: high accuracy (GPS), a reading at most a minute old, and a
 * time limit so a weak signal never blocks the report. Never throws: a failure is a result (the
 * server then flags the report `no_location`).
 */
export const currentPosition = (timeout = POSITION_TIMEOUT_MS): Promise<PositionResult> =>
  new Promise((resolve) => {
    const geo = typeof navigator === 'undefined' ? undefined : navigator.geolocation;
    if (!geo) {
      resolve({ ok: false, reason: 'unsupported', message: messages.unsupported });
      return;
    }
    geo.getCurrentPosition(
      (pos) =>
        resolve({
          ok: true,
          position: {
            latitude: pos.coords.latitude,
            longitude: pos.coords.longitude,
            accuracy_m: Math.min(100_000, Math.max(0, Math.round(pos.coords.accuracy ?? 0))),
            captured_at: new Date(pos.timestamp || Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
        }),
      (error) => {
        const reason = error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable';
        resolve({ ok: false, reason, message: messages[reason] });
      },
      { enableHighAccuracy: true, timeout, maximumAge: 60_000 },
    );
  });
