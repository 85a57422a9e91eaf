import { useCallback, useState } from 'react';
import { createPortal } from 'react-dom';
import { Space } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApi, useApiMutation } from '../../api/hooks.ts';
import { isBrowserMode } from '../../api/client.ts';
import { saveFile } from '../../files/files.ts';
import { RosterPrintView, rosterPdfName, rosterPrintRoute } from './RosterPrintView.tsx';
import { LightButton } from '../../shell/LightButton.tsx';
import './planning.css';

/**
 * 导出 Excel (the 排班表 workbook) and 打印. The desktop app renders the print route to a PDF
 * (system.printPdf) and saves it; browser mode renders the printable page off screen and opens
 * the browser's print dialog (which can save a PDF too) once its data is there.
 */
export function RosterExportButtons({ month, groupId }: { month: string; groupId: number | null }) {
  const { t } = useTranslation();
  const org = useApi('people', 'org', {});
  const [printing, setPrinting] = useState(false);
  const exportXlsx = useApiMutation('roster', 'exportXlsx', { invalidates: [], onSuccess: saveFile });
  const printPdf = useApiMutation('system', 'printPdf', { invalidates: [], onSuccess: saveFile });
  const start = () => {
    if (!isBrowserMode) {
      const scope = groupId === null ? org.data?.department.name : org.data?.groups.find((g) => g.id === groupId)?.name;
      printPdf.mutate({
        route: rosterPrintRoute(month, groupId),
        fileName: rosterPdfName(t, month, scope),
        landscape: true,
      });
      return;
    }
    setPrinting(true);
  };
  const print = useCallback(() => {
    window.addEventListener('afterprint', () => setPrinting(false), { once: true });
    // Let the page paint before the dialog freezes it.
    requestAnimationFrame(() => window.print());
  }, []);

  return (
    <Space size={8}>
      <LightButton
        icon={<FileExcelOutlined />}
        loading={exportXlsx.isPending}
        onClick={() => exportXlsx.mutate({ month, groupId })}
        data-testid="roster-export-xlsx"
      >
        {t('roster.export.excel')}
      </LightButton>
      <LightButton icon={<PrinterOutlined />} loading={printing || printPdf.isPending} onClick={start} data-testid="roster-print-button">
        {t('roster.export.print')}
      </LightButton>
      {printing &&
        createPortal(
          <div className="roster-print-portal">
            <RosterPrintView month={month} groupId={groupId} onReady={print} />
          </div>,
          document.body,
        )}
    </Space>
  );
}
