import { Link, useMatches } from 'react-router-dom';
import { crumbsFromMatches } from './breadcrumbs.ts';

/** "Home › Profile": derived from the matched routes; hidden on top-level pages, where it would say only "Home". */
export const Breadcrumb = () => {
  const crumbs = crumbsFromMatches(useMatches());
  if (crumbs.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="breadcrumb">
      <ol>
        {crumbs.map((crumb, index) => (
          <li key={crumb.to}>
            {index === crumbs.length - 1 ? (
              <span aria-current="page">{crumb.label}</span>
            ) : (
              <Link to={crumb.to}>{crumb.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
};
