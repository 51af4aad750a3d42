import type { MentorshipLogView } from '@dml/shared/api/logs';
import { useState } from 'react';
import { useMe } from '../../api/useMe.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ListResults } from '../../components/ListResults.tsx';
import { Notice } from '../../components/Notice.tsx';
import { plural } from '../../lib/text.ts';
import { AddFollowUpForm } from './AddFollowUpForm.tsx';
import { useFollowUpList } from './api.ts';
import { FollowUpItem } from './FollowUpItem.tsx';

/** A log's action items, and (for its owner, reviewers and admins) a form to add one. */
export const LogFollowUps = ({ log }: { log: MentorshipLogView }) => {
  const me = useMe().data;
  const list = useFollowUpList({ mentorship_log_id: log.id });
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const isOwner = me?.id === log.mentor_id;
  const canManage = Boolean(me) && (isOwner || me?.role === 'admin' || me?.role === 'supervisor');
  const canAdd = canManage && !log.deleted_at;

  return (
    <section className="section" aria-labelledby="log-follow-ups">
      <div className="section__header">
        <h2 id="log-follow-ups">
          Follow-ups
          {list.data && list.items.length > 0 && <span className="muted"> ({list.items.length})</span>}
        </h2>
        {canAdd && !adding && (
          <button type="button" className="button" onClick={() => setAdding(true)}>
            Add follow-up
          </button>
        )}
      </div>
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {adding && me && (
        <AddFollowUpForm
          log={log}
          me={me}
          onAdded={(message) => {
            setNotice(message);
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ListResults
        list={list}
        loadingLabel="Loading follow-ups…"
        skeletonRows={2}
        errorTitle="We couldn't load the follow-ups"
        empty={
          <EmptyState title="No follow-ups yet">
            {canAdd ? 'Agree action items with the facility and add them here.' : undefined}
          </EmptyState>
        }
        summary={`Showing ${plural(list.items.length, 'follow-up', 'follow-ups')}`}
        onlyWhenMore
      >
        {(followUps) => (
          <ul className="item-list" aria-label="Follow-ups of this log">
            {followUps.map((followUp) => (
              <FollowUpItem
                key={followUp.id}
                followUp={followUp}
                canChangeStatus={canManage || followUp.assigned_to === me?.id}
                canDelete={isOwner || me?.role === 'admin'}
              />
            ))}
          </ul>
        )}
      </ListResults>
    </section>
  );
};
