import { useRouteError } from 'react-router-dom';
import { PageErrorFallback } from '../components/PageErrorFallback.tsx';

/** The router's last line of defence (errors outside a page's own boundary, e.g. in the layout). */
export const RouteErrorPage = () => (
  <main className="app__main">
    <PageErrorFallback error={useRouteError()} />
  </main>
);
