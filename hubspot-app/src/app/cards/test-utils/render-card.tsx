/**
 * @fileoverview Renders the card the way HubSpot does, with the renderer's mocked context and
 * actions (`mocks.actions.addAlert` is a spy), a user locale of the test's choosing and the
 * backend at `BACKEND`.
 */
import { createRenderer } from '@hubspot/ui-extensions/testing'
import { ThreadCard } from '../components/ThreadCard'
import { BACKEND } from './hubspot-mock'

export interface RenderCardOptions {
  locale?: string
  /** What `fetchCrmObjectProperties` answers for the record. */
  properties?: Record<string, string>
}

export function renderCard({ locale = 'en-us', properties = {} }: RenderCardOptions = {}) {
  const renderer = createRenderer('crm.record.tab')
  const { mocks } = renderer
  const context = { ...mocks.context, user: { ...mocks.context.user, locale } }
  mocks.actions.fetchCrmObjectProperties.willCall(async () => properties)
  renderer.render(
    <ThreadCard
      context={context}
      actions={mocks.actions}
      config={{ success: true, data: { backendUrl: BACKEND } }}
    />,
  )
  return renderer
}
