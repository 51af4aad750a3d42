import type { AuditEntry } from '@dml/shared/api/audit';
import type { ReactNode } from 'react';
import { EMPTY, formatDateTime, humanize } from '../../lib/format.ts';

type Primitive = string | number | boolean;

const isPrimitive = (value: unknown): value is Primitive =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

const primitiveText = (value: Primitive): string => {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return formatDateTime(value);
  return String(value);
};

/**
 * One recorded value, readable: null as "—", booleans as Yes/No, times in local time, arrays as lists
 * (with what was added or removed marked when `other` is the list on the other side), objects as
 * "key: value" lines.
 */
export const AuditValue = ({
  value,
  other,
  side,
}: {
  value: unknown;
  other?: unknown;
  side?: 'from' | 'to';
}) => {
  if (value === null || value === undefined || value === '') return <span className="muted">{EMPTY}</span>;
  if (isPrimitive(value)) {
    if (typeof value === 'string' && ISO_DATE_TIME.test(value)) {
      return <time dateTime={value}>{primitiveText(value)}</time>;
    }
    return primitiveText(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">none</span>;
    const others = Array.isArray(other) ? new Set(other.map((item) => JSON.stringify(item))) : null;
    return (
      <ul className="value-list">
        {value.map((item, index) => {
          const changed = others !== null && !others.has(JSON.stringify(item));
          const content = <AuditValue value={item} />;
          let shown: ReactNode = content;
          if (changed && side === 'to') {
            shown = (
              <ins>
                {content}
                <span className="visually-hidden"> (added)</span>
              </ins>
            );
          } else if (changed && side === 'from') {
            shown = (
              <del>
                {content}
                <span className="visually-hidden"> (removed)</span>
              </del>
            );
          }
          // biome-ignore lint/suspicious/noArrayIndexKey: a recorded list never reorders; items may repeat
          return <li key={index}>{shown}</li>;
        })}
      </ul>
    );
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return <span className="muted">none</span>;
    return (
      <dl className="value-object">
        {entries.map(([key, item]) => (
          <div key={key}>
            <dt>{humanize(key)}:</dt> <dd>{<AuditValue value={item} />}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return <>{String(value)}</>;
};

/** What one audit entry changed: field, before → after. */
export const AuditDiff = ({ changes }: { changes: AuditEntry['changes'] }) => {
  const fields = Object.entries(changes);
  if (fields.length === 0) return <p className="muted">No field changes were recorded for this action.</p>;
  return (
    <table className="diff-table">
      <caption className="visually-hidden">Changed fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([field, { from, to }]) => (
          <tr key={field}>
            <th scope="row">{humanize(field)}</th>
            <td data-label="Before">
              <AuditValue value={from} other={to} side="from" />
            </td>
            <td data-label="After">
              <AuditValue value={to} other={from} side="to" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
