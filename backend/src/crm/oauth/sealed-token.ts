import { decryptSecret } from '../../lib/crypto'
import { CrmAuthError } from './auth-error'

/**
 * Opens a stored token. A token sealed with another ENCRYPTION_KEY (the key was changed without
 * re-encrypting) cannot be used: the connection needs a new install, and the error says so
 * instead of surfacing a bare cipher error.
 */
export function openSealedToken(sealed: string, key: Buffer, account: string): string {
  try {
    return decryptSecret(sealed, key)
  } catch {
    throw new CrmAuthError(
      'reauth_required',
      `The stored tokens of ${account} cannot be decrypted with the current ENCRYPTION_KEY; install the app again.`,
    )
  }
}
