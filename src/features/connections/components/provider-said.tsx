import { Text } from '@mantine/core'
import { displayText } from '@/lib/display-text.ts'
import type { ProviderWords } from '@/lib/provider-error-message.ts'

/**
 * The provider's own words under our sentence, set apart as a quotation so that they are never
 * read as ours (nor ours as theirs). They are the provider's text: shown through display-text,
 * isolated, and clipped with the whole of it in the title. Spans only: it also sits inside a
 * field's error message, which Mantine renders as a paragraph.
 */
export function ProviderSaid({ words }: { words: ProviderWords }) {
  const shown = displayText(words.text)
  return (
    <Text component="span" display="block" size="sm" mt={6} c="inherit" data-testid="provider-said">
      <Text component="span" display="block" size="xs" c="dimmed">
        {words.by} said:
      </Text>
      <Text
        component="span"
        display="block"
        size="sm"
        mt={2}
        pl="sm"
        title={shown.clipped ? shown.full : undefined}
        style={{ borderInlineStart: '3px solid var(--mantine-color-default-border)' }}
      >
        <bdi>{shown.text}</bdi>
      </Text>
    </Text>
  )
}
