import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CellValue } from '../../../../main/roster/contract.ts';
import type { GridBase, RowCells } from './model.ts';
import { isSingle, rectOf, type Selection } from './selection.ts';
import { shiftTimeText } from './describe.ts';

/** What the right-click menu shows and does. */
export interface CellMenuArgs {
  base: GridBase;
  rows: RowCells[];
  selection: Selection;
  hasWish: boolean;
  onValue(value: CellValue): void;
  onLock(locked: boolean): void;
  onWish(kind: 'on' | 'off' | null): void;
  onCopyWeek(): void;
  onPattern(): void;
}

/** The right-click menu of the grid; it acts on the selection (a right-click outside it selects that cell first). */
export function useCellMenu(args: CellMenuArgs): MenuProps {
  const { t } = useTranslation();
  const { base, rows, selection } = args;
  const rect = rectOf(selection);
  let anyLocked = false;
  let anyUnlocked = false;
  for (let r = rect.r0; r <= rect.r1 && !(anyLocked && anyUnlocked); r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (rows[r]?.locked[base.first + c]) anyLocked = true;
      else anyUnlocked = true;
    }
  }
  const shifts = [...base.shiftByCode.values()];
  const nextDay = t('roster.shiftsTab.nextDay');
  const one = isSingle(selection);
  const items: MenuProps['items'] = [
    {
      key: 'set',
      label: t('roster.grid.menuSetShift'),
      children: shifts.map((s) => ({
        key: `shift:${s.id}`,
        label: `${s.code}  ${s.name}  ${shiftTimeText(s, nextDay)}`,
      })),
    },
    { key: 'rest', label: t('roster.grid.menuRest') },
    { key: 'clear', label: t('roster.grid.menuClear') },
    { type: 'divider' },
    { key: 'lock', label: t('roster.grid.menuLock'), disabled: !anyUnlocked },
    { key: 'unlock', label: t('roster.grid.menuUnlock'), disabled: !anyLocked },
    { type: 'divider' },
    { key: 'wish:on', label: t('roster.grid.menuWishOn'), disabled: !one },
    { key: 'wish:off', label: t('roster.grid.menuWishOff'), disabled: !one },
    ...(args.hasWish && one ? [{ key: 'wish:none', label: t('roster.grid.menuWishRemove') }] : []),
    { type: 'divider' },
    { key: 'copyWeek', label: t('roster.grid.copyWeek') },
    { key: 'pattern', label: t('roster.grid.pattern') },
  ];
  return {
    items,
    onClick: ({ key }) => {
      if (key.startsWith('shift:')) args.onValue(Number(key.slice(6)));
      else if (key === 'rest') args.onValue('rest');
      else if (key === 'clear') args.onValue(null);
      else if (key === 'lock' || key === 'unlock') args.onLock(key === 'lock');
      else if (key.startsWith('wish:')) args.onWish(key === 'wish:none' ? null : (key.slice(5) as 'on' | 'off'));
      else if (key === 'copyWeek') args.onCopyWeek();
      else if (key === 'pattern') args.onPattern();
    },
  };
}
