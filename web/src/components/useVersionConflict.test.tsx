import * as z from '@dml/shared/zod';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { useVersionConflict } from './useVersionConflict.ts';
import { VersionConflict } from './VersionConflict.tsx';

const Thing = z.object({ version: z.number(), name: z.string(), colour: z.string() });
type Thing = z.infer<typeof Thing>;
type Values = Omit<Thing, 'version'>;
const FIELDS = ['name', 'colour'] as const;
const LABELS = { name: 'Name', colour: 'Colour' };

const conflictWith = (current: unknown) =>
  new ApiError(409, { code: 'version_conflict', message: 'It changed meanwhile.', current });

/** An edit form in miniature: "Save" runs `save`, whose failure goes to the hook first. */
const Harness = ({
  fail,
  onReload = vi.fn(),
  onSave = vi.fn(),
}: {
  fail: unknown;
  onReload?: (saved: Thing) => void;
  onSave?: (mine: Values, version: number) => void;
}) => {
  const [failure, setFailure] = useState<string | null>(null);
  const save = async (mine: Values, version: number) => {
    onSave(mine, version);
    if (!conflict.catchConflict(fail, mine)) setFailure('Other failure');
  };
  const conflict = useVersionConflict({
    schema: Thing,
    fields: FIELDS,
    labels: LABELS,
    show: (_field, value) => String(value),
    onReload,
    onReapply: save,
  });
  return (
    <>
      <button type="button" onClick={() => void save({ name: 'Mine', colour: 'red' }, 1)}>
        Save
      </button>
      {failure && <p>{failure}</p>}
      {conflict.view && <VersionConflict what="thing" {...conflict.view} />}
    </>
  );
};

describe('useVersionConflict', () => {
  it('shows only the fields where what is saved now differs from what was entered', async () => {
    render(<Harness fail={conflictWith({ version: 2, name: 'Theirs', colour: 'red' })} />);

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    const table = await screen.findByRole('table');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([['Name', 'Theirs', 'Mine']]);
  });

  it('"Reload" hands over the saved record and hides the conflict', async () => {
    const onReload = vi.fn();
    render(
      <Harness fail={conflictWith({ version: 2, name: 'Theirs', colour: 'red' })} onReload={onReload} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Reload' }));

    expect(onReload).toHaveBeenCalledWith({ version: 2, name: 'Theirs', colour: 'red' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('"Re-apply my changes" saves the entered values again with the saved version', async () => {
    const onSave = vi.fn();
    render(<Harness fail={conflictWith({ version: 7, name: 'Theirs', colour: 'blue' })} onSave={onSave} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Re-apply my changes' }));

    expect(onSave).toHaveBeenLastCalledWith({ name: 'Mine', colour: 'red' }, 7);
  });

  it('leaves other failures, and conflicts without a readable record, to the form', async () => {
    const { unmount } = render(<Harness fail={new Error('offline')} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Other failure')).toBeTruthy();
    unmount();

    render(<Harness fail={conflictWith({ unexpected: true })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Other failure')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
