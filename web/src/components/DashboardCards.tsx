import type { ReactNode } from 'react';

export type DashboardCard = { id: string; label: string; value: ReactNode; hint?: ReactNode };

/** KPI cards (one figure each); features add their cards to the role home pages. */
export const DashboardCards = ({
  cards,
  label,
  className = 'cards',
}: {
  cards: readonly DashboardCard[];
  label: string;
  /** `cards cards--kpi`: two small cards a row on phones (the dashboard's eight KPIs). */
  className?: string;
}) => (
  <ul className={className} aria-label={label}>
    {cards.map((card) => (
      <li key={card.id} className="card">
        <span className="card__value">{card.value}</span>
        <span className="card__label">{card.label}</span>
        {card.hint && <span className="card__hint">{card.hint}</span>}
      </li>
    ))}
  </ul>
);
