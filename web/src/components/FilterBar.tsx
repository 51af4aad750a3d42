import type { ReactNode } from 'react';

type Props = {
  /** "Filter users": the search landmark's name. */
  label: string;
  /** "Clear filters" shows only while there is something to clear. */
  canClear: boolean;
  onClear: () => void;
  children: ReactNode;
};

/** A list's filter fields as a search landmark, ending with "Clear filters" once any is set. */
export const FilterBar = ({ label, canClear, onClear, children }: Props) => (
  // biome-ignore lint/a11y/useSemanticElements: jsdom (our tests) does not know <search> yet; the role is the same
  <div role="search" className="filters" aria-label={label}>
    {children}
    {canClear && (
      <button type="button" className="button button--link filters__clear" onClick={onClear}>
        Clear filters
      </button>
    )}
  </div>
);
