import { useState } from 'react';
import { Button, Dropdown, type MenuProps } from 'antd';
import { MoreOutlined } from '@ant-design/icons';

/**
 * The "⋯" menu of a table row. The Dropdown is mounted only while open: hundreds of idle
 * Dropdowns cost more to render than the rest of a table together.
 */
export function RowMenu(props: { label: string; items: NonNullable<MenuProps['items']>; onPick: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = <Button type="text" size="small" icon={<MoreOutlined />} aria-label={props.label} onClick={() => setOpen(true)} />;
  if (!open) return button;
  return (
    <Dropdown
      open
      trigger={['click']}
      onOpenChange={setOpen}
      menu={{
        items: props.items,
        onClick: ({ key }) => {
          setOpen(false);
          props.onPick(key);
        },
      }}
    >
      {button}
    </Dropdown>
  );
}
