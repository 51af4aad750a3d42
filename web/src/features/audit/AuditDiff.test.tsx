import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../lib/format.ts';
import { AuditDiff } from './AuditDiff.tsx';

/** Each body row as [field, before, after] texts. */
const rows = () =>
  within(screen.getByRole('table', { name: 'Changed fields' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => cell.textContent));

describe('AuditDiff', () => {
  it('shows each changed field as before → after, with null as "—" and booleans in words', () => {
    render(
      <AuditDiff
        changes={{
          region_state: { from: 'Kano', to: 'Kaduna' },
          phone: { from: null, to: '+234 803 000 0000' },
          is_active: { from: true, to: false },
          geofence_radius_m: { from: 500, to: 750 },
        }}
      />,
    );

    expect(rows()).toEqual([
      ['Region state', 'Kano', 'Kaduna'],
      ['Phone', '—', '+234 803 000 0000'],
      ['Is active', 'Yes', 'No'],
      ['Geofence radius m', '500', '750'],
    ]);
  });

  it('lists arrays item by item and marks what was added and removed', () => {
    render(<AuditDiff changes={{ facility_ids: { from: ['a-1', 'b-2'], to: ['b-2', 'c-3'] } }} />);

    const [before, after] = screen.getAllByRole('list');
    expect(
      within(before as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['a-1 (removed)', 'b-2']);
    expect(
      within(after as HTMLElement)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['b-2', 'c-3 (added)']);
    expect(before?.querySelector('del')?.textContent).toBe('a-1 (removed)');
    expect(after?.querySelector('ins')?.textContent).toBe('c-3 (added)');
  });

  it('renders objects as "key: value" lines, empty lists as "none", and times in local time', () => {
    render(
      <AuditDiff
        changes={{
          location: { from: null, to: { latitude: 12.01, longitude: 8.49, accuracy_m: null } },
          objectives: { from: [], to: ['Review the ANC register'] },
          deleted_at: { from: null, to: '2026-02-01T10:30:00Z' },
        }}
      />,
    );

    expect(rows()).toEqual([
      ['Location', '—', 'Latitude: 12.01Longitude: 8.49Accuracy m: —'],
      ['Objectives', 'none', 'Review the ANC register (added)'],
      ['Deleted at', '—', formatDateTime('2026-02-01T10:30:00Z')],
    ]);
  });

  it('says when an action recorded no field changes (e.g. a resent invitation)', () => {
    render(<AuditDiff changes={{}} />);

    expect(screen.getByText('No field changes were recorded for this action.')).toBeDefined();
  });
});
