import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, InputNumber, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TemplateView } from '../../../../main/appraisal/contract.ts';
import {
  DEFAULT_TEMPLATE_KEY,
  DEFAULT_TEMPLATE_NAME,
  defaultTemplate,
  templateProblems,
  templateProblemText,
  type TemplateStructure,
} from '../../../../main/appraisal/rules/index.ts';
import { dimensions, directions, indicatorUnits, itemDimensions, type Dimension } from '../../../../main/appraisal/vocabulary.ts';
import { functions } from '../../../../main/people/vocabulary.ts';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { momentDate } from '../../shell/moment.ts';

/** APR-1…3: the template — dimension weights, items, indicators per function — saved as a new version. */
export function TemplateTab() {
  const { t } = useTranslation();
  const templates = useApi('appraisal', 'templates', {});
  const [versionId, setVersionId] = useState<number | null>(null);
  if (!templates.data) return null;
  const list = templates.data;
  const shown = list.find((v) => v.id === versionId) ?? list[0] ?? null;
  return (
    <div className="apr-panel" data-testid="appraisal-template">
      <div className="apr-toolbar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {shown?.name ?? DEFAULT_TEMPLATE_NAME}
        </Typography.Title>
        {list.length > 0 && (
          <Select
            size="small"
            style={{ width: 280 }}
            value={shown?.id}
            onChange={setVersionId}
            aria-label={t('appraisal.template.version')}
            options={list.map((v) => ({
              value: v.id,
              label: t('appraisal.template.versionLine', { version: v.version, date: momentDate(v.createdAt), cycles: v.cycles }),
            }))}
          />
        )}
      </div>
      {list.length === 0 && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('appraisal.template.none')} />}
      <TemplateEditor key={shown?.id ?? 'default'} template={shown} latest={shown === null || shown.id === list[0]?.id} />
    </div>
  );
}

type TemplateItem = TemplateStructure['items'][number];
type TemplateIndicator = TemplateStructure['indicators'][number];

let keySequence = 0;
/** A key for a new item or indicator: it stays the same across versions, so it is never reused. */
function newKey(prefix: string, taken: Set<string>): string {
  for (;;) {
    const key = `${prefix}${++keySequence}`;
    if (!taken.has(key)) return key;
  }
}

