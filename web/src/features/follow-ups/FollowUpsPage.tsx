import type { KeyboardEvent } from 'react';
import { useId } from 'react';
import { useMe } from '../../api/useMe.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { useViewer } from '../../layout/useViewer.ts';
import { plural } from '../../lib/text.ts';
import { useUrlFilters } from '../../lib/useUrlFilters.ts';
import { type FollowUpFilters, useFollowUpList } from './api.ts';
import { FollowUpItem } from './FollowUpItem.tsx';

type TabId = 'assigned' | 'mine' | 'overdue' | 'open';
type Tab = { id: TabId; label: string; query: FollowUpFilters; empty: string; hint: string };

const tabsFor = (reviewer: boolean): Tab[] => [
  {
    id: 'assigned',
    label: 'Assigned to me',
    query: { view: 'assigned', open: 'true' },
    empty: 'Nothing is assigned to you',
    hint: 'Open action items you are responsible for, the earliest due first.',
  },
  {
    id: 'mine',
    label: 'On my logs',
    query: { view: 'mine' },
    empty: 'No follow-ups on your logs',
    hint: 'Action items agreed on the visits you logged, open ones first.',
  },
  {
    id: 'overdue',
    label: 'Overdue',
    query: { view: reviewer ? 'all' : 'assigned', overdue: 'true' },
    empty: 'Nothing is overdue',
    hint: reviewer
      ? 'Open action items past their due date at the facilities you can see.'
      : 'Your open action items past their due date.',
  },
  ...(reviewer
    ? [
        {
          id: 'open' as const,
          label: 'All open',
          query: { view: 'all', open: 'true' } as FollowUpFilters,
          empty: 'No open follow-ups',
          hint: 'Every open action item at the facilities you can see, the earliest due first.',
        },
      ]
    : []),
];

const FILTER_KEYS = ['tab'] as const;

const TabPanel = ({ tab, panelId, tabId }: { tab: Tab; panelId: string; tabId: string }) => {
  const me = useMe().data;
  const { role } = useViewer();
  const list = useFollowUpList(tab.query);
  const reviewer = role === 'admin' || role === 'supervisor';

  return (
    <div
      role="tabpanel"
      id={panelId}
      aria-labelledby={tabId}
      aria-busy={list.isPlaceholderData || undefined}
      className={list.isPlaceholderData ? 'results results--stale' : 'results'}
    >
      <p className="muted">{tab.hint}</p>
      <ListResults
        list={list}
        loadingLabel="Loading follow-ups…"
        errorTitle="We couldn't load the follow-ups"
        empty={<EmptyState title={tab.empty} />}
        summary={`Showing ${plural(list.items.length, 'follow-up', 'follow-ups')}`}
      >
        {(followUps) => (
          <ul className="item-list" aria-label={tab.label}>
            {followUps.map((followUp) => (
              <FollowUpItem
                key={followUp.id}
                followUp={followUp}
                showLog
                canOpenLog={reviewer || followUp.log_owner_id === me?.id}
                canChangeStatus={
                  reviewer || followUp.assigned_to === me?.id || followUp.log_owner_id === me?.id
                }
              />
            ))}
          </ul>
        )}
      </ListResults>
    </div>
  );
};

/** Action items across logs: what is assigned to me, what is on my logs, what is overdue. */
export const FollowUpsPage = () => {
  const { role } = useViewer();
  const reviewer = role === 'admin' || role === 'supervisor';
  const tabs = tabsFor(reviewer);
  const filters = useUrlFilters(FILTER_KEYS);
  const current = tabs.find((tab) => tab.id === filters.values.tab) ?? (tabs[0] as Tab);
  const baseId = useId();
  const tabId = (id: TabId) => `${baseId}-tab-${id}`;
  const panelId = `${baseId}-panel`;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === current.id);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = tabs[(index + step + tabs.length) % tabs.length] as Tab;
    filters.setFilter('tab', next.id === 'assigned' ? '' : next.id);
    document.getElementById(tabId(next.id))?.focus();
  };

  return (
    <>
      <title>Follow-ups · Digital Mentorship Log</title>
      <header className="page-header">
        <h1 className="page-header__title">Follow-ups</h1>
      </header>
      <div role="tablist" aria-label="Follow-up lists" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === current.id;
          return (
            <button
              key={tab.id}
              id={tabId(tab.id)}
              type="button"
              role="tab"
              className="tabs__tab"
              aria-selected={selected}
              aria-controls={panelId}
              tabIndex={selected ? 0 : -1}
              onClick={() => filters.setFilter('tab', tab.id === 'assigned' ? '' : tab.id)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      <TabPanel key={current.id} tab={current} panelId={panelId} tabId={tabId(current.id)} />
    </>
  );
};
