/** A Zoho SDK call that did not settle in time (the SDK itself never times out). */
export class SdkTimeoutError extends Error {
  constructor(
    readonly call: string,
    readonly ms: number,
  ) {
    super(`${call}: no answer from Zoho within ${ms} ms`)
    this.name = 'SdkTimeoutError'
  }
}

/**
 * Settles with the SDK's answer or rejects with `SdkTimeoutError` after `ms`. The SDK keeps a promise
 * per request id until the parent frame answers, and the parent may never answer (the record page was
 * left, the connection is being authorised), so every call goes through here.
 */
export function withTimeout<T>(call: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SdkTimeoutError(call, ms)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
