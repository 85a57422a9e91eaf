import { useCallback, useState } from 'react';
import { createPortal } from 'react-dom';
import { Button } from 'antd';
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks.ts';
import { saveFile } from '../../files/files.ts';
import { RosterPrintView } from './RosterPrintView.tsx';
import './planning.css';

/**
 * 导出 Excel (the 排班表 workbook) and 打印. Printing renders the printable page off screen and
 * opens the print dialog once its data is there (browser mode: the browser's print, which can
 * also save a PDF); the desktop app may pass onPrint to print to PDF its own way.
 */
export function RosterExportButtons({ month, groupId, onPrint }: { month: string; groupId: number | null; onPrint?: () => void }) {
  const { t } = useTranslation();
  const [printing, setPrinting] = useState(false);
  const exportXlsx = useApiMutation('roster', 'exportXlsx', { invalidates: [], onSuccess: saveFile });
  const print = useCallback(() => {
    window.addEventListener('afterprint', () => setPrinting(false), { once: true });
    // Let the page paint before the dialog freezes it.
    requestAnimationFrame(() => window.print());
  }, []);

  return (
    <>
      <Button
        icon={<FileExcelOutlined />}
        loading={exportXlsx.isPending}
        onClick={() => exportXlsx.mutate({ month, groupId })}
        data-testid="roster-export-xlsx"
      >
        {t('roster.export.excel')}
      </Button>
      <Button
        icon={<PrinterOutlined />}
        loading={printing}
        onClick={() => (onPrint ? onPrint() : setPrinting(true))}
        data-testid="roster-print-button"
      >
        {t('roster.export.print')}
      </Button>
      {printing &&
        createPortal(
          <div className="roster-print-portal">
            <RosterPrintView month={month} groupId={groupId} onReady={print} />
          </div>,
          document.body,
        )}
    </>
  );
}
