/** Grey placeholder blocks; the surrounding region announces the loading state, these stay silent. */
export const Skeleton = ({ width = '100%', height = '1rem' }: { width?: string; height?: string }) => (
  <span className="skeleton" style={{ width, height }} aria-hidden="true" />
);

/** Placeholder for a page's heading and a few lines while its data or code loads. */
export const PageSkeleton = ({ label = 'Loading…' }: { label?: string }) => (
  <div className="page-skeleton" role="status" aria-busy="true">
    <span className="visually-hidden">{label}</span>
    <Skeleton width="60%" height="2rem" />
    <Skeleton width="35%" />
    <Skeleton height="5.5rem" />
  </div>
);

/** Placeholder rows for a list or table while its first page loads. */
export const ListSkeleton = ({ label, rows = 4 }: { label: string; rows?: number }) => (
  <div className="page-skeleton" role="status" aria-busy="true">
    <span className="visually-hidden">{label}</span>
    {Array.from({ length: rows }, (_, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders, never reordered
      <Skeleton key={index} height="3.25rem" />
    ))}
  </div>
);