function TemplateEditor({ template, latest }: { template: TemplateView | null; latest: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [structure, setStructure] = useState<TemplateStructure>(() => structuredClone(template?.structure ?? defaultTemplate()));
  const [adopt, setAdopt] = useState(true);
  const save = useApiMutation('appraisal', 'saveTemplate', {
    onSuccess: (v) => void message.success(t('appraisal.template.saved', { version: v.version })),
  });
  const problems = useMemo(() => templateProblems(structure), [structure]);
  const taken = new Set([...structure.items.map((i) => i.key), ...structure.indicators.map((i) => i.key)]);
  const emptyName = [...structure.items, ...structure.indicators].some((x) => x.name.trim() === '');
  // Shallow updates: only the changed item, indicator or weights are new objects.
  const setDimension = (d: Dimension, weight: number) => setStructure((s) => ({ ...s, dimensions: { ...s.dimensions, [d]: weight } }));
  const setItem = (i: number, patch: Partial<TemplateItem>) =>
    setStructure((s) => ({ ...s, items: s.items.map((item, k) => (k === i ? { ...item, ...patch } : item)) }));
  const setIndicator = (i: number, patch: Partial<TemplateIndicator>) =>
    setStructure((s) => ({ ...s, indicators: s.indicators.map((ind, k) => (k === i ? { ...ind, ...patch } : ind)) }));

  return (
    <>
      <section className="apr-card" style={{ padding: 0 }}>
        <h3>{t('appraisal.template.dimensions')}</h3>
        <Space size="large">
          {dimensions.map((d) => (
            <span key={d}>
              {t(`appraisal.dimensions.${d}`)}{' '}
              <InputNumber
                size="small"
                min={0}
                max={100}
                value={structure.dimensions[d]}
                addonAfter="%"
                style={{ width: 110 }}
                onChange={(v) => setDimension(d, v ?? 0)}
                aria-label={t(`appraisal.dimensions.${d}`)}
              />
            </span>
          ))}
        </Space>
      </section>

      <section className="apr-card" style={{ padding: 0 }}>
        <h3>
          {t('appraisal.template.items')}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              setStructure((s) => ({
                ...s,
                items: [...s.items, { key: newKey('item', taken), name: '', dimension: 'ability', weight: 0, scaleMax: 10, hint: null }],
              }))
            }
          >
            {t('common.add')}
          </Button>
        </h3>
        <table className="apr-grid">
          <thead>
            <tr>
              <th>{t('appraisal.template.name')}</th>
              <th>{t('appraisal.template.dimension')}</th>
              <th className="num">{t('appraisal.form.weight')}</th>
              <th className="num">{t('appraisal.template.scaleMax')}</th>
              <th>{t('appraisal.template.hint')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {structure.items.map((item, i) => (
              <tr key={item.key}>
                <td>
                  <Input
                    size="small"
                    value={item.name}
                    maxLength={30}
                    status={item.name.trim() ? undefined : 'error'}
                    onChange={(e) => setItem(i, { name: e.target.value })}
                  />
                </td>
                <td>
                  <Select
                    size="small"
                    style={{ width: 110 }}
                    value={item.dimension}
                    onChange={(v) => setItem(i, { dimension: v })}
                    options={itemDimensions.map((d) => ({ value: d, label: t(`appraisal.dimensions.${d}`) }))}
                  />
                </td>
                <td className="num">
                  <InputNumber
                    size="small"
                    min={0}
                    max={100}
                    value={item.weight}
                    style={{ width: 80 }}
                    onChange={(v) => setItem(i, { weight: v ?? 0 })}
                  />
                </td>
                <td className="num">
                  <InputNumber
                    size="small"
                    min={1}
                    max={100}
                    precision={0}
                    value={item.scaleMax}
                    style={{ width: 70 }}
                    onChange={(v) => setItem(i, { scaleMax: v ?? 10 })}
                  />
                </td>
                <td>
                  <Input
                    size="small"
                    value={item.hint ?? ''}
                    maxLength={100}
                    onChange={(e) => setItem(i, { hint: e.target.value || null })}
                  />
                </td>
                <td>
                  <Button
                    size="small"
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label={t('appraisal.template.remove')}
                    onClick={() => setStructure((s) => ({ ...s, items: s.items.filter((_, k) => k !== i) }))}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="apr-card" style={{ padding: 0 }}>
        <h3>
          {t('appraisal.template.indicators')}
          <Button
            size="small"
            icon={<PlusOutlined />}
            onClick={() =>
              setStructure((s) => ({
                ...s,
                indicators: [
                  ...s.indicators,
                  {
                    key: newKey('indicator', taken),
                    name: '',
                    functions: ['service'],
                    weight: 0,
                    unit: 'percent',
                    direction: 'higher',
                    target: 100,
                    floor: 0,
                    cap: 100,
                    prorate: false,
                    customerScore: false,
                    aliases: [],
                  },
                ],
              }))
            }
          >
            {t('common.add')}
          </Button>
        </h3>
        <div style={{ overflowX: 'auto' }}>
          <table className="apr-grid" style={{ minWidth: 1240 }}>
            <thead>
              <tr>
                <th>{t('appraisal.template.name')}</th>
                <th>{t('appraisal.template.functions')}</th>
                <th className="num">{t('appraisal.form.weight')}</th>
                <th>{t('appraisal.template.unit')}</th>
                <th>{t('appraisal.template.direction')}</th>
                <th className="num">{t('appraisal.form.target')}</th>
                <th className="num">{t('appraisal.form.floor')}</th>
                <th className="num">{t('appraisal.template.cap')}</th>
                <th>{t('appraisal.template.flags')}</th>
                <th>{t('appraisal.template.aliases')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {structure.indicators.map((ind, i) => (
                <tr key={ind.key}>
                  <td>
                    <Input
                      size="small"
                      value={ind.name}
                      maxLength={30}
                      style={{ width: 130 }}
                      status={ind.name.trim() ? undefined : 'error'}
                      onChange={(e) => setIndicator(i, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <Select
                      size="small"
                      mode="multiple"
                      style={{ minWidth: 100 }}
                      value={ind.functions}
                      onChange={(v) => setIndicator(i, { functions: v })}
                      options={functions.map((f) => ({ value: f, label: t(`functions.${f}`) }))}
                    />
                  </td>
                  <td className="num">
                    <InputNumber
                      size="small"
                      min={0}
                      max={100}
                      value={ind.weight}
                      style={{ width: 64 }}
                      onChange={(v) => setIndicator(i, { weight: v ?? 0 })}
                    />
                  </td>
                  <td>
                    <Select
                      size="small"
                      style={{ width: 82 }}
                      value={ind.unit}
                      onChange={(v) => setIndicator(i, { unit: v })}
                      options={indicatorUnits.map((u) => ({ value: u, label: t(`appraisal.unitNames.${u}`) }))}
                    />
                  </td>
                  <td>
                    <Select
                      size="small"
                      style={{ width: 100 }}
                      value={ind.direction}
                      onChange={(v) => setIndicator(i, { direction: v })}
                      options={directions.map((d) => ({ value: d, label: t(`appraisal.directions.${d}`) }))}
                    />
                  </td>
                  <td className="num">
                    <InputNumber
                      size="small"
                      value={ind.target}
                      style={{ width: 72 }}
                      onChange={(v) => setIndicator(i, { target: v ?? 0 })}
                    />
                  </td>
                  <td className="num">
                    <InputNumber
                      size="small"
                      value={ind.floor}
                      style={{ width: 72 }}
                      onChange={(v) => setIndicator(i, { floor: v ?? 0 })}
                    />
                  </td>
                  <td className="num">
                    <InputNumber
                      size="small"
                      min={100}
                      max={150}
                      value={ind.cap}
                      style={{ width: 64 }}
                      onChange={(v) => setIndicator(i, { cap: v ?? 100 })}
                    />
                  </td>
                  <td style={{ whiteSpace: 'nowrap' }}>
                    <Checkbox checked={ind.prorate} onChange={(e) => setIndicator(i, { prorate: e.target.checked })}>
                      {t('appraisal.template.prorate')}
                    </Checkbox>
                    <br />
                    <Checkbox checked={ind.customerScore} onChange={(e) => setIndicator(i, { customerScore: e.target.checked })}>
                      {t('appraisal.template.customerScore')}
                    </Checkbox>
                  </td>
                  <td>
                    <Select
                      size="small"
                      mode="tags"
                      style={{ minWidth: 140 }}
                      value={ind.aliases}
                      onChange={(v) => setIndicator(i, { aliases: v.slice(0, 10) })}
                      aria-label={t('appraisal.template.aliases')}
                    />
                  </td>
                  <td>
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('appraisal.template.remove')}
                      onClick={() => setStructure((s) => ({ ...s, indicators: s.indicators.filter((_, k) => k !== i) }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="template-problems"
          message={t('appraisal.template.cannotSave')}
          description={problems.map((p, i) => (
            <div key={i}>{templateProblemText(p, t)}</div>
          ))}
        />
      )}
      <Space>
        <Button
          type="primary"
          disabled={problems.length > 0 || emptyName}
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              key: template?.key ?? DEFAULT_TEMPLATE_KEY,
              name: template?.name ?? DEFAULT_TEMPLATE_NAME,
              structure,
              applyToOpenCycles: adopt,
            })
          }
        >
          {latest ? t('appraisal.template.saveVersion') : t('appraisal.template.saveFromOld')}
        </Button>
        <Checkbox checked={adopt} onChange={(e) => setAdopt(e.target.checked)}>
          {t('appraisal.template.adopt')}
        </Checkbox>
        <Typography.Text type="secondary">{t('appraisal.template.versionsNote')}</Typography.Text>
      </Space>
    </>
  );
}
