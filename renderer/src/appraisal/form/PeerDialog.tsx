import { useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Modal, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppraisalDetail } from '../../../../main/appraisal/contract.ts';
import { useApiMutation } from '../../api/hooks.ts';
import { moveFocus, parseScore } from './keyboard.ts';

/** APR-6: a colleague's scores (optional); an empty set withdraws them. */
export function PeerDialog({ detail, onClose }: { detail: AppraisalDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [peer, setPeer] = useState<number | undefined>(detail.scores.peers[0]?.by ?? detail.peerCandidates[0]?.id);
  const existing = detail.scores.peers.find((p) => p.by === peer)?.scores ?? {};
  const [texts, setTexts] = useState<Record<number, Record<string, string>>>({});
  const current = peer === undefined ? {} : (texts[peer] ?? Object.fromEntries(Object.entries(existing).map(([k, v]) => [k, String(v)])));
  const box = useRef<HTMLDivElement>(null);
  const save = useApiMutation('appraisal', 'savePeer', {
    onSuccess: () => {
      void message.success(t('common.saved'));
      onClose();
    },
  });
  const items = detail.template.structure.items;
  const values: Record<string, number> = {};
  let bad = false;
  for (const item of items) {
    const text = (current[item.key] ?? '').trim();
    if (!text) continue;
    const v = parseScore(text);
    if (v === null || v < 0 || v > item.scaleMax) bad = true;
    else values[item.key] = v;
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (
      e.target instanceof HTMLInputElement &&
      e.target.classList.contains('apr-input') &&
      moveFocus(box.current, e.target, e.key, e.shiftKey)
    )
      e.preventDefault();
  };
  return (
    <Modal
      open
      title={t('appraisal.peer.title', { name: detail.person.name })}
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            disabled={bad || peer === undefined}
            loading={save.isPending}
            onClick={() => save.mutate({ id: detail.id, byPersonId: peer!, scores: values })}
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('appraisal.peer.body')}</Typography.Paragraph>
      <Select
        style={{ width: 200, marginBottom: 10 }}
        value={peer}
        onChange={setPeer}
        aria-label={t('appraisal.peer.who')}
        options={detail.peerCandidates.map((p) => ({ value: p.id, label: p.name }))}
      />
      <div ref={box} onKeyDown={onKeyDown}>
        <table className="apr-grid">
          <tbody>
            {items.map((item) => (
              <tr key={item.key}>
                <td>{item.name}</td>
                <td className="num">
                  <input
                    className="apr-input"
                    data-col="peer"
                    inputMode="decimal"
                    aria-label={item.name}
                    placeholder={`0–${item.scaleMax}`}
                    value={current[item.key] ?? ''}
                    onFocus={(e) => e.target.select()}
                    onChange={(e) => peer !== undefined && setTexts({ ...texts, [peer]: { ...current, [item.key]: e.target.value } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Modal>
  );
}
