import { channelIds, type ContractShape, type Result } from './contract-kit.ts';
import type { Dispatch } from './dispatch.ts';

export const IPC_PREFIX = 'banzu:';

/** The parts of Electron's ipcMain and its events that the guard uses (so it is testable in Node). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<Result<unknown>>): void;
}
export interface FrameLike {
  url: string;
  parent: FrameLike | null;
}
export interface IpcEventLike {
  senderFrame: FrameLike | null;
}

/**
 * The only place that calls ipcMain.handle: one handler per contract channel, each refusing a
 * caller that is not our own top-level page before anything else happens.
 */
export function registerGuardedHandlers(
  ipcMain: IpcMainLike,
  contract: ContractShape,
  dispatch: Dispatch,
  isTrustedUrl: (url: string) => boolean,
  forbidden: () => string,
): void {
  for (const id of channelIds(contract)) {
    ipcMain.handle(IPC_PREFIX + id, async (event, input) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: forbidden() } };
      }
      return dispatch(id, input);
    });
  }
}
