/**
 * The scopes the install asks for. They must equal `config.auth.requiredScopes` /
 * `optionalScopes` in hubspot-app/src/app/app-hsmeta.json: HubSpot refuses an authorize URL whose
 * required scopes differ from the app's (a test keeps the two in step).
 */
export const HUBSPOT_REQUIRED_SCOPES = [
  // Every OAuth app.
  'oauth',
  // Read contacts (card, webhook subscriptions on contacts, change read-back) and write them
  // (batch upsert by our unique property). Communications and tasks on a contact's timeline use
  // these same two scopes (HubSpot's Communications and Tasks API references).
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  // The "WhatsApp" property group, its properties and their enumeration options (tags).
  'crm.schemas.contacts.read',
  'crm.schemas.contacts.write',
] as const

export const HUBSPOT_OPTIONAL_SCOPES: readonly string[] = []

/** An env value as a scope list: space- or comma-separated, as installers copy them from HubSpot. */
export function parseScopeList(value: string | undefined, fallback: readonly string[]): string[] {
  if (value === undefined) return [...fallback]
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))]
}

/** Required scopes HubSpot did not grant (it should grant all of them; a mismatch means app config drift). */
export function missingScopes(required: readonly string[], granted: readonly string[]): string[] {
  const have = new Set(granted)
  return required.filter((s) => !have.has(s))
}
