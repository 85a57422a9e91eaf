import type { ReactNode } from 'react';
import './tab-bar.css';

/**
 * A page's tabs as plain buttons with tab roles: antd Tabs measures its tabs on mount, a forced
 * layout each screen's first frame paid for.
 */
export function TabBar<K extends string>(props: {
  tabs: ReadonlyArray<{ key: K; label: ReactNode }>;
  active: K;
  onChange: (key: K) => void;
}) {
  return (
    <div role="tablist" className="tab-bar">
      {props.tabs.map((tab) => (
        <button
          key={tab.key}
          type="button"
          role="tab"
          aria-selected={props.active === tab.key}
          className={props.active === tab.key ? 'active' : undefined}
          onClick={() => props.onChange(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
