import type { z } from 'zod';

/** The closed set of error codes that cross the IPC and HTTP boundaries. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'IO',
  'FORBIDDEN',
  'RECOVERY_REQUIRED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with the input: where (a field path, an import row) and what, in the user's language. */
export interface ErrorDetail {
  path: string;
  message: string;
  row?: number;
}

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** Works while the data file is unusable (the recovery screen needs these). */
  inRecovery?: boolean;
}

export type Area = Record<string, ChannelSpec>;
export type ContractShape = Record<string, Area>;

/** Keeps literal keys and schema types while checking the shape. */
export function defineArea<const A extends Area>(area: A): A {
  return area;
}

export type InputOf<C extends ChannelSpec> = z.input<C['input']>;
export type ParsedInputOf<C extends ChannelSpec> = z.output<C['input']>;
export type OutputOf<C extends ChannelSpec> = z.output<C['output']>;

/** What window.api looks like: one async method per channel, returning errors as values. */
export type ApiOf<C extends ContractShape> = {
  [A in keyof C]: { [M in keyof C[A]]: (input: InputOf<C[A][M]>) => Promise<Result<OutputOf<C[A][M]>>> };
};

/** The main-side handler map: a missing or extra handler, or a wrong type, fails to compile. */
export type HandlersOf<C extends ContractShape, Ctx> = {
  [A in keyof C]: {
    [M in keyof C[A]]: (input: ParsedInputOf<C[A][M]>, ctx: Ctx) => OutputOf<C[A][M]> | Promise<OutputOf<C[A][M]>>;
  };
};

/** Every channel as "area.method", the name used on the wire by both transports. */
export function channelIds(contract: ContractShape): string[] {
  return Object.entries(contract).flatMap(([area, methods]) => Object.keys(methods).map((m) => `${area}.${m}`));
}

export function findChannel(contract: ContractShape, id: string): ChannelSpec | undefined {
  const dot = id.indexOf('.');
  if (dot < 0) return undefined;
  const areaName = id.slice(0, dot);
  const method = id.slice(dot + 1);
  // Own keys only: "__proto__.toString" must not reach Object.prototype.
  if (!Object.hasOwn(contract, areaName)) return undefined;
  const area = contract[areaName]!;
  return Object.hasOwn(area, method) ? area[method] : undefined;
}
