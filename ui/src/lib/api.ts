// The one way a screen calls Rust: `await call(commands.listProducts(request))`. It unwraps the
// generated `{status: "ok" | "error"}` result and throws a `UiError` that knows both languages,
// the wrong fields, the OMS code and the request id.
import type { CommandError, CommandFieldError } from "./bindings";
import { language } from "./i18n";

/** What every generated command returns. */
export type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

/** A failed command, as screens handle it. `message` is in the language shown when it failed. */
export class UiError extends Error {
  /** The command's error exactly as Rust sent it. */
  readonly raw: CommandError;

  constructor(raw: CommandError) {
    super(language() === "zh" ? raw.message : raw.messageEn);
    this.name = "UiError";
    this.raw = raw;
  }

  /** The kind of failure (`validation`, `api`, `connect`, `keyringLocked`…). */
  get code(): string {
    return this.raw.code;
  }

  /** The wrong fields, with wire paths such as `itemDTOs[0].qty`. */
  get fields(): CommandFieldError[] {
    return this.raw.fields;
  }

  /** The OMS envelope's code, when the OMS refused. */
  get apiCode(): string | null {
    return this.raw.apiCode ?? null;
  }

  /** The OMS request id, for support. */
  get requestId(): string | null {
    return this.raw.requestId ?? null;
  }

  /** The message in the language shown now (reactive in templates). */
  text(): string {
    return language() === "zh" ? this.raw.message : this.raw.messageEn;
  }
}

/** A `UiError` for a failure that did not come from a command (a bug or a broken bridge). */
export function unexpectedError(cause: unknown): UiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new UiError({
    code: "unexpected",
    message: `程序内部错误：${detail}`,
    messageEn: `Internal error: ${detail}`,
    fields: [],
  });
}

/** Turns anything caught into a `UiError`. */
export function toUiError(cause: unknown): UiError {
  return cause instanceof UiError ? cause : unexpectedError(cause);
}

/** Awaits a command and returns its data, or throws a `UiError`. */
export async function call<T>(pending: Promise<CommandResult<T>>): Promise<T> {
  let result: CommandResult<T>;
  try {
    result = await pending;
  } catch (cause) {
    throw unexpectedError(cause);
  }
  if (result.status === "error") throw new UiError(result.error);
  return result.data;
}

/** Like `call`, but returns the error instead of throwing, for code that prefers no try. */
export async function attempt<T>(
  pending: Promise<CommandResult<T>>,
): Promise<{ ok: true; data: T } | { ok: false; error: UiError }> {
  try {
    return { ok: true, data: await call(pending) };
  } catch (cause) {
    return { ok: false, error: toUiError(cause) };
  }
}
