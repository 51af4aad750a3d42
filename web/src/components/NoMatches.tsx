import { EmptyState } from './EmptyState.tsx';

type Props = {
  /** "No users match these filters". */
  title: string;
  /** What to try instead ("Try another name or state"); the sentence goes on with ", or clear the filters.". */
  suggestion: string;
  onClear: () => void;
};

/** A filtered list that came back empty: says so, and offers the way back to the whole list. */
export const NoMatches = ({ title, suggestion, onClear }: Props) => (
  <EmptyState title={title}>
    {suggestion}, or{' '}
    <button type="button" className="button--inline" onClick={onClear}>
      clear the filters
    </button>
    .
  </EmptyState>
);
