import { Button, DatePicker, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';

/** A month with previous/next buttons, as YYYY-MM. */
export function MonthPicker({ month, onChange, testId }: { month: string; onChange: (month: string) => void; testId?: string }) {
  const { t } = useTranslation();
  const shift = (by: number) => onChange(dayjs(`${month}-01`).add(by, 'month').format('YYYY-MM'));
  return (
    <Space size={4}>
      <Button size="small" type="text" icon={<LeftOutlined />} aria-label={t('discipline.ui.previousMonth')} onClick={() => shift(-1)} />
      <DatePicker
        picker="month"
        allowClear={false}
        size="small"
        aria-label={t('discipline.ui.month')}
        data-testid={testId}
        value={dayjs(`${month}-01`)}
        format={t('discipline.ui.monthFormat')}
        onChange={(v) => v && onChange(v.format('YYYY-MM'))}
        style={{ width: 120 }}
      />
      <Button size="small" type="text" icon={<RightOutlined />} aria-label={t('discipline.ui.nextMonth')} onClick={() => shift(1)} />
    </Space>
  );
}
