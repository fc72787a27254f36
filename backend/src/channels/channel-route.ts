/** A channel as a webhook item is routed to it: the workspace and phone number it belongs to. */
export interface ChannelRoute {
  id: string
  workspaceId: string
  phoneNumberId: string
  wabaId: string | null
  defaultRegion: string
}
