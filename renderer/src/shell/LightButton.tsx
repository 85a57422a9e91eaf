import type { ReactNode } from 'react';
import { LoadingOutlined } from '@ant-design/icons';
import './light-button.css';

/**
 * A plain button that looks like antd's default or primary Button. For the toolbars every screen
 * shows on its first frame: an antd Button (wave, context, a state set after mounting) costs that
 * frame more than a screenful of table rows.
 */
export function LightButton(props: {
  children?: ReactNode;
  icon?: ReactNode;
  kind?: 'default' | 'primary' | 'dashed';
  size?: 'middle' | 'small';
  danger?: boolean;
  loading?: boolean;
  disabled?: boolean;
  onClick: () => void;
  title?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const { kind = 'default', size = 'middle' } = props;
  return (
    <button
      type="button"
      className={`lb lb-${kind} lb-${size}${props.danger ? ' lb-danger' : ''}${props.children === undefined ? ' lb-only-icon' : ''}`}
      title={props.title}
      aria-label={props['aria-label']}
      data-testid={props['data-testid']}
      aria-busy={props.loading || undefined}
      disabled={props.disabled || props.loading}
      onClick={props.onClick}
    >
      {props.loading ? <LoadingOutlined /> : props.icon}
      {props.children !== undefined && <span>{props.children}</span>}
    </button>
  );
}
