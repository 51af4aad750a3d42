import { isId } from '@dml/shared/api/common';
import type { Role } from '@dml/shared/roles';
import { errorMessage } from '../../api/ApiError.ts';
import { DashboardCards } from '../../components/DashboardCards.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorState } from '../../components/ErrorState.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { QueryStatus } from '../../components/QueryStatus.tsx';
import { ResultsRegion } from '../../components/ResultsRegion.tsx';
import { SelectField, type SelectOption } from '../../components/SelectField.tsx';
import { ListSkeleton } from '../../components/Skeleton.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { plural } from '../../lib/text.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { useFacilityList } from '../facilities/index.ts';
import { useUserList } from '../users/index.ts';
import {
  DEFAULT_MONTHS,
  PERIODS,
  type ReportFilters,
  useDashboard,
  useFacilitySummary,
  useMentorSummary,
  useTrends,
} from './api.ts';
import { FacilityFigure, TrendsFigure } from './ChartFigures.tsx';
import { kpiCards } from './kpis.ts';
import { periodText } from './months.ts';
import { FacilitySummaryTable, MentorSummaryTable } from './SummaryTables.tsx';

/** `subject`: what an admin's figures are for (the programme, or one state, facility or mentor). */
const KEYS = ['months', 'subject', 'facility', 'state', 'mentor'] as const;
type Values = Record<(typeof KEYS)[number], string>;

export const monthsOf = (value: string) => {
  const months = Number(value);
  return (PERIODS as readonly number[]).includes(months) ? months : DEFAULT_MONTHS;
};

/**
 * The URL's filters as the API's query: supervisors narrow to one of their facilities, admins to a
 * state, a facility or a mentor; mentors see their own figures (the API refuses filters from them).
 */
export const reportQuery = (values: Values, role: Role | null): ReportFilters => {
  const months = monthsOf(values.months);
  if (role === 'supervisor' && isId(values.facility)) return { months, facility_id: values.facility };
  if (role === 'admin') {
    if (values.subject === 'state' && values.state.trim()) return { months, state: values.state.trim() };
    if (values.subject === 'facility' && isId(values.facility))
      return { months, facility_id: values.facility };
    if (values.subject === 'mentor' && isId(values.mentor)) return { months, mentor_id: values.mentor };
  }
  return { months };
};

const subjectOptions: SelectOption[] = [
  { value: '', label: 'Whole programme' },
  { value: 'state', label: 'One state' },
  { value: 'facility', label: 'One facility' },
  { value: 'mentor', label: 'One mentor' },
];

/** 1, 3, 6 or 12 months as one row of large radio buttons (thumb-sized on phones). */
const PeriodPicker = ({ months, onChange }: { months: number; onChange: (months: number) => void }) => (
  <fieldset className="segmented segmented--radios">
    <legend className="field__label">Period</legend>
    {PERIODS.map((value) => (
      <label key={value} className="segmented__option">
        <input
          type="radio"
          name="dashboard-period"
          value={value}
          checked={months === value}
          onChange={() => onChange(value)}
        />
        {/* Short on screen (four fit a 360 px phone), whole for screen readers. */}
        <span aria-hidden="true">{value} mo</span>
        <span className="visually-hidden">{plural(value, 'month', 'months')}</span>
      </label>
    ))}
  </fieldset>
);

const SubjectFilter = ({
  role,
  values,
  setFilters,
}: {
  role: Role | null;
  values: Values;
  setFilters: (changes: Partial<Values>) => void;
}) => {
  const facilities = useFacilityList({}, 100);
  const mentors = useUserList({ role: 'mentor' }, { limit: 100, enabled: role === 'admin' });
  const facilityOptions = facilities.items.map((f) => ({ value: f.id, label: f.name }));
  if (values.facility && !facilityOptions.some((o) => o.value === values.facility))
    facilityOptions.push({ value: values.facility, label: 'Selected facility' });

  if (role === 'supervisor') {
    return (
      <SelectField
        label="Facility"
        value={values.facility}
        onChange={(event) => setFilters({ facility: event.target.value })}
        options={[{ value: '', label: 'All your facilities' }, ...facilityOptions]}
      />
    );
  }
  if (role !== 'admin') return null;
  const states = [...new Set(facilities.items.map((f) => f.state))].sort((a, b) => a.localeCompare(b));
  if (values.state && !states.includes(values.state)) states.push(values.state);
  return (
    <>
      <SelectField
        label="Figures for"
        value={values.subject}
        onChange={(event) => setFilters({ subject: event.target.value, facility: '', state: '', mentor: '' })}
        options={subjectOptions}
      />
      {values.subject === 'state' && (
        <SelectField
          label="State"
          value={values.state}
          onChange={(event) => setFilters({ state: event.target.value })}
          options={[{ value: '', label: 'Choose a state' }, ...states.map((s) => ({ value: s, label: s }))]}
        />
      )}
      {values.subject === 'facility' && (
        <SelectField
          label="Facility"
          value={values.facility}
          onChange={(event) => setFilters({ facility: event.target.value })}
          options={[{ value: '', label: 'Choose a facility' }, ...facilityOptions]}
        />
      )}
      {values.subject === 'mentor' && (
        <SelectField
          label="Mentor"
          value={values.mentor}
          onChange={(event) => setFilters({ mentor: event.target.value })}
          options={[
            { value: '', label: 'Choose a mentor' },
            ...mentors.items.map((u) => ({ value: u.id, label: u.name })),
          ]}
        />
      )}
    </>
  );
};

