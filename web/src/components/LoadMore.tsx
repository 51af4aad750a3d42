type Props = {
  /** "Showing 25 users". */
  summary: string;
  hasMore: boolean;
  loading: boolean;
  /** Loading the next page failed (the list so far stays). */
  failed: boolean;
  onLoadMore: () => void;
  label?: string;
};

/** Cursor pagination for phones: one button that appends the next page to the list. */
export const LoadMore = ({ summary, hasMore, loading, failed, onLoadMore, label = 'Load more' }: Props) => (
  <div className="load-more">
    <p className="muted" aria-live="polite">
      {summary}
    </p>
    {failed && (
      <p className="field__error" role="alert">
        Could not load more. Check your connection and try again.
      </p>
    )}
    {hasMore && (
      <button type="button" className="button" onClick={onLoadMore} disabled={loading}>
        {loading ? 'Loading…' : label}
      </button>
    )}
  </div>
);
