import { useMemo } from 'react';
import { Button, InputNumber, Select, Space, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { clock } from './format.ts';

/** weekday (0 = Sunday) → start minute → expected contacts */
export type WeekdayProfile = Record<number, Record<number, number | null>>;

/** Monday first, as a Chinese week is read. */
export const weekOrder = [1, 2, 3, 4, 5, 6, 0];

export function profileStarts(fromHour: number, toHour: number, intervalMinutes: number): number[] {
  const starts: number[] = [];
  for (let m = fromHour * 60; m < toHour * 60; m += intervalMinutes) starts.push(m);
  return starts;
}

/** The typed profile as demand intervals: every filled cell of the visible grid. */
export function profileDemand(profile: WeekdayProfile, starts: number[]) {
  return weekOrder.flatMap((weekday) =>
    starts
      .filter((m) => typeof profile[weekday]?.[m] === 'number')
      .map((startMinute) => ({ date: null, weekday, startMinute, contacts: profile[weekday]![startMinute]! })),
  );
}

const hours = Array.from({ length: 25 }, (_v, h) => ({ value: h, label: `${String(h).padStart(2, '0')}:00` }));

/**
 * A weekly demand profile typed in: intervals down, weekdays across, the expected contacts in
 * each cell; empty cells are left out of the calculation.
 */
export function ProfileEditor(props: {
  profile: WeekdayProfile;
  onChange(profile: WeekdayProfile): void;
  range: [number, number];
  onRange(range: [number, number]): void;
  intervalMinutes: number;
}) {
  const { t } = useTranslation();
  const { profile, onChange, range, intervalMinutes } = props;
  const starts = useMemo(() => profileStarts(range[0], range[1], intervalMinutes), [range, intervalMinutes]);
  const set = (weekday: number, minute: number, value: number | null) =>
    onChange({ ...profile, [weekday]: { ...profile[weekday], [minute]: value } });
  const copyMonday = () => {
    const monday = profile[1] ?? {};
    onChange({ ...profile, 2: { ...monday }, 3: { ...monday }, 4: { ...monday }, 5: { ...monday } });
  };

  return (
    <div data-testid="staffing-profile">
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('roster.staffing.profileHint')}</Typography.Text>
        <Select
          size="small"
          aria-label={`${t('roster.staffing.start')} 1`}
          value={range[0]}
          options={hours.slice(0, 24)}
          onChange={(v: number) => props.onRange([v, Math.max(v + 1, range[1])])}
          style={{ width: 90 }}
        />
        –
        <Select
          size="small"
          aria-label={`${t('roster.staffing.start')} 2`}
          value={range[1]}
          options={hours.slice(1)}
          onChange={(v: number) => props.onRange([Math.min(range[0], v - 1), v])}
          style={{ width: 90 }}
        />
        <Button size="small" icon={<CopyOutlined />} onClick={copyMonday}>
          {t('roster.staffing.fillWeekdays')}
        </Button>
      </Space>
      <div className="staffing-profile-grid">
        <table>
          <thead>
            <tr>
              <th>{t('roster.staffing.time')}</th>
              {weekOrder.map((w) => (
                <th key={w}>{t(`roster.staffing.weekdays.${w}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {starts.map((minute) => (
              <tr key={minute}>
                <th className="banzu-numeric">{clock(minute)}</th>
                {weekOrder.map((w) => (
                  <td key={w}>
                    <InputNumber
                      size="small"
                      controls={false}
                      min={0}
                      max={100000}
                      variant="borderless"
                      aria-label={`${t(`roster.staffing.weekdays.${w}`)} ${clock(minute)}`}
                      value={profile[w]?.[minute] ?? null}
                      onChange={(v) => set(w, minute, typeof v === 'number' ? v : null)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
