import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AreaKey } from './areas.tsx';

/** An area that is not built yet says so plainly, and what it will do. */
export function NotBuilt({ area }: { area: AreaKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="info"
      title={t('notBuilt.title', { area: t(`nav.${area}`) })}
      subTitle={<div style={{ maxWidth: 560, margin: '0 auto' }}>{t('notBuilt.body', { what: t(`notBuilt.${area}`) })}</div>}
      extra={
        <Button type="primary" onClick={() => navigate('/people')}>
          {t('notBuilt.goPeople')}
        </Button>
      }
    />
  );
}
