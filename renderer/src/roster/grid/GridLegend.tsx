import { memo, useState } from 'react';
import { Popover } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { GridBase } from './model.ts';
import { shiftTimeText } from './describe.ts';

/** Every key the grid understands, shown on demand so the legend stays one line. */
function KeyHelp({ restKeys }: { restKeys: string[] }) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    [t('roster.grid.keysLetter'), t('roster.grid.keysLetterWhat')],
    [restKeys.join(' / '), t('roster.grid.legendRest')],
    ['Delete / Backspace / Space', t('roster.grid.legendClear')],
    ['← ↑ → ↓ / Enter', t('roster.grid.keysMove')],
    [t('roster.grid.keysShiftArrows'), t('roster.grid.keysSelect')],
    [t('roster.grid.keysFillHandle'), t('roster.grid.keysFill')],
    [t('roster.grid.keysRightClick'), t('roster.grid.keysMenu')],
    ['Ctrl+Z', t('roster.grid.undo')],
    ['Ctrl+Y / Ctrl+Shift+Z', t('roster.grid.redo')],
    ['Ctrl+A', t('roster.grid.keysAll')],
  ];
  return (
    <table className="roster-keys">
      <tbody>
        {rows.map(([key, what]) => (
          <tr key={key}>
            <td>
              <kbd>{key}</kbd>
            </td>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the colours and marks mean, and the keys that edit the grid. */
export const GridLegend = memo(function GridLegend({ base, restKeys }: { base: GridBase; restKeys: string[] }) {
  const { t } = useTranslation();
  const shifts = [...base.shiftByCode.values()];
  const nextDay = t('roster.shiftsTab.nextDay');
  return (
    <div className="roster-legend" data-testid="grid-legend">
      {shifts.map((s) => (
        <span key={s.id} className="chip" title={shiftTimeText(s, nextDay)}>
          <kbd>{s.code}</kbd>
          <i className={`box rg-s-${s.id}`} />
          {s.name}
        </span>
      ))}
      <span className="chip">
        {restKeys.map((k) => (
          <kbd key={k}>{k}</kbd>
        ))}
        {t('roster.grid.legendRest')}
      </span>
      <span className="chip">
        <kbd>Del</kbd>
        {t('roster.grid.legendClear')}
      </span>
      <span className="chip">
        <i className="box" style={{ background: '#ffe3e0' }} />
        {t('roster.calendarTab.kinds.holiday')}
      </span>
      <span className="chip">
        <i className="box" style={{ background: '#fff0d6' }} />
        {t('roster.calendarTab.kinds.rest')}
      </span>
      <span className="chip">
        <i className="box" style={{ background: '#e1e9ff' }} />
        {t('roster.calendarTab.kinds.workday')}
      </span>
      <span className="chip">
        <i className="box" style={{ background: '#f4ecff', boxShadow: 'inset 0 -3px 0 #b37feb' }} />
        {t('roster.grid.legendLeave')}
      </span>
      <span className="chip">
        <i className="box rg-legend-issue" />
        {t('roster.grid.legendIssue')}
      </span>
      <KeysLink restKeys={restKeys} />
    </div>
  );
});

/**
 * "Keys": the popover is mounted when first pointed at or focused, not with the grid; an antd
 * component type generates its styles on its first mount, and the grid's first frame paid for it.
 */
function KeysLink({ restKeys }: { restKeys: string[] }) {
  const { t } = useTranslation();
  const [wanted, setWanted] = useState(false);
  const link = (
    <span
      className="chip roster-keys-link"
      data-testid="keys-help"
      role="button"
      tabIndex={0}
      onMouseEnter={() => setWanted(true)}
      onFocus={() => setWanted(true)}
    >
      <QuestionCircleOutlined />
      {t('roster.grid.keysTitle')}
    </span>
  );
  if (!wanted) return link;
  return (
    <Popover
      defaultOpen
      trigger={['hover', 'focus']}
      content={<KeyHelp restKeys={restKeys} />}
      title={t('roster.grid.keysTitle')}
      placement="topRight"
    >
      {link}
    </Popover>
  );
}
