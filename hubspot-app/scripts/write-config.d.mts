export const OAUTH_CALLBACK_PATH: string
export const WEBHOOK_PATH: string
export interface BackendTarget {
  base: string
  origin: string
}
export function parseBackendUrl(raw: string | undefined): BackendTarget
export function applyToAppMeta<M extends { config?: Record<string, unknown> }>(
  meta: M,
  target: BackendTarget,
): M
export function applyToWebhooksMeta<M extends { config?: Record<string, unknown> }>(
  meta: M,
  target: BackendTarget,
): M
export function cardConstantSource(base: string): string
export function writeConfig(projectRoot: string, rawUrl: string | undefined): BackendTarget
export function toJson(value: unknown): string
