import { ErrorState } from './ErrorState.tsx';

// Browsers word a failed dynamic import differently; all mean "the page's code did not arrive".
const CHUNK_LOAD_FAILED = /dynamically imported module|importing a module script failed|error loading/i;

/** Shown by error boundaries. Reloading is the reliable fix for both a bug and a page that failed to load. */
export const PageErrorFallback = ({ error }: { error: unknown }) => {
  const offline = error instanceof Error && CHUNK_LOAD_FAILED.test(error.message);
  return (
    <ErrorState
      title={offline ? 'This page could not be loaded' : 'Something went wrong'}
      message={
        offline
          ? 'Check your connection, then reload the page.'
          : 'An unexpected error stopped this page. Reloading usually fixes it.'
      }
      onRetry={() => window.location.reload()}
      retryLabel="Reload page"
    />
  );
};
