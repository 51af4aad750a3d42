import { type ReactNode, useId } from 'react';

export type ConflictRow = { field: string; saved: ReactNode; yours: ReactNode };

type Props = {
  /** "user", "facility". */
  what: string;
  /** The fields where what is saved now differs from what you entered. */
  rows: readonly ConflictRow[];
  onReload: () => void;
  onReapply: () => void;
  busy?: boolean;
  reloadLabel?: string;
  reapplyLabel?: string;
};

/**
 * After a 409 version conflict: what someone else saved meanwhile, beside what you entered, and the two
 * ways on — take theirs (Reload) or save yours over it (Re-apply my changes).
 */
export const VersionConflict = ({
  what,
  rows,
  onReload,
  onReapply,
  busy = false,
  reloadLabel = 'Reload',
  reapplyLabel = 'Re-apply my changes',
}: Props) => {
  const titleId = useId();
  return (
    <section className="conflict" role="alert" aria-labelledby={titleId}>
      <h3 id={titleId} className="conflict__title">
        Someone else changed this {what} while you were editing
      </h3>
      {rows.length > 0 ? (
        <table className="diff-table">
          <caption className="visually-hidden">Saved now compared with your changes</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">Your entry</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.field}>
                <th scope="row">{row.field}</th>
                <td data-label="Saved now">{row.saved}</td>
                <td data-label="Your entry">{row.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>What is saved now already matches what you entered.</p>
      )}
      <p className="muted">
        {reloadLabel} to start again from the saved version, or {reapplyLabel.toLowerCase()} on top of it.
      </p>
      <div className="conflict__actions">
        <button type="button" className="button button--primary" onClick={onReapply} disabled={busy}>
          {reapplyLabel}
        </button>
        <button type="button" className="button" onClick={onReload} disabled={busy}>
          {reloadLabel}
        </button>
      </div>
    </section>
  );
};
