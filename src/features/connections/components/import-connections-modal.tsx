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
import { IconAlertTriangle, IconFileImport } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { connectionTypeInfo, targetLocation } from '@/lib/connection-types.ts'
import { Inert, inertText } from '@/lib/inert-text.tsx'
import type { ImportOutcome, SkippedDuplicate } from '@/storage/connection-transfer.ts'
import { targetOf, type ConnectionRecord } from '@/storage/schema.ts'
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

function DuplicateItem({ duplicate }: { duplicate: SkippedDuplicate }) {
  const { name, existingName, why } = duplicate
  if (why === 'same-id' && name === existingName) return <Inert value={name} />
  return (
    <>
      <Inert value={name} /> ({why === 'same-id' ? 'here as' : 'the same as'} “
      <Inert value={existingName} />
      ”)
    </>
  )
}

function whereOf(record: ConnectionRecord): string {
  return targetLocation(targetOf(record))
}

/**
 * One connection the import would add: its name, type and where it points, so that a shared file
 * cannot quietly aim a familiar name at another server. A connection here with the same name (it
 * points elsewhere, or the new one would be a duplicate) is named next to it, with where it points.
 */
function FreshItem({
  record,
  namesakes,
}: {
  record: ConnectionRecord
  namesakes: ConnectionRecord[]
}) {
  const where = whereOf(record)
  // A namesake always points elsewhere: the same name and target would be a duplicate.
  const elsewhere = namesakes
  return (
    <List.Item>
      <Text size="sm" span fw={500}>
        <Inert value={record.name} />
      </Text>{' '}
      <Text size="sm" span c="dimmed">
        {connectionTypeInfo[record.type].label} · <Inert value={where} limit={300} />
      </Text>
      {elsewhere.length > 0 ? (
        <Text size="xs" c="orange.9" data-testid="import-namesake">
          <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> Not the “
          <Inert value={record.name} />” you have here, which points to{' '}
          {elsewhere.map((namesake, index) => (
            <span key={namesake.id}>
              {index > 0 ? ' and ' : null}
              <Inert value={whereOf(namesake)} limit={300} />
            </span>
          ))}
          . Import it only if you expect a second one on <Inert value={where} limit={300} />.
        </Text>
      ) : null}
    </List.Item>
  )
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
          // The reason may quote a connection's name from the file: shown inert.
          error={refusal ? `${inertText(refusal, 1000)} Nothing was imported.` : undefined}
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
                      <FreshItem
                        key={record.id}
                        record={record}
                        namesakes={plan.namesakes[record.id] ?? []}
                      />
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
                      <List.Item key={index}>
                        <DuplicateItem duplicate={duplicate} />
                      </List.Item>
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
