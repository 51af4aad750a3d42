import type { ReactNode } from 'react';

type Props = {
  /** The region's name ("Users"). */
  label: string;
  /** The results shown are the previous filters' while the new ones load (`isPlaceholderData`). */
  stale: boolean;
  children: ReactNode;
};

/**
 * Where a filtered list's results go. While new filters load, the old results stay (dimmed, and marked
 * busy for screen readers) rather than flashing a skeleton on every keystroke.
 */
export const ResultsRegion = ({ label, stale, children }: Props) => (
  <section
    aria-label={label}
    aria-busy={stale || undefined}
    className={stale ? 'results results--stale' : 'results'}
  >
    {children}
  </section>
);
