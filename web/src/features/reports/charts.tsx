/*
 * The charts, with recharts: this module (and recharts with it) loads only when a chart is on screen,
 * so the first download stays small. Built for 360 px phones: full-width responsive containers, few
 * ticks, legends below the plot, no animation, thick bars that are easy to tap for their tooltip.
 */
import type { MonthFigures } from '@dml/shared/api/reports';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { monthLabel, monthTitle } from './months.ts';

const colors = {
  planned: '#8fb8c2',
  completed: '#0f4c5c',
  verified: '#1e7b45',
  opened: '#c76a00',
  closed: '#0b5394',
  onTime: '#1e7b45',
};
const tick = { fontSize: 12, fill: '#56616b' };
const legend = { fontSize: 13, paddingTop: 8 };
const tooltip = { fontSize: 14, borderRadius: 8 };

/** Planned, completed and verified visits as bars, in the monthly trend and side by side per facility. */
const visitBars = (maxBarSize: number) =>
  (
    [
      ['planned', 'Planned'],
      ['completed', 'Completed'],
      ['verified', 'Verified'],
    ] as const
  ).map(([key, name]) => (
    <Bar
      key={key}
      dataKey={key}
      name={name}
      fill={colors[key]}
      maxBarSize={maxBarSize}
      isAnimationActive={false}
    />
  ));

export type TrendView = 'visits' | 'follow-ups';

/** Monthly visits (planned, completed, verified) or follow-ups (opened, closed, on time). */
export const TrendsChart = ({
  months,
  view,
  height = 260,
}: {
  months: readonly MonthFigures[];
  view: TrendView;
  height?: number;
}) => {
  const data = months.map((m) => ({ ...m, label: monthLabel(m.month) }));
  const axes = (
    <>
      <CartesianGrid stroke="#e3e7ea" vertical={false} />
      <XAxis dataKey="label" tick={tick} tickLine={false} interval="preserveStartEnd" minTickGap={12} />
      <YAxis allowDecimals={false} tick={tick} tickLine={false} axisLine={false} width={32} />
      <Tooltip
        contentStyle={tooltip}
        labelFormatter={(_label, payload) => monthTitle(String(payload?.[0]?.payload?.month ?? ''))}
      />
      <Legend verticalAlign="bottom" wrapperStyle={legend} itemSorter={null} />
    </>
  );
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      {view === 'visits' ? (
        <BarChart data={data} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} barGap={2}>
          {axes}
          {visitBars(28)}
        </BarChart>
      ) : (
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -8 }}>
          {axes}
          {(
            [
              ['follow_ups_opened', 'Opened', colors.opened],
              ['follow_ups_closed', 'Closed', colors.closed],
              ['follow_ups_closed_on_time', 'Closed on time', colors.onTime],
            ] as const
          ).map(([key, name, color]) => (
            <Line
              key={key}
              dataKey={key}
              name={name}
              stroke={color}
              strokeWidth={3}
              dot={{ r: 4 }}
              activeDot={{ r: 7 }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      )}
    </ResponsiveContainer>
  );
};

export type FacilityBar = {
  code: string;
  name: string;
  planned: number;
  completed: number;
  verified: number;
};

/** Facilities side by side: planned against completed and verified visits, one row per facility (codes on the axis). */
export const FacilityChart = ({ rows }: { rows: readonly FacilityBar[] }) => {
  const height = Math.max(160, rows.length * 44 + 80);
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
      <BarChart
        data={[...rows]}
        layout="vertical"
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        barGap={1}
      >
        <CartesianGrid stroke="#e3e7ea" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={tick} tickLine={false} />
        <YAxis type="category" dataKey="code" tick={tick} tickLine={false} width={64} />
        <Tooltip
          contentStyle={tooltip}
          labelFormatter={(_label, payload) => String(payload?.[0]?.payload?.name ?? '')}
        />
        <Legend verticalAlign="bottom" wrapperStyle={legend} itemSorter={null} />
        {visitBars(14)}
      </BarChart>
    </ResponsiveContainer>
  );
};
