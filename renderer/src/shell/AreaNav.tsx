import { useTranslation } from 'react-i18next';
import { areas, type AreaKey } from './areas.tsx';
import './area-nav.css';

/**
 * The side navigation: one link per area, the current one marked. Plain links rather than antd's
 * Menu, whose controlled selection renders the whole menu twice on every change of screen.
 * A link changes the address; the router and the screen's early reads both follow the address.
 */
export function AreaNav({ current }: { current: AreaKey | string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('nav.label')} className="area-nav">
      {areas.map((a) => (
        <a key={a.key} href={`#/${a.key}`} className="area-nav-item" aria-current={a.key === current ? 'page' : undefined}>
          <span className="area-nav-icon">{a.icon}</span>
          {t(`nav.${a.key}`)}
        </a>
      ))}
    </nav>
  );
}
