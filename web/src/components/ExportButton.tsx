import type { ExportFile } from '@dml/shared/api/reports';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/ApiError.ts';

type State =
  | { step: 'idle' }
  | { step: 'working'; seconds: number }
  | { step: 'done'; file: ExportFile }
  | { step: 'failed'; message: string };

/** Starts the browser's download of a generated file (its link answers with `attachment`). */
export const downloadFile = (file: ExportFile) => {
  const link = document.createElement('a');
  link.href = file.download_url;
  link.download = file.file_name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
};

type Props = {
  label: string;
  /** Shown on the button while the server builds the file, e.g. "Preparing the PDF…". */
  busyLabel: string;
  /** Asks the API for the file. */
  run: () => Promise<ExportFile>;
  /** What the file holds, said when it is ready (e.g. "12 visits, 30 follow-ups"). */
  describe?: (file: ExportFile) => string | null;
  /** Tests replace the download. */
  download?: (file: ExportFile) => void;
  className?: string;
  disabled?: boolean;
  note?: ReactNode;
};

/**
 * A button that has the server build a file (XLSX, PDF), shows that it is working (a spinner and the
 * seconds so far — on 3G this takes a while), then downloads it, keeping a link for 5 minutes in case
 * the download did not start. Failures say why, with "Try again".
 */
export const ExportButton = ({
  label,
  busyLabel,
  run,
  describe,
  download = downloadFile,
  className = 'button',
  disabled = false,
  note,
}: Props) => {
  const [state, setState] = useState<State>({ step: 'idle' });
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const working = state.step === 'working';
  useEffect(() => {
    if (!working) return;
    const timer = setInterval(
      () => setState((s) => (s.step === 'working' ? { ...s, seconds: s.seconds + 1 } : s)),
      1000,
    );
    return () => clearInterval(timer);
  }, [working]);

  const start = () => {
    setState({ step: 'working', seconds: 0 });
    run().then(
      (file) => {
        if (!mounted.current) return;
        setState({ step: 'done', file });
        download(file);
      },
      (error: unknown) => {
        if (mounted.current) setState({ step: 'failed', message: errorMessage(error) });
      },
    );
  };

  const contents = state.step === 'done' ? describe?.(state.file) : null;
  return (
    <div className="export">
      <button
        type="button"
        className={className}
        onClick={start}
        disabled={disabled || working}
        aria-busy={working || undefined}
      >
        {working && <span className="spinner" aria-hidden="true" />}
        {working ? busyLabel : label}
      </button>
      {(state.step === 'working' || state.step === 'done') && (
        <p className="export__status" role="status">
          {state.step === 'working' ? (
            <>Preparing the file{state.seconds >= 2 ? ` (${state.seconds} s)` : ''}…</>
          ) : (
            <>
              {state.file.file_name} is ready{contents ? ` (${contents})` : ''}. If the download did not
              start,{' '}
              <a href={state.file.download_url} download={state.file.file_name}>
                download it
              </a>{' '}
              (the link works for 5 minutes).
            </>
          )}
        </p>
      )}
      {state.step === 'failed' && (
        <p className="field__error export__error" role="alert">
          {state.message}{' '}
          <button type="button" className="button--inline" onClick={start}>
            Try again
          </button>
        </p>
      )}
      {note && state.step === 'idle' && <p className="field__hint">{note}</p>}
    </div>
  );
};
