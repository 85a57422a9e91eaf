import { Dropdown } from 'antd';
import { useCellMenu, type CellMenuArgs } from './useCellMenu.tsx';

/**
 * The grid's right-click menu, mounted only while open (at the mouse), so the grid pays nothing
 * for it on every edit: the menu is built here, not by the grid.
 */
export function CellMenu({ x, y, args, onClose }: { x: number; y: number; args: CellMenuArgs; onClose(): void }) {
  const menu = useCellMenu(args);
  return (
    <Dropdown
      open
      menu={{
        ...menu,
        onClick: (info) => {
          onClose();
          menu.onClick?.(info);
        },
      }}
      onOpenChange={(open) => !open && onClose()}
      trigger={['click']}
      placement="bottomLeft"
    >
      <div style={{ position: 'fixed', left: x, top: y, width: 1, height: 1 }} data-testid="cell-menu-anchor" />
    </Dropdown>
  );
}
