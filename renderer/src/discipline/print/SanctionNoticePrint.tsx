import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApi } from '../../api/hooks.ts';
import { PrintPage, usePrintReady } from '../../shell/PrintPage.tsx';
import { today, yuan } from '../format.ts';
import { sanctionNoticeRoute } from './routes.ts';
import './print.css';

/** /print/sanction-notice?id=N: the 违纪处理通知书 handed to the person and filed with HR, always in Chinese. */
export function SanctionNoticePrintRoute() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const [params] = useSearchParams();
  const id = /^\d+$/.test(params.get('id') ?? '') ? Number(params.get('id')) : 0;
  const detail = useApi('discipline', 'sanction', { id }, { enabled: id > 0 });
  const org = useApi('people', 'org', {});
  const status = useApi('system', 'status', {});
  const loaded = detail.isSuccess && org.isSuccess && status.isSuccess;
  usePrintReady(loaded);
  const s = detail.data;
  let content;
  if (detail.error) content = <Alert type="error" showIcon message={detail.error.message} />;
  else if (!loaded || !s) content = <Spin style={{ display: 'block', margin: 40 }} />;
  else {
    const decision = `${zh(`discipline.sanctionKinds.${s.sanction}`)}${s.amountFen ? `（${zh('discipline.money', { amount: yuan(s.amountFen) })}）` : ''}`;
    content = (
      <section data-testid="sanction-notice">
        <h1>{zh('discipline.ui.print.noticeTitle')}</h1>
        <div className="dpf-sub">
          {org.data!.department.name} · {zh('discipline.ui.print.number', { id: s.id })}
        </div>
        <table className="dpf-table">
          <tbody>
            <tr>
              <th>{zh('fields.name')}</th>
              <td>{s.personName}</td>
              <th>{zh('fields.employeeNo')}</th>
              <td>{s.employeeNo}</td>
            </tr>
            <tr>
              <th>{zh('fields.group')}</th>
              <td>{s.groupName ?? ''}</td>
              <th>{zh('fields.role')}</th>
              <td>{zh(`roles.${s.role}`)}</td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.print.date')}</th>
              <td colSpan={3}>{s.date}</td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.print.facts')}</th>
              <td colSpan={3} className="dpf-box">
                {s.evidence ?? ''}
              </td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.print.rule')}</th>
              <td colSpan={3}>
                {s.code} {s.nameZh}
                <br />
                {zh('discipline.ui.print.basis', { title: s.rule.title, version: s.rule.version, date: s.rule.publishedOn })}
              </td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.print.decision')}</th>
              <td colSpan={3} data-testid="notice-decision">
                <b>{decision}</b>
              </td>
            </tr>
            {s.steps.length > 0 && (
              <tr>
                <th>{zh('discipline.ui.print.appeal')}</th>
                <td colSpan={3}>
                  {s.steps.map((step, i) => (
                    <div key={i}>
                      {step.at.slice(0, 10)} {zh(`discipline.steps.${step.step}`)} · {zh(`discipline.decisions.${step.decision}`)}
                      {step.note ? `：${step.note}` : ''}
                    </div>
                  ))}
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {s.status === 'voided' && (
          <div className="dpf-void">{zh('discipline.ui.print.voided', { reason: s.voidReason, at: s.voidedAt?.slice(0, 10) })}</div>
        )}
        <div className="dpf-text">{zh('discipline.ui.print.noticeText')}</div>
        <div className="dpf-signs">
          <span>{zh('discipline.ui.print.signRecorder', { name: s.recordedBy })}</span>
          <span>{zh('discipline.ui.print.signPerson')}</span>
          <span>{zh('discipline.ui.print.signDate')}</span>
        </div>
        <div className="dpf-byline">{zh('discipline.ui.print.byline', { name: status.data!.profile.name, at: today() })}</div>
      </section>
    );
  }
  const fileName = `${zh('discipline.ui.print.noticeFile')}-${s?.personName ?? id}-${s?.date ?? ''}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return (
    <PrintPage route={sanctionNoticeRoute(id)} fileName={fileName} landscape={false}>
      <div className="dpf">{content}</div>
    </PrintPage>
  );
}
