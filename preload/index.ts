// Runs sandboxed with context isolation: exposes window.api (one function per contract channel)
// and nothing else — no ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';

/** "area.method" for every contract channel, computed from the contract when the preload is built. */
declare const BANZU_CHANNELS: string[];
declare const BANZU_IPC_PREFIX: string;

const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
for (const channel of BANZU_CHANNELS) {
  const [area, method] = channel.split('.') as [string, string];
  api[area] ??= {};
  api[area][method] = (input) => ipcRenderer.invoke(BANZU_IPC_PREFIX + channel, input);
}

contextBridge.exposeInMainWorld('api', api);
