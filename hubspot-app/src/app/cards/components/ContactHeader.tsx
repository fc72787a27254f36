import { Button, Flex, Heading, Text } from '@hubspot/ui-extensions'
import type { CardContact } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'

export function ContactHeader({ contact, onRefresh }: { contact: CardContact; onRefresh: () => void }) {
  const { t } = useI18n()
  const name = contact.name ?? contact.profile_name ?? contact.phone ?? ''
  return (
    <Flex direction="row" justify="between" align="center" gap="sm">
      <Flex direction="column" gap="flush">
        <Heading>{name}</Heading>
        {contact.phone && contact.phone !== name ? <Text variant="microcopy">{contact.phone}</Text> : null}
      </Flex>
      <Button size="sm" variant="secondary" onClick={onRefresh} testId="thread-refresh">
        {t('card.refresh')}
      </Button>
    </Flex>
  )
}
