import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { StoredConnection } from '@/storage/connection-store.ts'
import { useDeleteConnection } from '../hooks/use-delete-connection.ts'

interface Props {
  target: StoredConnection | null
  onClose: () => void
  onDeleted: (name: string) => void
}

export function DeleteConnectionModal({ target, onClose, onDeleted }: Props) {
  const remove = useDeleteConnection()
  const name = target?.record.name ?? ''
  return (
    <Modal opened={target !== null} onClose={onClose} title="Delete connection" centered>
      <Stack>
        <Text size="sm">
          Delete <strong>{name}</strong>? Its settings and its token are removed from this browser.
          Nothing changes on the provider: revoke the token there if you no longer need it.
        </Text>
        {remove.error ? (
          <Text size="sm" c="red" role="alert">
            It could not be deleted: {remove.error.message}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (!target) return
              remove.mutate(target.record.id, {
                onSuccess: () => {
                  onDeleted(name)
                  onClose()
                },
              })
            }}
          >
            Delete connection
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
