import type { ExportFile } from '@dml/shared/api/reports';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/ApiError.ts';
import { ExportButton } from './ExportButton.tsx';

const file: ExportFile = {
  file_name: 'mentorship-visits-2026-03-15.xlsx',
  download_url: 'https://files.test/exports/visits.xlsx?X-Amz-Signature=1',
  expires_at: '2026-03-15T08:05:00Z',
  rows: { logs: 12, follow_ups: 30 },
};

const deferred = () => {
  let resolve: (value: ExportFile) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<ExportFile>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('ExportButton', () => {
  it('shows a spinner while the file is built, then downloads it and keeps a link', async () => {
    const reply = deferred();
    const run = vi.fn(() => reply.promise);
    const download = vi.fn();
    render(
      <ExportButton
        label="Export to Excel"
        busyLabel="Preparing the workbook…"
        run={run}
        download={download}
        describe={(f) => `${f.rows?.logs} visits`}
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Export to Excel' }));

    const busy = screen.getByRole('button', { name: 'Preparing the workbook…' }) as HTMLButtonElement;
    expect(busy.disabled).toBe(true);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.querySelector('.spinner')).not.toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Preparing the file…');

    await act(async () => reply.resolve(file));

    expect(download).toHaveBeenCalledWith(file);
    expect(screen.getByRole('status').textContent).toContain(
      'mentorship-visits-2026-03-15.xlsx is ready (12 visits).',
    );
    expect(screen.getByRole('link', { name: 'download it' }).getAttribute('href')).toBe(file.download_url);
    expect((screen.getByRole('button', { name: 'Export to Excel' }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it('counts the seconds on a slow network', async () => {
    vi.useFakeTimers();
    try {
      render(
        <ExportButton label="Download PDF" busyLabel="Preparing the PDF…" run={() => deferred().promise} />,
      );
      fireEvent.click(screen.getByRole('button', { name: 'Download PDF' }));
      await act(async () => {
        vi.advanceTimersByTime(3000);
      });
      expect(screen.getByRole('status').textContent).toBe('Preparing the file (3 s)…');
    } finally {
      vi.useRealTimers();
    }
  });

  it('says why it failed and tries again', async () => {
    const run = vi
      .fn<() => Promise<ExportFile>>()
      .mockRejectedValueOnce(
        new ApiError(413, {
          code: 'payload_too_large',
          message: 'More than 10000 visits match; narrow the dates.',
        }),
      )
      .mockResolvedValueOnce(file);
    const download = vi.fn();
    render(<ExportButton label="Export to Excel" busyLabel="Preparing…" run={run} download={download} />);

    fireEvent.click(screen.getByRole('button', { name: 'Export to Excel' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('More than 10000 visits match; narrow the dates.');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Try again' })));

    expect(download).toHaveBeenCalledWith(file);
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
