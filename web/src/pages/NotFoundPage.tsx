import { Link } from 'react-router-dom';

export const NotFoundPage = () => (
  <>
    <title>Page not found · Digital Mentorship Log</title>
    <header className="page-header">
      <h1 className="page-header__title">Page not found</h1>
    </header>
    <p>
      There is no page at this address. <Link to="/">Go to your home page</Link>.
    </p>
  </>
);
