import { Alert, Spin } from 'antd';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { AppraisalDetail } from '../../../../main/appraisal/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { call } from '../../api/client.ts';
import { PrintPage, usePrintReady } from '../../shell/PrintPage.tsx';
import { formPrintRoute } from './routes.ts';
import './print.css';

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '' : v.toFixed(digits));

/** One person's appraisal form, always in Chinese: HR files it as it is. */
function FormSheet({ detail, department, byline }: { detail: AppraisalDetail; department: string; byline: string }) {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const s = detail.template.structure;
  const result = detail.stored ?? detail.live;
  const p = detail.person;
  const indicators = s.indicators.filter((i) => i.functions.includes(p.function));
  const ind = new Map(result.indicators.map((i) => [i.key, i]));
  const item = new Map(result.items.map((i) => [i.key, i]));
  const raw = (scores: Record<string, number> | null, key: string) => (scores?.[key] === undefined ? '' : String(scores[key]));
  const numbers = ['一', '二', '三', '四', '五', '六'];
  return (
    <section className="apf-sheet" data-testid="appraisal-print-sheet">
      <h1>{zh('appraisal.print.title', { department })}</h1>
      <div className="apf-sub">{zh('appraisal.print.period', { period: detail.period, from: detail.startsOn, to: detail.endsOn })}</div>
      <table className="apf-table">
        <tbody>
          <tr>
            <th>{zh('fields.name')}</th>
            <td>{p.name}</td>
            <th>{zh('fields.employeeNo')}</th>
            <td>{p.employeeNo}</td>
            <th>{zh('fields.group')}</th>
            <td>{p.groupName ?? ''}</td>
          </tr>
          <tr>
            <th>{zh('fields.role')}</th>
            <td>{zh(`roles.${p.role}`)}</td>
            <th>{zh('fields.function')}</th>
            <td>{zh(`functions.${p.function}`)}</td>
            <th>{zh('appraisal.export.template')}</th>
            <td>
              {detail.template.name} v{detail.template.version}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>
        {numbers[0]}、{zh('appraisal.print.tasks')}
      </h2>
      <div className="apf-box">{(detail.targets?.tasks ?? []).map((task) => task.title).join('；') || zh('appraisal.print.noTasks')}</div>

      <h2>
        {numbers[1]}、{zh('appraisal.dimensions.results')}（{s.dimensions.results}%）
      </h2>
      <table className="apf-table">
        <thead>
          <tr>
            <th>{zh('appraisal.form.indicator')}</th>
            <th>{zh('appraisal.form.weight')}</th>
            <th>{zh('appraisal.form.target')}</th>
            <th>{zh('appraisal.form.actual')}</th>
            <th>{zh('appraisal.form.score')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => (
            <tr key={i.key}>
              <td>{i.name}</td>
              <td className="n">{i.weight}%</td>
              <td className="n">
                {fmt(ind.get(i.key)?.target, i.unit === 'count' ? 0 : 1)}
                {zh(`appraisal.units.${i.unit}`)}
              </td>
              <td className="n">
                {ind.get(i.key)?.value ?? ''}
                {ind.get(i.key)?.value !== null ? zh(`appraisal.units.${i.unit}`) : ''}
              </td>
              <td className="n">{fmt(ind.get(i.key)?.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {(['ability', 'attitude'] as const).map((d, k) => (
        <div key={d}>
          <h2>
            {numbers[2 + k]}、{zh(`appraisal.dimensions.${d}`)}（{s.dimensions[d]}%）
          </h2>
          <table className="apf-table">
            <thead>
              <tr>
                <th>{zh('appraisal.form.item')}</th>
                <th>{zh('appraisal.form.weight')}</th>
                <th>{zh('appraisal.sources.self')}</th>
                <th>{zh('appraisal.sources.superior')}</th>
                <th>{zh('appraisal.form.combined')}</th>
              </tr>
            </thead>
            <tbody>
              {s.items
                .filter((i) => i.dimension === d)
                .map((i) => (
                  <tr key={i.key}>
                    <td>
                      {i.name}（{zh('appraisal.form.outOf', { max: i.scaleMax })}）
                    </td>
                    <td className="n">{i.weight}%</td>
                    <td className="n">{raw(detail.scores.self, i.key)}</td>
                    <td className="n">{raw(detail.scores.superior, i.key)}</td>
                    <td className="n">{fmt(item.get(i.key)?.score ?? null)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      ))}

      <h2>
        {numbers[4]}、{zh('appraisal.print.result')}
      </h2>
      <table className="apf-table">
        <tbody>
          <tr>
            <th>{zh('appraisal.dimensions.results')}</th>
            <td className="n">{fmt(result.dimensions.results)}</td>
            <th>{zh('appraisal.dimensions.ability')}</th>
            <td className="n">{fmt(result.dimensions.ability)}</td>
            <th>{zh('appraisal.dimensions.attitude')}</th>
            <td className="n">{fmt(result.dimensions.attitude)}</td>
          </tr>
          <tr>
            <th>{zh('appraisal.export.total')}</th>
            <td className="n apf-strong" data-testid="print-total">
              {fmt(result.total)}
            </td>
            <th>{zh('appraisal.export.grade')}</th>
            <td className="apf-strong">{result.grade ? zh(`appraisal.grades.${result.grade}`) : ''}</td>
            <th>{zh('appraisal.export.coefficient')}</th>
            <td className="n">{fmt(result.coefficient)}</td>
          </tr>
          <tr>
            <th>{zh('appraisal.export.flags')}</th>
            <td colSpan={5}>{result.flags.map((f) => zh(`appraisal.flags.${f}`)).join('；')}</td>
          </tr>
          <tr>
            <th>{zh('appraisal.form.trainingNeeds')}</th>
            <td colSpan={5}>{result.weakest.map((w) => w.name).join('、') || zh('appraisal.form.noWeakness')}</td>
          </tr>
          <tr>
            <th>{zh('appraisal.form.superiorComment')}</th>
            <td colSpan={5}>{detail.scores.superiorComment ?? ''}</td>
          </tr>
        </tbody>
      </table>
      {!detail.stored && (
        <div className="apf-note">{zh('appraisal.print.provisional', { state: zh(`appraisal.states.${detail.state}`) })}</div>
      )}

      <h2>
        {numbers[5]}、{zh('appraisal.form.feedbackTitle')}
      </h2>
      <div className="apf-box">
        {detail.feedback ? (
          <>
            <div>
              {zh('appraisal.feedback.heldOn')}：{detail.feedback.heldOn}
            </div>
            <div>{detail.feedback.summary}</div>
            {detail.feedback.actions && (
              <div>
                {zh('appraisal.form.actions')}：{detail.feedback.actions}
              </div>
            )}
            {detail.feedback.personComment && (
              <div>
                {zh('appraisal.form.personComment')}：{detail.feedback.personComment}
              </div>
            )}
          </>
        ) : (
          <div className="apf-blank" />
        )}
      </div>
      <div className="apf-signs">
        <span>{zh('appraisal.print.signPerson')}</span>
        <span>{zh('appraisal.print.signSuperior')}</span>
        <span>{zh('appraisal.print.signDate')}</span>
      </div>
      <div className="apf-byline">{byline}</div>
    </section>
  );
}

/** /print/appraisal-form?id=N, or ?period=YYYY-MM&group=N|all for everyone in scope, one page each. */
export function AppraisalFormPrintRoute() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const single = /^\d+$/.test(params.get('id') ?? '') ? Number(params.get('id')) : null;
  const period = params.get('period') ?? '';
  const group = params.get('group');
  const groupId = group && /^\d+$/.test(group) ? Number(group) : null;
  const board = useApi('appraisal', 'board', { period, groupId }, { enabled: single === null && period !== '' });
  const ids = single !== null ? [single] : (board.data?.rows ?? []).map((r) => r.id);
  const details = useQueries({
    queries: ids.map((id) => ({ queryKey: ['appraisal', 'get', { id }], queryFn: () => call('appraisal', 'get', { id }) })),
  });
  const org = useApi('people', 'org', {});
  const status = useApi('system', 'status', {});
  const loaded = details.length > 0 && details.every((d) => d.isSuccess) && org.isSuccess && status.isSuccess;
  usePrintReady(loaded);
  const failure = details.find((d) => d.error)?.error ?? board.error;
  const zh = i18n.getFixedT('zh-CN');
  const now = new Date();
  const at = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  const first = details[0]?.data;
  const fileName = `${zh('appraisal.print.fileName')}-${single !== null ? (first?.person.name ?? single) : period}.pdf`.replace(
    /[\\/:*?"<>|\s]+/g,
    '_',
  );
  const route = single !== null ? formPrintRoute({ id: single }) : formPrintRoute({ period, groupId });
  let content;
  if (failure) content = <Alert type="error" showIcon message={failure.message} />;
  else if (single === null && board.data && ids.length === 0)
    content = <Alert type="info" showIcon message={t('appraisal.print.nothing')} />;
  else if (!loaded) content = <Spin style={{ display: 'block', margin: 40 }} />;
  else
    content = details.map((d) => (
      <FormSheet
        key={d.data!.id}
        detail={d.data!}
        department={org.data!.department.name}
        byline={zh('appraisal.print.byline', { name: status.data!.profile.name, at })}
      />
    ));
  return (
    <PrintPage route={route} fileName={fileName} landscape={false}>
      <div className="apf" data-testid="appraisal-print">
        {content}
      </div>
    </PrintPage>
  );
}
