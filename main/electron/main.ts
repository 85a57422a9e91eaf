// The Electron shell, kept thin: a window, a menu, the security baseline and the IPC guard.
// Everything else is the same AppHost that browser mode runs under plain Node.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, net, protocol, session, shell, dialog, type MenuItemConstructorOptions } from 'electron';
import { openHost, type AppHost } from '../app/host.ts';
import { resolveDataDir } from '../app/data-dir.ts';
import { contract } from '../contract.ts';
import { registerGuardedHandlers } from '../ipc/guard.ts';
import { t, type Lang } from '../i18n/index.ts';
import { contentSecurityPolicy } from '../server/csp.ts';

const APP_ORIGIN = 'app://banzu';
const isOwnUrl = (url: string) => url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);

protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.setPath('userData', path.join(app.getPath('appData'), 'Banzu'));

let host: AppHost | undefined;
let window: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.whenReady().then(start, (error) => {
    dialog.showErrorBox('Banzu', String(error));
    app.quit();
  });
}

/** The renderer's files, served from app://banzu/ with the CSP header; nothing outside the folder. */
function serveRenderer(rendererDir: string) {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    const file = path.resolve(rendererDir, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (url.host !== 'banzu' || !file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', contentSecurityPolicy);
    headers.set('x-content-type-options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** No navigation away from the app, no new windows, no webviews, no permissions. */
function lockDown() {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function buildMenu(current: AppHost) {
  const language = (lang: Lang, label: string): MenuItemConstructorOptions => ({
    label,
    type: 'radio',
    checked: current.status().language === lang,
    click: async () => {
      await current.dispatch('system.setLanguage', { lang });
      window?.webContents.reload();
    },
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('menu.file'),
      submenu: [
        {
          label: t('menu.backupNow'),
          click: async () => {
            const result = await current.dispatch('backup.create', {});
            const text = result.ok ? t('settings.backupDone', { name: (result.value as { name: string }).name }) : result.error.message;
            if (window) void dialog.showMessageBox(window, { message: text });
          },
        },
        { label: t('menu.openDataFolder'), click: () => void shell.openPath(current.options.dataDir) },
        { type: 'separator' },
        { label: t('menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { label: t('menu.undo'), role: 'undo' },
        { label: t('menu.redo'), role: 'redo' },
        { type: 'separator' },
        { label: t('menu.cut'), role: 'cut' },
        { label: t('menu.copy'), role: 'copy' },
        { label: t('menu.paste'), role: 'paste' },
        { label: t('menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { label: t('menu.reload'), role: 'reload' },
        { label: t('menu.resetZoom'), role: 'resetZoom' },
        { label: t('menu.zoomIn'), role: 'zoomIn' },
        { label: t('menu.zoomOut'), role: 'zoomOut' },
        { type: 'separator' },
        { label: t('menu.fullscreen'), role: 'togglefullscreen' },
      ],
    },
    { label: t('menu.language'), submenu: [language('zh-CN', '中文'), language('en', 'English')] },
    { label: t('menu.window'), submenu: [{ label: t('menu.minimize'), role: 'minimize' }] },
    {
      label: t('menu.help'),
      submenu: [
        {
          label: t('menu.about'),
          click: () =>
            window &&
            void dialog.showMessageBox(window, {
              message: t('app.fullName'),
              detail: `${t('app.tagline')}\n${t('settings.version', { version: app.getVersion() })}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

const secureWebPreferences = () => ({
  preload: path.join(app.getAppPath(), 'out', 'preload', 'index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: false,
});

/**
 * Renders a print view in a hidden window with the same security as the main one and prints it
 * to PDF once the view says its data is on the page (body[data-print-ready]).
 */
async function printToPdf(route: string, landscape: boolean): Promise<Buffer> {
  const hidden = new BrowserWindow({ show: false, width: 1240, height: 1754, webPreferences: secureWebPreferences() });
  try {
    await hidden.loadURL(`${APP_ORIGIN}/index.html#${route}`);
    const deadline = Date.now() + 30_000;
    while (!(await hidden.webContents.executeJavaScript('document.body.dataset.printReady === "1"'))) {
      if (Date.now() > deadline) throw new Error('the print view did not finish loading');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await hidden.webContents.printToPDF({
      landscape,
      pageSize: 'A4',
      printBackground: true,
      margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
    });
  } finally {
    hidden.destroy();
  }
}

function createWindow(current: AppHost) {
  const saved = current.preferences().window;
  window = new BrowserWindow({
    width: saved?.width ?? 1366,
    height: saved?.height ?? 800,
    x: saved?.x,
    y: saved?.y,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: t('app.name'),
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences(),
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window?.show());
  window.on('close', () => {
    if (!window) return;
    const bounds = window.getNormalBounds();
    current.savePreferences({ window: { ...bounds, maximized: window.isMaximized() } });
  });
  window.on('closed', () => (window = undefined));
  void window.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start() {
  const appRoot = app.getAppPath();
  lockDown();
  serveRenderer(path.join(appRoot, 'out', 'renderer'));
  const current = await openHost({
    dataDir: resolveDataDir(process.argv, () => app.getPath('userData')),
    appRoot,
    mode: 'electron',
    version: app.getVersion(),
    log: (message, error) => console.error(`[banzu] ${message}`, error ?? ''),
    onLanguageChanged: () => buildMenu(current),
    printToPdf,
  });
  host = current;
  registerGuardedHandlers(ipcMain, contract, current.dispatch, isOwnUrl, () => t('errors.forbidden'));
  buildMenu(current);
  const stopBackups = current.scheduleDailyBackups();
  createWindow(current);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    stopBackups();
    host?.close();
  });
}
