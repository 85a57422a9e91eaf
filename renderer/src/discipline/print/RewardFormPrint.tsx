import { Alert, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { StepView } from '../../../../main/discipline/contract.ts';
import { useApi } from '../../api/hooks.ts';
import { PrintPage, usePrintReady } from '../../shell/PrintPage.tsx';
import { rewardTitle, today, yuan } from '../format.ts';
import { rewardFormRoute } from './routes.ts';
import './print.css';

/** An ideographic space, as a form separates its parts. */
const gap = '\u3000';

/** /print/reward-form?id=N: the 奖励申请表 with its HR review and leadership approval (DIS-4), in Chinese. */
export function RewardFormPrintRoute() {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN');
  const [params] = useSearchParams();
  const id = /^\d+$/.test(params.get('id') ?? '') ? Number(params.get('id')) : 0;
  const reward = useApi('discipline', 'reward', { id }, { enabled: id > 0 });
  const org = useApi('people', 'org', {});
  const status = useApi('system', 'status', {});
  const loaded = reward.isSuccess && org.isSuccess && status.isSuccess;
  usePrintReady(loaded);
  const r = reward.data;
  const opinion = (steps: StepView[], step: string) => {
    const s = steps.filter((x) => x.step === step).at(-1);
    return s
      ? `${zh(`discipline.decisions.${s.decision}`)}${s.note ? `：${s.note}` : ''}${gap}${s.actorName}${gap}${s.at.slice(0, 10)}`
      : '';
  };
  let content;
  if (reward.error) content = <Alert type="error" showIcon message={reward.error.message} />;
  else if (!loaded || !r) content = <Spin style={{ display: 'block', margin: 40 }} />;
  else {
    const title = rewardTitle(r, zh);
    content = (
      <section data-testid="reward-form">
        <h1>{zh('discipline.ui.print.rewardTitle')}</h1>
        <div className="dpf-sub">
          {org.data!.department.name} · {zh('discipline.ui.print.number', { id: r.id })}
        </div>
        <table className="dpf-table">
          <tbody>
            <tr>
              <th>{zh('fields.name')}</th>
              <td>{r.personName}</td>
              <th>{zh('fields.employeeNo')}</th>
              <td>{r.employeeNo}</td>
            </tr>
            <tr>
              <th>{zh('fields.group')}</th>
              <td>{r.groupName ?? ''}</td>
              <th>{zh('fields.role')}</th>
              <td>{zh(`roles.${r.role}`)}</td>
            </tr>
            <tr>
              <th>{zh('discipline.fields.rewardKind')}</th>
              <td>{zh(`discipline.rewardKinds.${r.kind}`)}</td>
              <th>{zh('discipline.fields.title')}</th>
              <td data-testid="reward-title">{title}</td>
            </tr>
            <tr>
              <th>{zh('discipline.fields.amount')}</th>
              <td>{r.amountFen ? yuan(r.amountFen) : '—'}</td>
              <th>{zh('discipline.ui.print.recommendedOn')}</th>
              <td>{r.date}</td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.rewards.reason')}</th>
              <td colSpan={3}>{r.reason}</td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.rewards.deeds')}</th>
              <td colSpan={3} className="dpf-box">
                {r.application?.deeds ?? ''}
              </td>
            </tr>
            <tr>
              <th>{zh('discipline.ui.rewards.opinion')}</th>
              <td colSpan={3} className="dpf-box">
                {r.application?.opinion ?? ''}
              </td>
            </tr>
            <tr>
              <th>{zh('discipline.steps.hr-review')}</th>
              <td colSpan={3} className="dpf-box">
                {opinion(r.steps, 'hr-review')}
              </td>
            </tr>
            <tr>
              <th>{zh('discipline.steps.leadership-approval')}</th>
              <td colSpan={3} className="dpf-box">
                {opinion(r.steps, 'leadership-approval')}
              </td>
            </tr>
          </tbody>
        </table>
        {r.status === 'voided' && (
          <div className="dpf-void">
            {zh('discipline.ui.print.rewardVoided', { reason: r.steps.find((s) => s.step === 'void')?.note ?? '' })}
          </div>
        )}
        <div className="dpf-signs">
          <span>{zh('discipline.ui.print.signDepartment')}</span>
          <span>{zh('discipline.ui.print.signDate')}</span>
        </div>
        <div className="dpf-byline">{zh('discipline.ui.print.byline', { name: status.data!.profile.name, at: today() })}</div>
      </section>
    );
  }
  const fileName = `${zh('discipline.ui.print.rewardFile')}-${r?.personName ?? id}.pdf`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return (
    <PrintPage route={rewardFormRoute(id)} fileName={fileName} landscape={false}>
      <div className="dpf">{content}</div>
    </PrintPage>
  );
}
