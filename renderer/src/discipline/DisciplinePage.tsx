import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { SanctionsTab } from './sanctions/SanctionsTab.tsx';
import { RecordTab } from './record/RecordTab.tsx';
import { FundTab } from './fund/FundTab.tsx';
import { RewardsTab } from './rewards/RewardsTab.tsx';
import { PromotionTab } from './promotion/PromotionTab.tsx';
import { FlagsTab } from './flags/FlagsTab.tsx';
import { CatalogueTab } from './catalogue/CatalogueTab.tsx';
import './discipline.css';
import { TabBar } from '../shell/TabBar.tsx';

const tabs = ['sanctions', 'record', 'fund', 'rewards', 'promotion', 'flags', 'catalogue'] as const;
export type DisciplineTab = (typeof tabs)[number];

/** 奖惩: violations, a person's record, the 乐捐 fund, rewards, promotions, the HR list and the catalogue. */
export function DisciplinePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (tabs as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as DisciplineTab) : 'sanctions';
  const personId = Number(params.get('person')) || null;
  const open = (next: DisciplineTab, extra: Record<string, string> = {}) => setParams({ tab: next, ...extra });
  return (
    <div className="dis-page" data-testid="discipline-page">
      <div className="dis-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('discipline.ui.title')}
        </Typography.Title>
        <TabBar tabs={tabs.map((key) => ({ key, label: t(`discipline.ui.tabs.${key}`) }))} active={tab} onChange={(key) => open(key)} />
      </div>
      <div className="dis-page-body">
        {tab === 'sanctions' && <SanctionsTab onPerson={(id) => open('record', { person: String(id) })} />}
        {tab === 'record' && <RecordTab personId={personId} onPerson={(id) => open('record', id ? { person: String(id) } : {})} />}
        {tab === 'fund' && <FundTab />}
        {tab === 'rewards' && <RewardsTab />}
        {tab === 'promotion' && <PromotionTab />}
        {tab === 'flags' && <FlagsTab onPerson={(id) => open('record', { person: String(id) })} />}
        {tab === 'catalogue' && <CatalogueTab />}
      </div>
    </div>
  );
}
