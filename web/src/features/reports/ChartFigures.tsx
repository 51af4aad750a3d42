import type { MonthFigures } from '@dml/shared/api/reports';
import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import type { FacilityBar, TrendView } from './charts.tsx';
import { monthTitle } from './months.ts';

// recharts comes with these, on demand: the cards and tables show while it loads on a slow network.
const TrendsChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.TrendsChart })));
const FacilityChart = lazy(() => import('./charts.tsx').then((m) => ({ default: m.FacilityChart })));

const ChartSlot = ({ children, height }: { children: ReactNode; height: string }) => (
  <div className="chart__plot">
    <ErrorBoundary
      fallback={({ reset }) => (
        <p className="chart__failed">
          The chart could not be loaded.{' '}
          <button type="button" className="button--inline" onClick={reset}>
            Try again
          </button>
        </p>
      )}
    >
      <Suspense
        fallback={
          <div role="status" className="chart__loading">
            <span className="visually-hidden">Loading the chart…</span>
            <Skeleton height={height} />
          </div>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
  </div>
);

/** The figures behind a chart, for screen readers and for people who want the numbers. */
const DataTable = ({
  caption,
  head,
  rows,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}) => (
  <details className="chart__data">
    <summary className="chart__toggle">Show as a table</summary>
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.cells[0]}</th>
            {row.cells.slice(1).map((cell, index) => (
              <td key={head[index + 1]} data-label={head[index + 1]}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </details>
);

/** Monthly trends, switchable between visits and follow-ups, with the numbers as a table. */
export const TrendsFigure = ({ title, months }: { title: string; months: readonly MonthFigures[] }) => {
  const [view, setView] = useState<TrendView>('visits');
  const titleId = useId();
  const visits = view === 'visits';
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <div className="chart__header">
        <figcaption id={titleId} className="chart__title">
          {title}
        </figcaption>
        {/* biome-ignore lint/a11y/useSemanticElements: two toggle buttons, not form fields */}
        <div className="segmented" role="group" aria-label="Chart shows">
          <button
            type="button"
            className="segmented__option"
            aria-pressed={visits}
            onClick={() => setView('visits')}
          >
            Visits
          </button>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={!visits}
            onClick={() => setView('follow-ups')}
          >
            Follow-ups
          </button>
        </div>
      </div>
      <ChartSlot height="16rem">
        <TrendsChart months={months} view={view} />
      </ChartSlot>
      <DataTable
        caption={title}
        head={
          visits
            ? ['Month', 'Planned', 'Approved', 'Completed', 'Verified', 'Off site']
            : ['Month', 'Opened', 'Closed', 'Closed on time']
        }
        rows={months.map((m) => ({
          key: m.month,
          cells: visits
            ? [monthTitle(m.month), m.planned, m.approved, m.completed, m.verified, m.off_site]
            : [monthTitle(m.month), m.follow_ups_opened, m.follow_ups_closed, m.follow_ups_closed_on_time],
        }))}
      />
    </figure>
  );
};

/** Facilities compared: planned, completed and verified visits in the period. */
export const FacilityFigure = ({ title, rows }: { title: string; rows: readonly FacilityBar[] }) => {
  const titleId = useId();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <div className="chart__header">
        <figcaption id={titleId} className="chart__title">
          {title}
        </figcaption>
      </div>
      <ChartSlot height={`${Math.max(10, rows.length * 2.75 + 5)}rem`}>
        <FacilityChart rows={rows} />
      </ChartSlot>
      <DataTable
        caption={title}
        head={['Facility', 'Code', 'Planned', 'Completed', 'Verified']}
        rows={rows.map((r) => ({ key: r.code, cells: [r.name, r.code, r.planned, r.completed, r.verified] }))}
      />
    </figure>
  );
};
