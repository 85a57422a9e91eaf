import { useTranslation } from 'react-i18next';
import type { AppraisalDetail, Outcome } from '../../../../main/appraisal/contract.ts';
import { dimensions } from '../../../../main/appraisal/vocabulary.ts';
import { gradePill, score } from '../format.ts';

/** The result beside the form: total, grade, coefficient, dimensions, what is missing, flags, training needs. */
export function ResultPanel({ detail, result, stored }: { detail: AppraisalDetail; result: Outcome; stored: boolean }) {
  const { t } = useTranslation();
  const names = new Map([...detail.template.structure.items, ...detail.template.structure.indicators].map((x) => [x.key, x.name]));
  return (
    <div className="apr-card" data-testid="appraisal-result">
      <div className="apr-muted" style={{ fontSize: 12 }}>
        {stored ? t('appraisal.form.storedResult') : t('appraisal.form.liveResult')}
      </div>
      <div style={{ display: 'flex', alignItems: 'baseline', gap: 10 }}>
        <span className="apr-total" data-testid="appraisal-total">
          {score(result.total)}
        </span>
        {result.grade && (
          <span className={gradePill[result.grade]} data-testid="appraisal-grade">
            {t(`appraisal.grades.${result.grade}`)}
          </span>
        )}
      </div>
      <div className="apr-dims">
        {dimensions.map((d) => [
          <span key={`${d}-n`}>
            {t(`appraisal.dimensions.${d}`)} <span className="apr-muted">{detail.template.structure.dimensions[d]}%</span>
          </span>,
          <span key={`${d}-v`}>{score(result.dimensions[d])}</span>,
        ])}
        <span>{t('appraisal.board.coefficient')}</span>
        <span data-testid="appraisal-coefficient">{result.coefficient === null ? '—' : result.coefficient.toFixed(1)}</span>
        {detail.previous && (
          <>
            <span className="apr-muted">{t('appraisal.form.previous', { period: detail.previous.period })}</span>
            <span className="apr-muted">{score(detail.previous.total)}</span>
          </>
        )}
      </div>
      {result.missing.length > 0 && (
        <div style={{ fontSize: 13, marginBottom: 6 }}>
          <b>{t('appraisal.form.missing')}</b>
          {result.missing.length > 4
            ? t('appraisal.form.missingMany', {
                names: result.missing
                  .slice(0, 3)
                  .map((m) => names.get(m.key) ?? m.key)
                  .join(t('common.listSeparator')),
                count: result.missing.length,
              })
            : result.missing.map((m) => names.get(m.key) ?? m.key).join(t('common.listSeparator'))}
        </div>
      )}
      {result.flags.length > 0 && (
        <div style={{ marginBottom: 6 }}>
          {result.flags.map((f) => (
            <div key={f} className="apr-hint">
              {t(`appraisal.flags.${f}`)}
            </div>
          ))}
        </div>
      )}
      <div style={{ fontSize: 13 }}>
        <b>{t('appraisal.form.trainingNeeds')}</b>
        {result.weakest.length === 0 ? (
          <span className="apr-muted">{t('appraisal.form.noWeakness')}</span>
        ) : (
          result.weakest.map((w) => t('common.withNote', { text: w.name, note: score(w.score) })).join(t('common.listSeparator'))
        )}
      </div>
    </div>
  );
}
