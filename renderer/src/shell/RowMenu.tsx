import { useState } from 'react';
import { Dropdown, type MenuProps } from 'antd';
import './light-button.css';

/** antd's MoreOutlined as a plain SVG: the icon component's hooks, times hundreds of rows, add up. */
const moreIcon = (
  <svg viewBox="64 64 896 896" focusable="false" aria-hidden="true">
    <path d="M456 231a56 56 0 10112 0 56 56 0 10-112 0zm0 280a56 56 0 10112 0 56 56 0 10-112 0zm0 280a56 56 0 10112 0 56 56 0 10-112 0z" />
  </svg>
);

/**
 * The "⋯" menu of a table row. The Dropdown is mounted only while open, and the button is a plain
 * element: hundreds of idle Dropdowns or antd Buttons cost more to render than the rest of a table.
 */
export function RowMenu(props: { label: string; items: NonNullable<MenuProps['items']>; onPick: (key: string) => void }) {
  const [open, setOpen] = useState(false);
  const button = (
    <button type="button" className="lb lb-icon" aria-label={props.label} onClick={() => setOpen(true)}>
      {moreIcon}
    </button>
  );
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
