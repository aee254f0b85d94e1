import {
  Alert,
  Button,
  FileInput,
  Group,
  List,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core'
import { IconFileImport } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type { ImportOutcome, SkippedDuplicate } from '@/storage/connection-transfer.ts'
import { useImportCheck, useImportConnections } from '../hooks/use-connection-transfer.ts'

interface Props {
  /** The file chosen with the Import button; another can be chosen in the dialog. */
  initialFile: File
  onClose: () => void
  onImported: (outcome: ImportOutcome) => void
}

function connections(count: number): string {
  return count === 1 ? 'one connection' : `${count} connections`
}

function duplicateText({ name, existingName, why }: SkippedDuplicate): string {
  if (why === 'same-id') {
    return name === existingName ? name : `${name} (here as “${existingName}”)`
  }
  return `${name} (the same as “${existingName}”)`
}

/**
 * Says what importing the chosen file would do (what is new, what is already here and skipped),
 * or why the file is refused, next to the file field. Nothing is written before the Import click,
 * and then all of it or nothing.
 */
export function ImportConnectionsModal({ initialFile, onClose, onImported }: Props) {
  const [file, setFile] = useState<File | null>(initialFile)
  const { check, choose } = useImportCheck()
  const importing = useImportConnections()
  useEffect(() => choose(initialFile), [choose, initialFile])

  const pick = (next: File | null) => {
    setFile(next)
    importing.reset()
    choose(next)
  }
  const refusal = check.state === 'done' && !check.ok ? check.reason : null
  const checked = check.state === 'done' && check.ok ? check : null
  const plan = checked?.plan ?? null
  const fresh = plan?.fresh ?? []

  return (
    <Modal opened onClose={onClose} title="Import connections" centered size="lg">
      <Stack gap="md">
        <Text size="sm">
          Connections come back from an export file without their tokens: each shows “Needs token”
          until you enter its token. Connections already here are skipped, never overwritten.
        </Text>
        <FileInput
          label="Export file"
          description="A git-connector-connections-….json file made with Export"
          accept="application/json,.json"
          leftSection={<IconFileImport size={16} aria-hidden />}
          value={file}
          onChange={pick}
          error={refusal ? `${refusal} Nothing was imported.` : undefined}
          clearable
          clearButtonProps={{ 'aria-label': 'Remove the chosen file' }}
        />
        {check.state === 'checking' ? (
          <Group gap="xs">
            <Loader size="xs" aria-hidden />
            <Text size="sm">Checking the file…</Text>
          </Group>
        ) : null}
        {plan ? (
          <ScrollArea.Autosize mah={280} type="auto" offsetScrollbars>
            <Stack gap="sm" aria-live="polite">
              {fresh.length > 0 ? (
                <div>
                  <Text size="sm" fw={600}>
                    New: {connections(fresh.length)} will be added
                  </Text>
                  <List size="sm" spacing={2}>
                    {fresh.map((record) => (
                      <List.Item key={record.id}>{record.name}</List.Item>
                    ))}
                  </List>
                </div>
              ) : (
                <Text size="sm" fw={600}>
                  Nothing new: every connection in this file is already here.
                </Text>
              )}
              {plan.duplicates.length > 0 ? (
                <div>
                  <Text size="sm" fw={600}>
                    Already here: {connections(plan.duplicates.length)}, skipped
                  </Text>
                  <List size="sm" spacing={2}>
                    {plan.duplicates.map((duplicate, index) => (
                      <List.Item key={index}>{duplicateText(duplicate)}</List.Item>
                    ))}
                  </List>
                </div>
              ) : null}
            </Stack>
          </ScrollArea.Autosize>
        ) : null}
        {importing.error ? (
          <Alert color="red" role="alert">
            The connections could not be imported: {importing.error.message} Nothing was imported.
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={fresh.length === 0}
            loading={importing.isPending}
            // All of the file's records: the write checks for duplicates again, as things are then.
            onClick={() => checked && importing.mutate(checked.records, { onSuccess: onImported })}
          >
            {fresh.length > 0 ? `Import ${connections(fresh.length)}` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
