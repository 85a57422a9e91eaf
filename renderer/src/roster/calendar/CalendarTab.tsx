import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { CloudDownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { CalendarDay } from '../../../../main/roster/contract.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { showErrorsOnForm } from '../../api/form-errors.ts';
import { readPickedFile } from '../../files/files.ts';
import { dayNumber, weekdayOfDayNumber } from '../../../../main/roster/rules/time.ts';

type Kind = CalendarDay['kind'];
// The contract's list, repeated here: importing contract.ts as a value would bundle main's zod schemas.
const calendarKinds: Kind[] = ['holiday', 'rest', 'workday'];

/** The three kinds of special day, told apart by colour everywhere (pay depends on which it is). */
export const kindColor: Record<Kind, string> = { holiday: 'red', rest: 'orange', workday: 'blue' };

function DayDialog({ year, day, days, onClose }: { year: number; day?: CalendarDay; days: CalendarDay[]; onClose(): void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ date: Dayjs; kind: Kind; name: string }>();
  const save = useApiMutation('roster', 'saveCalendar', { invalidates: ['roster'], silentErrors: true });
  const submit = async (v: { date: Dayjs; kind: Kind; name: string }) => {
    const date = v.date.format('YYYY-MM-DD');
    if (date !== day?.date && days.some((d) => d.date === date)) {
      form.setFields([{ name: 'date', errors: [t('roster.calendarTab.duplicate')] }]);
      return;
    }
    const next = [...days.filter((d) => d.date !== day?.date), { date, kind: v.kind, name: v.name.trim() }].sort((a, b) =>
      a.date.localeCompare(b.date),
    );
    try {
      await save.mutateAsync({ year, days: next });
      onClose();
    } catch (error) {
      if (!showErrorsOnForm(form, error)) void message.error((error as Error).message, 6);
    }
  };
  return (
    <Modal
      open
      title={day ? t('roster.calendarTab.editDay') : t('roster.calendarTab.addDay')}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={day ? { ...day, date: dayjs(day.date) } : { kind: 'holiday', date: dayjs(`${year}-01-01`) }}
        data-testid="calendar-day-form"
      >
        <Form.Item name="date" label={t('roster.calendarTab.date')} rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker disabledDate={(d) => d.year() !== year} />
        </Form.Item>
        <Form.Item name="kind" label={t('roster.calendarTab.kind')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" options={calendarKinds.map((k) => ({ value: k, label: t(`roster.calendarTab.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('roster.calendarTab.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={20} placeholder={t('roster.calendarTab.namePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 节假日 (ROS-5): the year's official days, editable; a year without data falls back to weekends. */
export function CalendarTab({ initialYear }: { initialYear: number }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [year, setYear] = useState(initialYear);
  const [dialog, setDialog] = useState<{ day?: CalendarDay } | null>(null);
  const calendar = useApi('roster', 'calendar', { year });
  const loadOfficial = useApiMutation('roster', 'loadOfficialCalendar', {
    invalidates: ['roster'],
    onSuccess: (y) => void message.success(t('roster.calendarTab.loaded', { year: y.year, count: y.days.length })),
  });
  const save = useApiMutation('roster', 'saveCalendar', { invalidates: ['roster'] });
  const importFile = useApiMutation('roster', 'importCalendar', {
    invalidates: ['roster'],
    onSuccess: (years) =>
      void message.success(t('roster.calendarTab.imported', { years: years.map((y) => y.year).join(t('common.listSeparator')) })),
  });
  const days = calendar.data?.days ?? [];
  const source = calendar.data?.source ?? null;
  const weekdays = t('roster.grid.weekdaysShort').split(',');
  const counts = Object.fromEntries(calendarKinds.map((k) => [k, days.filter((d) => d.kind === k).length])) as Record<Kind, number>;

  const askLoadOfficial = () => {
    if (days.length === 0) return loadOfficial.mutate({ year });
    modal.confirm({
      title: t('roster.calendarTab.replaceTitle', { year }),
      content: t('roster.calendarTab.replaceBody'),
      onOk: () => loadOfficial.mutateAsync({ year }),
    });
  };

  const columns: TableColumnsType<CalendarDay> = [
    { title: t('roster.calendarTab.date'), dataIndex: 'date', width: 120, className: 'roster-tabular' },
    {
      title: t('roster.calendarTab.weekday'),
      key: 'weekday',
      width: 80,
      render: (_v, d) => weekdays[weekdayOfDayNumber(dayNumber(d.date))],
    },
    {
      title: t('roster.calendarTab.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: Kind) => <Tag color={kindColor[k]}>{t(`roster.calendarTab.kinds.${k}`)}</Tag>,
    },
    { title: t('roster.calendarTab.name'), dataIndex: 'name' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 130,
      render: (_v, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ day: d })}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('roster.calendarTab.removeConfirm', { date: d.date })}
            onConfirm={() => save.mutate({ year, days: days.filter((x) => x.date !== d.date) })}
          >
            <Button type="link" size="small" danger>
              {t('roster.calendarTab.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div className="roster-panel" data-testid="calendar-tab">
      <Card
        size="small"
        title={
          <Space>
            {t('roster.calendarTab.title')}
            <InputNumber
              size="small"
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              aria-label={t('roster.calendarTab.year')}
              style={{ width: 90 }}
              suffix={t('roster.calendarTab.yearSuffix')}
            />
            {source && <Tag>{t(`roster.calendarTab.sources.${source}`)}</Tag>}
          </Space>
        }
        extra={
          <Space>
            <Button icon={<CloudDownloadOutlined />} loading={loadOfficial.isPending} onClick={askLoadOfficial}>
              {t('roster.calendarTab.loadOfficial')}
            </Button>
            <Upload
              accept=".csv,.xlsx,.xls,.json"
              showUploadList={false}
              beforeUpload={(file) => {
                void readPickedFile(file).then((payload) => importFile.mutate({ file: payload }));
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={importFile.isPending}>
                {t('roster.calendarTab.importFile')}
              </Button>
            </Upload>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
              {t('roster.calendarTab.addDay')}
            </Button>
          </Space>
        }
      >
        {calendar.data && source === null && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            data-testid="calendar-fallback"
            title={t('roster.calendarTab.noDataTitle', { year })}
            description={t('roster.calendarTab.noDataBody')}
          />
        )}
        {calendar.error && <Alert type="error" showIcon title={calendar.error.message} style={{ marginBottom: 12 }} />}
        <Space size="large" style={{ marginBottom: 8 }} data-testid="calendar-counts">
          {calendarKinds.map((k) => (
            <span key={k}>
              <Tag color={kindColor[k]}>{t(`roster.calendarTab.kinds.${k}`)}</Tag>
              {t('roster.calendarTab.daysCount', { count: counts[k] })}
            </span>
          ))}
          <Typography.Text type="secondary">{t('roster.calendarTab.importHelp')}</Typography.Text>
        </Space>
        <Table<CalendarDay>
          size="small"
          rowKey="date"
          data-testid="calendar-table"
          loading={calendar.isPending}
          columns={columns}
          dataSource={days}
          pagination={false}
          locale={{ emptyText: <Empty description={t('roster.calendarTab.empty')} /> }}
        />
      </Card>
      {dialog && <DayDialog year={year} day={dialog.day} days={days} onClose={() => setDialog(null)} />}
    </div>
  );
}
