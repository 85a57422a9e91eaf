import { useState, type KeyboardEvent } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import './light-field.css';

const downIcon = (
  <svg viewBox="64 64 896 896" focusable="false" aria-hidden="true">
    <path d="M884 256h-75c-5.1 0-9.9 2.5-12.9 6.6L512 654.2 227.9 262.6c-3-4.1-7.8-6.6-12.9-6.6h-75c-6.5 0-10.3 7.4-6.5 12.7l352.6 486.1c12.8 17.6 39 17.6 51.7 0l352.6-486.1c3.9-5.3.1-12.7-6.4-12.7z" />
  </svg>
);

export const clearIcon = (
  <svg viewBox="64 64 896 896" focusable="false" aria-hidden="true">
    <path d="M512 64C264.6 64 64 264.6 64 512s200.6 448 448 448 448-200.6 448-448S759.4 64 512 64zm165.4 618.2l-66-.3L512 563.4l-99.3 118.4-66.1.3c-4.4 0-8-3.5-8-8 0-1.9.7-3.7 1.9-5.2l130.1-155L340.5 359a8.32 8.32 0 01-1.9-5.2c0-4.4 3.6-8 8-8l66.1.3L512 464.6l99.3-118.4 66-.3c4.4 0 8 3.5 8 8 0 1.9-.7 3.7-1.9 5.2L553.5 514l130 155c1.2 1.5 1.9 3.3 1.9 5.2 0 4.4-3.6 8-8 8z" />
  </svg>
);

export interface LazySelectOption<V> {
  value: V;
  label: string;
}

/**
 * A clearable filter select that is a plain button looking like antd's Select until it is
 * opened; only then is the real Select mounted, open and focused. A toolbar of idle antd Selects
 * (each with its popup trigger, which renders itself twice on mounting) costs a screen's first
 * frame more than its rows.
 */
export function LazySelect<V extends string | number>(props: {
  /** The placeholder and the accessible name. */
  label: string;
  value: V | undefined;
  options: LazySelectOption<V>[];
  onChange: (value: V | undefined) => void;
  width: number;
  showSearch?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // After the real Select closes, the look-alike takes the focus back so the keyboard keeps its place.
  const [wasOpened, setWasOpened] = useState(false);
  const selected = props.options.find((o) => o.value === props.value);
  if (open) {
    return (
      <Select<V>
        open
        autoFocus
        allowClear
        showSearch={props.showSearch ? { optionFilterProp: 'label' } : undefined}
        aria-label={props.label}
        placeholder={props.label}
        style={{ width: props.width }}
        value={props.value}
        options={props.options}
        onChange={(value) => props.onChange(value)}
        onOpenChange={(next) => {
          if (next) return;
          setOpen(false);
          setWasOpened(true);
        }}
      />
    );
  }
  const openOnKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
    }
  };
  return (
    <span className="lf lf-select" style={{ width: props.width }}>
      <button
        type="button"
        className="lf-box"
        aria-haspopup="listbox"
        autoFocus={wasOpened}
        aria-label={selected ? `${props.label}: ${selected.label}` : props.label}
        onClick={() => setOpen(true)}
        onKeyDown={openOnKey}
      >
        <span className={selected ? 'lf-value' : 'lf-placeholder'}>{selected?.label ?? props.label}</span>
      </button>
      <span className="lf-suffix">{downIcon}</span>
      {selected && (
        <button
          type="button"
          className="lf-clear"
          aria-label={`${t('common.clear')} ${props.label}`}
          onClick={() => props.onChange(undefined)}
        >
          {clearIcon}
        </button>
      )}
    </span>
  );
}
