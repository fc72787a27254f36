import { hubspot } from '@hubspot/ui-extensions'
import { ThreadCard } from './components/ThreadCard'

// Entry point declared in whatsapp-card-hsmeta.json: the contact record's middle-column tab.
hubspot.extend<'crm.record.tab'>(({ context, actions }) => <ThreadCard context={context} actions={actions} />)
