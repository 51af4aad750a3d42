import type { ComponentProps } from 'react';
import { RecordStatus } from '../../components/RecordStatus.tsx';

/** A log's page (and its form) while the log loads or could not be loaded. */
export const LogRecordStatus = ({ query }: Pick<ComponentProps<typeof RecordStatus>, 'query'>) => (
  <RecordStatus
    query={query}
    loadingLabel="Loading the log…"
    errorTitle="We couldn't load this log"
    notFoundTitle="Log not found"
    notFoundMessage="It may have been deleted, or it is not one you can see."
  />
);
