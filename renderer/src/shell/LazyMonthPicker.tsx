import { useState } from 'react';
import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import './light-button.css';

const calendarIcon = (
  <svg viewBox="64 64 896 896" focusable="false" aria-hidden="true">
    <path d="M880 184H712v-64c0-4.4-3.6-8-8-8h-56c-4.4 0-8 3.6-8 8v64H384v-64c0-4.4-3.6-8-8-8h-56c-4.4 0-8 3.6-8 8v64H144c-17.7 0-32 14.3-32 32v664c0 17.7 14.3 32 32 32h736c17.7 0 32-14.3 32-32V216c0-17.7-14.3-32-32-32zm-40 656H184V460h656v380zM184 392V256h128v48c0 4.4 3.6 8 8 8h56c4.4 0 8-3.6 8-8v-48h256v48c0 4.4 3.6 8 8 8h56c4.4 0 8-3.6 8-8v-48h128v136H184z" />
  </svg>
);

/**
 * A small month picker (YYYY-MM) that is a plain button looking like antd's until it is clicked;
 * only then is antd's DatePicker mounted, already open. Its first mount generates the picker's
 * styles, which cost a screen that shows it the budget of its first frame.
 */
export function LazyMonthPicker(props: {
  month: string;
  onChange: (month: string) => void;
  format: string;
  label: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const value = dayjs(`${props.month}-01`);
  if (open) {
    return (
      <DatePicker
        picker="month"
        open
        autoFocus
        allowClear={false}
        size="small"
        aria-label={props.label}
        data-testid={props.testId}
        value={value}
        format={props.format}
        onOpenChange={(next) => !next && setOpen(false)}
        onChange={(next) => {
          setOpen(false);
          if (next) props.onChange(next.format('YYYY-MM'));
        }}
        style={{ width: 120 }}
      />
    );
  }
  return (
    <button type="button" className="lb lb-picker" aria-label={props.label} data-testid={props.testId} onClick={() => setOpen(true)}>
      <span>{value.format(props.format)}</span>
      {calendarIcon}
    </button>
  );
}
