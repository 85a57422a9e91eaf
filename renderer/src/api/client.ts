import type { Api, Contract } from '../../../main/contract.ts';
import type { ApiErrorShape, ChannelSpec, ErrorCode, ErrorDetail, InputOf, OutputOf, Result } from '../../../main/ipc/contract-kit.ts';

export type { Api };
export type Area = keyof Contract;
export type Method<A extends Area> = keyof Contract[A] & string;
type Spec<A extends Area, M extends Method<A>> = Extract<Contract[A][M], ChannelSpec>;
export type In<A extends Area, M extends Method<A>> = InputOf<Spec<A, M>>;
export type Out<A extends Area, M extends Method<A>> = OutputOf<Spec<A, M>>;

/** An error value from main, rebuilt as an exception on this side. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetail[];
  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.details = shape.details ?? [];
  }
}

declare global {
  interface Window {
    /** Present in the Electron window (set by the preload); absent in browser mode. */
    api?: Api;
  }
}

const TOKEN_KEY = 'banzu.token';

/** Browser mode: the token arrives once in the URL, is kept for the tab, and leaves the address bar. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** window.api over HTTP: the same shape as the preload's, one POST per call. */
function browserApi(): Api {
  const token = browserToken();
  return new Proxy({} as Api, {
    get: (_target, area: string) =>
      new Proxy(
        {},
        {
          get:
            (_t, method: string) =>
            async (input: unknown): Promise<Result<unknown>> => {
              const response = await fetch(`./api/${area}.${method}`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-banzu-token': token },
                body: JSON.stringify(input ?? {}),
              });
              const body = (await response.json().catch(() => null)) as Result<unknown> | null;
              if (body && typeof body === 'object' && 'ok' in body) return body;
              return { ok: false, error: { code: 'IO', message: `HTTP ${response.status}` } };
            },
        },
      ),
  });
}

export const api: Api = window.api ?? browserApi();
export const isBrowserMode = !window.api;

/** Calls a channel and returns its value, throwing ApiError on an error value. */
export async function call<A extends Area, M extends Method<A>>(area: A, method: M, input: In<A, M>): Promise<Out<A, M>> {
  const fn = (api[area] as unknown as Record<string, (input: unknown) => Promise<Result<Out<A, M>>>>)[method]!;
  const result = await fn(input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
