import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core'
import { Inert } from '@/lib/inert-text.tsx'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { useForgetTokens } from '../hooks/use-forget-tokens.ts'

interface Props {
  /** The connections whose token this browser holds. */
  withTokens: readonly StoredConnection[]
  onClose: () => void
  onForgotten: (count: number) => void
}

/** Asks before every stored token is removed, and says what stays. */
export function ForgetTokensModal({ withTokens, onClose, onForgotten }: Props) {
  const forget = useForgetTokens()
  const count = withTokens.length
  return (
    <Modal opened onClose={onClose} title="Forget all tokens on this browser?" centered>
      <Stack gap="md">
        <Text size="sm">
          The {count === 1 ? 'token' : `${count} tokens`} stored here will be removed from this
          browser:
        </Text>
        <List size="sm" spacing={4}>
          {withTokens.map(({ record }) => (
            <List.Item key={record.id}>
              <Inert value={record.name} />
            </List.Item>
          ))}
        </List>
        <Text size="sm">
          The connections, their settings, release sources and their history stay. Each connection
          then shows “Needs token” until you enter its token or sign in again. Tokens are not
          revoked at the provider: do that in the provider’s settings if one may have leaked.
        </Text>
        {forget.error ? (
          <Alert color="red" role="alert">
            The tokens could not be removed: {forget.error.message} Nothing was changed.
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={forget.isPending}
            onClick={() => forget.mutate(undefined, { onSuccess: () => onForgotten(count) })}
          >
            Forget {count === 1 ? 'the token' : `${count} tokens`}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
