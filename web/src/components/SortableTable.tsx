import { type ReactNode, useId, useState } from 'react';

export type Column<T> = {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last. */
  value: (row: T) => number | string | null;
  /** The cell; defaults to the value ("—" for null). */
  render?: (row: T) => ReactNode;
};

type Sort = { key: string; direction: 'ascending' | 'descending' };

type Props<T> = {
  rows: readonly T[];
  /** The first column names the row (a header cell, e.g. the facility with a link). */
  columns: readonly [Column<T>, ...Column<T>[]];
  rowKey: (row: T) => string;
  caption: string;
  initialSort?: Sort;
};

const compare = (a: number | string | null, b: number | string | null) => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
};

/**
 * A table whose column headers sort it (again to reverse), on phones cards with a "Sort by" picker
 * (the headers are hidden there). Numbers sort largest first on the first press, names A to Z.
 */
export const SortableTable = <T,>({ rows, columns, rowKey, caption, initialSort }: Props<T>) => {
  const [sort, setSort] = useState<Sort>(initialSort ?? { key: columns[0].key, direction: 'ascending' });
  const pickerId = useId();
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sorted = [...rows].sort((a, b) => {
    const result = compare(column.value(a), column.value(b));
    // Nulls stay last whichever way the rest goes.
    if (column.value(a) === null || column.value(b) === null) return result;
    return sort.direction === 'ascending' ? result : -result;
  });

  const firstDirection = (c: Column<T>) =>
    rows.length > 0 && typeof c.value(rows[0] as T) === 'number' ? 'descending' : 'ascending';
  const sortBy = (c: Column<T>) =>
    setSort((now) =>
      now.key === c.key
        ? { key: c.key, direction: now.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key: c.key, direction: firstDirection(c) },
    );
  const cell = (c: Column<T>, row: T) => {
    if (c.render) return c.render(row);
    const value = c.value(row);
    return value === null ? '—' : value;
  };
  const [first, ...rest] = columns;

  return (
    <div className="sortable">
      <div className="field sortable__picker">
        <label className="field__label" htmlFor={pickerId}>
          Sort by
        </label>
        <select
          id={pickerId}
          className="field__input"
          value={`${sort.key}:${sort.direction}`}
          onChange={(event) => {
            const [key = '', direction] = event.target.value.split(':');
            setSort({ key, direction: direction === 'descending' ? 'descending' : 'ascending' });
          }}
        >
          {columns.flatMap((c) => {
            const numeric = firstDirection(c) === 'descending';
            return [
              <option key={`${c.key}:a`} value={`${c.key}:ascending`}>
                {c.label} ({numeric ? 'lowest first' : 'A–Z'})
              </option>,
              <option key={`${c.key}:d`} value={`${c.key}:descending`}>
                {c.label} ({numeric ? 'highest first' : 'Z–A'})
              </option>,
            ];
          })}
        </select>
      </div>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.key === sort.key ? sort.direction : undefined}>
                <button type="button" className="sort-button" onClick={() => sortBy(c)}>
                  {c.label}
                  <span aria-hidden="true" className="sort-button__arrow">
                    {c.key === sort.key ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)}>
              <th scope="row" className="data-table__title">
                {cell(first, row)}
              </th>
              {rest.map((c) => (
                <td key={c.key} data-label={c.label}>
                  {cell(c, row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
