// The typed promise wrapper over google.script.run. Every server function answers a
// Result<T>; a transport failure (the failure handler's Error) becomes a Result too, so the
// views have one shape to handle and a call never rejects.
import type * as Server from '../server/index';
import type { ProblemView, Result, SidebarApi } from '../shared/sidebarContract';

/**
 * The server functions the sidebar may call, taken from the server's own exports: a name in the
 * contract that the server does not export, or a call to a name outside the contract, fails tsc.
 * The arguments are typed by the contract (the server takes `unknown` and checks them itself).
 */
type ServerApi = Pick<typeof Server, keyof SidebarApi>;
export type ApiName = keyof ServerApi;
export type ApiValue<K extends ApiName> =
  ReturnType<ServerApi[K]> extends Result<infer T> ? T : never;
export type Failure = Extract<Result<unknown>, { ok: false }>;

type Handler = (payload: unknown) => void;
type ServerFunctions = { [K in ApiName]: (...args: Parameters<SidebarApi[K]>) => void };
interface Runner extends ServerFunctions {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: Handler): Runner;
}
interface GoogleScriptHost {
  google?: { script?: { run?: Runner } };
}

export const CONNECTION_PREFIX = 'Không kết nối được với máy chủ: ';

function connectionFailure(error: unknown): Failure {
  const detail =
    error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return { ok: false, message: CONNECTION_PREFIX + (detail || 'lỗi không rõ') };
}

function isProblem(p: unknown): p is ProblemView {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return typeof o.sheet === 'string' && typeof o.cell === 'string' && typeof o.message === 'string';
}

/** Checks the envelope of a server answer; the value itself is trusted to follow the contract. */
function toResult<T>(payload: unknown): Result<T> {
  if (typeof payload !== 'object' || payload === null || !('ok' in payload)) {
    return { ok: false, message: 'Máy chủ trả lời không đúng định dạng.' };
  }
  const o = payload as Record<string, unknown>;
  if (o.ok === true) return { ok: true, value: o.value as T };
  const message =
    typeof o.message === 'string' && o.message !== '' ? o.message : 'Máy chủ từ chối yêu cầu.';
  const problems = Array.isArray(o.problems) ? o.problems.filter(isProblem) : undefined;
  return problems && problems.length > 0
    ? { ok: false, message, problems }
    : { ok: false, message };
}

/** Calls one server function; resolves with its Result (transport failures included). */
export function callServer<K extends ApiName>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<Result<ApiValue<K>>> {
  const run = (window as unknown as GoogleScriptHost).google?.script?.run;
  if (!run) {
    return Promise.resolve(
      connectionFailure('không có google.script.run (hãy mở thanh bên từ Google Trang tính).'),
    );
  }
  return new Promise((resolve) => {
    const runner = run
      .withSuccessHandler((payload) => resolve(toResult<ApiValue<K>>(payload)))
      .withFailureHandler((error) => resolve(connectionFailure(error)));
    try {
      (runner[name] as (...a: Parameters<SidebarApi[K]>) => void)(...args);
    } catch (error) {
      resolve(connectionFailure(error));
    }
  });
}