/** The mentors and facilities in scope, side by side (supervisors and admins). */
const Summaries = ({ months, state }: { months: number; state: string | undefined }) => {
  const mentors = useMentorSummary(months);
  const facilities = useFacilitySummary(state ? { months, state } : { months });
  const bars = [...facilities.items]
    .sort((a, b) => b.planned - a.planned || a.name.localeCompare(b.name))
    .slice(0, 12)
    .map((f) => ({
      code: f.code,
      name: f.name,
      planned: f.planned,
      completed: f.completed,
      verified: f.verified,
    }));

  return (
    <>
      <section className="section" aria-labelledby="dashboard-facilities">
        <div className="section__header">
          <h2 id="dashboard-facilities">Facilities</h2>
        </div>
        <ListResults
          list={facilities}
          loadingLabel="Loading the facility summary…"
          skeletonRows={3}
          errorTitle="We couldn't load the facility summary"
          empty={<EmptyState title="No facilities in your scope" />}
          summary={`Showing ${plural(facilities.items.length, 'facility', 'facilities')}`}
        >
          {(rows) => (
            <>
              <FacilityFigure
                title={
                  rows.length > bars.length
                    ? `Visits by facility (the ${bars.length} with most plans)`
                    : 'Visits by facility'
                }
                rows={bars}
              />
              <FacilitySummaryTable rows={rows} />
            </>
          )}
        </ListResults>
      </section>

      <section className="section" aria-labelledby="dashboard-mentors">
        <div className="section__header">
          <h2 id="dashboard-mentors">Mentors</h2>
        </div>
        {mentors.isPending ? (
          <ListSkeleton label="Loading the mentor summary…" rows={3} />
        ) : mentors.isError ? (
          <ErrorState
            title="We couldn't load the mentor summary"
            message={errorMessage(mentors.error)}
            onRetry={() => void mentors.refetch()}
            retrying={mentors.isFetching}
          />
        ) : mentors.data.items.length === 0 ? (
          <EmptyState title="No mentors in your scope" />
        ) : (
          <MentorSummaryTable rows={mentors.data.items} />
        )}
      </section>
    </>
  );
};

/**
 * Dashboards: KPI cards for the period and what the figures are for, monthly trends, and for
 * supervisors and admins the facilities and mentors compared. The period and the filter live in the URL.
 */
export const DashboardPage = () => {
  const { role } = useViewer();
  const filters = useUrlFilters(KEYS);
  const { values } = filters;
  const query = reportQuery(values, role);
  const months = query.months;
  const dashboard = useDashboard(query, { enabled: role !== null });
  const trends = useTrends(query, { enabled: role !== null });
  const reviewer = role === 'supervisor' || role === 'admin';
  const data = dashboard.data;

  const figures = () => {
    if (dashboard.isPending || dashboard.isError) {
      return (
        <QueryStatus
          query={dashboard}
          loadingLabel="Loading the figures…"
          rows={4}
          errorTitle="We couldn't load the figures"
        />
      );
    }
    return (
      <DashboardCards label="Key figures" cards={kpiCards(dashboard.data)} className="cards cards--kpi" />
    );
  };

  return (
    <>
      <title>Dashboard · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Dashboard</h1>
        {data && (
          <p className="page-header__meta">
            <span className="dashboard__scope">{data.scope.label}</span>
            <span>{periodText(data.period)}</span>
          </p>
        )}
      </header>

      {/* biome-ignore lint/a11y/useSemanticElements: jsdom (our tests) does not know <search> yet; the role is the same */}
      <div role="search" className="filters dashboard-filters" aria-label="Dashboard filters">
        <PeriodPicker months={months} onChange={(value) => filters.setFilter('months', String(value))} />
        <SubjectFilter role={role} values={values} setFilters={filters.setFilters} />
      </div>

      <ResultsRegion label="Figures" stale={dashboard.isPlaceholderData}>
        {figures()}
      </ResultsRegion>

      <section className="section" aria-labelledby="dashboard-trends">
        <div className="section__header">
          <h2 id="dashboard-trends">Trends</h2>
        </div>
        {trends.isPending ? (
          <ListSkeleton label="Loading the trends…" rows={2} />
        ) : trends.isError ? (
          <ErrorState
            title="We couldn't load the trends"
            message={errorMessage(trends.error)}
            onRetry={() => void trends.refetch()}
            retrying={trends.isFetching}
          />
        ) : (
          <TrendsFigure title="Month by month" months={trends.data.months} />
        )}
      </section>

      {reviewer && <Summaries months={months} state={query.state} />}
    </>
  );
};
