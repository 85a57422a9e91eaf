import type { z } from 'zod';
import { findChannel, type ContractShape, type HandlersOf, type Result, type ErrorDetail, type ApiErrorShape } from './contract-kit.ts';
import { AppError } from './app-error.ts';
import { t, fieldLabel, zodLocaleError } from '../i18n/index.ts';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions<Ctx> {
  /** The per-call context; may throw an AppError (e.g. while the data file is unusable). */
  context: () => Ctx;
  inRecovery: () => boolean;
  /** Validate outputs too (tests and development); a mismatch is a bug, reported as INTERNAL. */
  checkOutput?: boolean;
  log?: (message: string, error: unknown) => void;
}

export function validationError(issues: z.core.$ZodIssue[]): AppError {
  // Details carry the bare message (a form shows it under the field); the summary names the field.
  const details: ErrorDetail[] = issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  const summary = issues
    .slice(0, 3)
    .map((issue) => {
      const label = fieldLabel(issue.path);
      return label ? t('errors.validationAt', { field: label, message: issue.message }) : issue.message;
    })
    .join(t('common.sentenceSeparator'));
  return new AppError('VALIDATION', `${t('errors.validation')} ${summary}`, details);
}

/** SQLite constraint failures that slipped past the services' own checks. */
function fromSqliteError(error: unknown): ApiErrorShape | undefined {
  const code = (error as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: t('errors.internal', { detail: (error as Error).message }) };
  }
  return undefined;
}

/**
 * The one path every call takes, whatever the transport: find the channel, validate the input,
 * run the handler, and turn every failure into an error value with a code and a message.
 */
export function createDispatcher<C extends ContractShape, Ctx>(
  contract: C,
  handlers: HandlersOf<C, Ctx>,
  options: DispatchOptions<Ctx>,
): Dispatch {
  return async (channel, rawInput) => {
    const spec = findChannel(contract, channel);
    if (!spec) return { ok: false, error: { code: 'NOT_FOUND', message: t('errors.unknownChannel', { channel }) } };
    if (options.inRecovery() && !spec.inRecovery) {
      return { ok: false, error: { code: 'RECOVERY_REQUIRED', message: t('errors.recoveryRequired') } };
    }
    const parsed = spec.input.safeParse(rawInput ?? {}, { error: zodLocaleError() });
    if (!parsed.success) return { ok: false, error: validationError(parsed.error.issues).toShape() };
    const [area, method] = [channel.slice(0, channel.indexOf('.')), channel.slice(channel.indexOf('.') + 1)];
    const handler = (handlers as Record<string, Record<string, (input: unknown, ctx: Ctx) => unknown>>)[area]![method]!;
    try {
      const value = await handler(parsed.data, options.context());
      if (options.checkOutput) {
        const checked = spec.output.safeParse(value);
        if (!checked.success) throw new Error(`output of ${channel} does not match the contract: ${checked.error.message}`);
      }
      return { ok: true, value };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      const fromSqlite = fromSqliteError(error);
      if (fromSqlite) return { ok: false, error: fromSqlite };
      options.log?.(`${channel} failed`, error);
      return {
        ok: false,
        error: { code: 'INTERNAL', message: t('errors.internal', { detail: (error as Error)?.message ?? String(error) }) },
      };
    }
  };
}
