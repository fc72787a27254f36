import type { ErrorCode } from '@scrm/shared'

export interface ErrorDetail {
  path: string
  message: string
}

/**
 * What a service raises when it refuses or cannot do something: a machine code (the shared
 * `ErrorCode`, which the cards rely on) and a sentence for a person. It knows nothing of HTTP:
 * only `api/` maps a code to a status and renders the envelope.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** A finer machine reason inside the code (e.g. why a send was refused). */
    readonly reason?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('not_found', message)
    this.name = 'NotFoundError'
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('conflict', message)
    this.name = 'ConflictError'
  }
}

/** Input that is well-formed but not acceptable (unknown field, rule that cannot run ...). */
export class InvalidInputError extends DomainError {
  constructor(message: string, details?: ErrorDetail[]) {
    super('validation_failed', message, details)
    this.name = 'InvalidInputError'
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', message)
    this.name = 'ForbiddenError'
  }
}

/** The server lacks the configuration (a secret, a provider) the operation needs. */
export class NotConfiguredError extends DomainError {
  constructor(message: string) {
    super('not_configured', message)
    this.name = 'NotConfiguredError'
  }
}
