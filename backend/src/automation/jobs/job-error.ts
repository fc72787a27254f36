/**
 * Why a job did not complete, other than a send the policy refused (that is `SendRefused`).
 * `code` goes to the job's outcome for people and dashboards; `retryable` says whether trying
 * again later can help (the order service was down) or not (the pool is empty, the answer is bad).
 */
export class JobError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message)
    this.name = 'JobError'
  }
}

/** Another worker took the job over after this one's lease ran out: its result wins. */
export class LeaseLost extends Error {
  constructor(jobId: number) {
    super(`automation job ${jobId} was taken over by another worker`)
    this.name = 'LeaseLost'
  }
}
