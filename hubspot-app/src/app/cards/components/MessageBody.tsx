import { Flex, Image, Link, Text } from '@hubspot/ui-extensions'
import type { CardMessage } from '../api/schemas'
import { useI18n } from '../i18n/I18nContext'
import { isHttpsUrl } from '../utils/urls'

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'document', 'sticker'])

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/**
 * What a message says. Customer text goes into `Text` as a plain string: React escapes it and no
 * markdown, HTML or link detection is applied. Media and locations become labels and links.
 */
export function MessageBody({ message }: { message: CardMessage }) {
  const { t, maybeT } = useI18n()
  if (message.deleted_at) {
    return (
      <Text format={{ italic: true }} testId={`deleted-${message.id}`}>
        {t('message.deleted')}
      </Text>
    )
  }

  if (message.media || MEDIA_TYPES.has(message.type)) {
    const kind = maybeT(`media.${message.type}`) ?? t('media.file')
    const filename = message.media?.filename
    const url = message.media?.url
    const thumbnail = message.media?.thumbnail_url
    const failure = message.media?.state === 'failed' ? message.media.failure : null
    return (
      <Flex direction="column" gap="flush">
        <Flex direction="row" gap="xs">
          <Text format={{ fontWeight: 'demibold' }}>{filename ? `${kind} · ${filename}` : kind}</Text>
          {url && isHttpsUrl(url) ? <Link href={{ url, external: true }}>{t('media.open')}</Link> : null}
        </Flex>
        {thumbnail && isHttpsUrl(thumbnail) ? (
          <Image
            src={thumbnail}
            alt={kind}
            width={160}
            href={url && isHttpsUrl(url) ? { url, external: true } : undefined}
          />
        ) : null}
        {failure ? (
          <Text variant="microcopy" testId={`media-failed-${message.id}`}>
            {`${t('media.unavailable')}: ${failure.explanation}`}
          </Text>
        ) : null}
        {message.text ? <Text>{message.text}</Text> : null}
      </Flex>
    )
  }

  if (message.type === 'location') {
    const { latitude, longitude } = message.content
    return (
      <Flex direction="row" gap="xs">
        <Text>
          {t('message.location')}
          {message.text ? `: ${message.text}` : ''}
        </Text>
        {finite(latitude) && finite(longitude) ? (
          <Link href={{ url: `https://www.google.com/maps?q=${latitude},${longitude}`, external: true }}>
            {t('message.openMap')}
          </Link>
        ) : null}
      </Flex>
    )
  }

  if (message.type === 'contacts') {
    return (
      <Text>
        {t('message.contacts')}
        {message.text ? `: ${message.text}` : ''}
      </Text>
    )
  }

  if (message.text !== null && message.text !== '')
    return <Text testId={`text-${message.id}`}>{message.text}</Text>
  if (message.type === 'text') return <Text variant="microcopy">{t('message.noText')}</Text>
  return <Text variant="microcopy">{t('message.unsupported', { type: message.type })}</Text>
}
