import { describe, expect, it } from 'vitest';
import { classifyCheckIn, distanceMetres } from './geo.ts';

/** A point `metres` north of a position (1° of latitude ≈ 111 195 m on our sphere). */
const north = (p: { latitude: number; longitude: number }, metres: number) => ({
  ...p,
  latitude: p.latitude + metres / 111_195,
});

describe('great-circle distance', () => {
  it('matches known distances', () => {
    // Kano to Kaduna, about 201 km.
    expect(
      distanceMetres({ latitude: 12.0022, longitude: 8.592 }, { latitude: 10.5105, longitude: 7.4165 }) /
        1000,
    ).toBeCloseTo(208, -1);
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(
      111_195,
      -1,
    );
  });

  it('is short across the antimeridian, not half the planet', () => {
    const d = distanceMetres(
      { latitude: -17.8, longitude: 179.9995 },
      { latitude: -17.8, longitude: -179.9995 },
    );
    expect(d).toBeGreaterThan(100);
    expect(d).toBeLessThan(110);
  });

  it('is stable at the poles, whatever the longitudes', () => {
    expect(distanceMetres({ latitude: 90, longitude: 0 }, { latitude: 90, longitude: 120 })).toBeCloseTo(
      0,
      3,
    );
    expect(
      distanceMetres({ latitude: 89.999, longitude: 0 }, { latitude: 89.999, longitude: 180 }),
    ).toBeCloseTo(222.4, 0);
    expect(distanceMetres({ latitude: -90, longitude: 10 }, { latitude: 90, longitude: -170 })).toBeCloseTo(
      Math.PI * 6_371_008.8,
      -1,
    );
  });

  it('is symmetric and zero for the same point', () => {
    const a = { latitude: 12.5, longitude: 8.2 };
    const b = { latitude: -3.1, longitude: 170.4 };
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
    expect(distanceMetres(a, a)).toBe(0);
  });
});

describe('soft geofence', () => {
  const facility = { latitude: 12, longitude: 8.5, geofence_radius_m: 500 };
  const at = (metres: number, accuracy: number) => ({ ...north(facility, metres), accuracy_m: accuracy });

  it('classifies 100 m and 490 m (accuracy 20) as on site, 2 km as off site', () => {
    expect(classifyCheckIn(at(100, 10), facility)).toEqual({ flag: 'on_site', distance_m: 100 });
    expect(classifyCheckIn(at(490, 20), facility).flag).toBe('on_site');
    expect(classifyCheckIn(at(2000, 20), facility)).toEqual({ flag: 'off_site', distance_m: 2000 });
  });

  it('gives a poor reading the benefit of its accuracy', () => {
    expect(classifyCheckIn(at(650, 200), facility).flag).toBe('on_site');
    expect(classifyCheckIn(at(650, 100), facility).flag).toBe('off_site');
  });

  it('flags a missing position or a facility without coordinates, without blocking', () => {
    expect(classifyCheckIn(null, facility)).toEqual({ flag: 'no_location', distance_m: null });
    expect(classifyCheckIn(at(10, 5), { latitude: null, longitude: null, geofence_radius_m: 500 })).toEqual({
      flag: 'facility_unlocated',
      distance_m: null,
    });
  });
});
