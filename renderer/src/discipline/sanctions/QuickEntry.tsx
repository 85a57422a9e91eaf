import { useMemo, useRef, useState } from 'react';
import { App, Button, DatePicker, Input, InputNumber, Select, type InputRef, type RefSelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { sanctionKinds, type SanctionKind } from '../../../../main/discipline/vocabulary.ts';
import { takesAmount } from '../../../../main/discipline/rules/catalogue.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { PersonPicker } from '../PersonPicker.tsx';
import { toFen, violationName } from '../format.ts';

/**
 * DIS-1, DIS-3: a violation in a few keystrokes — person (name or number), violation (code or
 * name), and the entry's default sanction and amount are filled in; Enter saves and the row is
 * ready for the next one.
 */
export function QuickEntry() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const catalogue = useApi('discipline', 'catalogue', {});
  const record = useApiMutation('discipline', 'recordSanction', { invalidates: ['discipline'], silentErrors: true });
  const [personId, setPersonId] = useState<number | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const [sanction, setSanction] = useState<SanctionKind>('warning');
  const [amount, setAmount] = useState<number | null>(null);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [evidence, setEvidence] = useState('');
  const personRef = useRef<RefSelectProps>(null);
  const codeRef = useRef<RefSelectProps>(null);
  const evidenceRef = useRef<InputRef>(null);

  const options = useMemo(
    () => (catalogue.data ?? []).map((v) => ({ value: v.code, label: `${v.code} ${violationName(v, i18n.language)}` })),
    [catalogue.data, i18n.language],
  );
  const pickCode = (value: string | null) => {
    setCode(value);
    const entry = catalogue.data?.find((v) => v.code === value);
    if (entry) {
      setSanction(entry.defaultSanction);
      setAmount(entry.defaultAmountFen === null ? null : entry.defaultAmountFen / 100);
      setTimeout(() => evidenceRef.current?.focus(), 0);
    }
  };
  const withAmount = takesAmount(sanction);

  const save = async () => {
    if (personId === null) return personRef.current?.focus();
    if (code === null) return codeRef.current?.focus();
    try {
      const saved = await record.mutateAsync({
        personId,
        date: date.format('YYYY-MM-DD'),
        code,
        sanction,
        amountFen: withAmount ? toFen(amount) : null,
        evidence: evidence || null,
      });
      void message.success(t('discipline.ui.entry.saved', { name: saved.personName, code: saved.code }));
      setPersonId(null);
      setCode(null);
      setEvidence('');
      setAmount(null);
      setTimeout(() => personRef.current?.focus(), 0);
    } catch (error) {
      void message.error((error as Error).message, 8);
    }
  };
  const onEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  };

  return (
    <div className="dis-entry" data-testid="violation-entry">
      <PersonPicker
        ref={personRef}
        activeOnly
        width={180}
        value={personId}
        testId="entry-person"
        placeholder={t('discipline.ui.entry.person')}
        onChange={(id) => {
          setPersonId(id);
          if (id !== null) setTimeout(() => codeRef.current?.focus(), 0);
        }}
      />
      <Select
        ref={codeRef}
        showSearch
        allowClear
        optionFilterProp="label"
        style={{ width: 220 }}
        placeholder={t('discipline.ui.entry.violation')}
        aria-label={t('discipline.ui.entry.violation')}
        data-testid="entry-violation"
        value={code ?? undefined}
        onChange={(v) => pickCode(v ?? null)}
        options={options}
      />
      <Select
        style={{ width: 120 }}
        aria-label={t('discipline.fields.sanction')}
        data-testid="entry-sanction"
        value={sanction}
        onChange={setSanction}
        options={sanctionKinds.map((k) => ({ value: k, label: t(`discipline.sanctionKinds.${k}`) }))}
      />
      <InputNumber
        style={{ width: 110 }}
        min={0}
        step={10}
        precision={2}
        disabled={!withAmount}
        aria-label={t('discipline.fields.amount')}
        placeholder={t('discipline.fields.amount')}
        data-testid="entry-amount"
        value={withAmount ? amount : null}
        onChange={(v) => setAmount(v)}
        onKeyDown={onEnter}
      />
      <DatePicker
        allowClear={false}
        style={{ width: 124 }}
        aria-label={t('discipline.fields.date')}
        data-testid="entry-date"
        value={date}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(v) => v && setDate(v)}
      />
      <Input
        ref={evidenceRef}
        style={{ flex: 1, minWidth: 180 }}
        maxLength={500}
        placeholder={t('discipline.ui.entry.evidence')}
        aria-label={t('discipline.fields.evidence')}
        data-testid="entry-evidence"
        value={evidence}
        onChange={(e) => setEvidence(e.target.value)}
        onKeyDown={onEnter}
      />
      <Button type="primary" loading={record.isPending} onClick={() => void save()} data-testid="entry-save">
        {t('discipline.ui.entry.save')}
      </Button>
      <div className="dis-entry-hint">{t('discipline.ui.entry.hint')}</div>
    </div>
  );
}
