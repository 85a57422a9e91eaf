import { Dropdown, type MenuProps } from 'antd';

/**
 * The grid's right-click menu, mounted only while open (at the mouse), so the grid pays nothing
 * for it on every edit.
 */
export function CellMenu({ x, y, menu, onClose }: { x: number; y: number; menu: MenuProps; onClose(): void }) {
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
