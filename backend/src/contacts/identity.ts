/** Who a webhook item is about. At least one of phone and bsuid is set. */
export interface Identity {
  phone: string | null
  waId: string | null
  bsuid: string | null
  parentBsuid: string | null
  username: string | null
  profileName: string | null
}
