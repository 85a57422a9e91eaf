import { Button, Empty } from 'antd';
import { CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Pos } from './selection.ts';

export interface ListedIssue {
  key: string;
  ruleId: string;
  severity: 'error' | 'warning';
  /** The plain-language explanation, worded when shown. */
  text(): string;
  /** The cell to jump to; null for a coverage gap, which belongs to a day and shift. */
  pos: Pos | null;
  column: number;
}

/** Beyond this the list says how many more there are: nobody reads a thousand problems one by one. */
const SHOWN = 300;

/** Every problem in the month in plain words; a click jumps to where it is in the grid. */
export function IssuesPanel(props: { issues: ListedIssue[]; checking: boolean; onJump(issue: ListedIssue): void; onClose(): void }) {
  const { issues, checking, onJump, onClose } = props;
  const { t } = useTranslation();
  return (
    <div className="roster-issues" data-testid="issues-panel">
      <div className="roster-issues-head">
        <span>{t('roster.grid.issuesTitle', { count: issues.length })}</span>
        <Button type="text" size="small" icon={<CloseOutlined />} onClick={onClose} aria-label={t('common.close')} />
      </div>
      <div className="roster-issues-list">
        {issues.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(checking ? 'roster.grid.checking' : 'roster.grid.noIssues')} />
        ) : (
          issues.slice(0, SHOWN).map((issue) => (
            <button key={issue.key} type="button" className="roster-issue" onClick={() => onJump(issue)} data-testid="issue-item">
              <span className={`rule ${issue.severity}`}>{issue.ruleId}</span>
              {issue.text()}
            </button>
          ))
        )}
        {issues.length > SHOWN && (
          <div style={{ padding: 12, color: '#8c8c8c' }}>{t('roster.grid.moreIssues', { count: issues.length - SHOWN })}</div>
        )}
      </div>
    </div>
  );
}
