import { useEffect, type ReactNode } from 'react';
import { Button, Space, App } from 'antd';
import { PrinterOutlined, ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call, isBrowserMode } from '../api/client.ts';
import { saveFile } from '../files/files.ts';
import './print.css';

/** Print views call this once their data is on the page; the desktop app waits for it. */
export function usePrintReady(ready: boolean): void {
  useEffect(() => {
    if (ready) document.body.dataset.printReady = '1';
    return () => {
      delete document.body.dataset.printReady;
    };
  }, [ready]);
}

/**
 * A printable page with a toolbar that is not printed. The desktop app saves a PDF (rendered by
 * Electron in a hidden window); browser mode opens the browser's print dialog.
 */
export function PrintPage(props: { route: string; fileName: string; landscape: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const print = async () => {
    if (isBrowserMode) return window.print();
    try {
      saveFile(await call('system', 'printPdf', { route: props.route, fileName: props.fileName, landscape: props.landscape }));
    } catch (error) {
      void message.error((error as Error).message);
    }
  };
  return (
    <div className={`print-page${props.landscape ? ' print-landscape' : ''}`}>
      <Space className="print-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
          {t('common.back')}
        </Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={print}>
          {isBrowserMode ? t('common.print') : t('common.savePdf')}
        </Button>
      </Space>
      <div className="print-sheet">{props.children}</div>
    </div>
  );
}
