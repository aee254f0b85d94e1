import { Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQuery } from '@tanstack/react-query'
import { branchListQuery } from '@/features/commits/queries.ts'
import { connectionStatus, wantsToken } from '@/features/connections/connection-status.ts'
import { useConnections } from '@/features/connections/hooks/use-connections.ts'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { describeFailure } from '@/lib/failure-message.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { targetOf, type ConnectionRecord } from '@/storage/schema.ts'
import { useCreateSource, useEndpoints, useUpdateSource } from '../hooks/use-source-mutations.ts'
import {
  customGitRepository,
  draftOf,
  NAME_LIMIT,
  validateSourceForm,
  valuesOf,
  type SourceFormValues,
} from '../source-form-values.ts'
import { RepositoryPicker } from './repository-picker.tsx'
import { inertText } from '@/lib/inert-text.tsx'

interface Props {
  /** The source being edited; null to create one. */
  existing: ReleaseSourceRecord | null
  otherNames: readonly string[]
  onDone: (source: ReleaseSourceRecord) => void
}

/**
 * Name, connection, repository, branch and tag pattern. Editing keeps the connection and the
 * repository (the webhook belongs to them): a different repository is a new source.
 */
export function SourceForm({ existing, otherNames, onDone }: Props) {
  const connections = useConnections().data?.connections ?? []
  const create = useCreateSource()
  const update = useUpdateSource()
  const endpoints = useEndpoints()
  const form = useForm<SourceFormValues>({
    mode: 'controlled',
    initialValues: valuesOf(existing),
    validate: (values) => validateSourceForm(values, otherNames),
  })
  const { values } = form
  const stored = connections.find((entry) => entry.record.id === values.connectionId)
  const record = stored?.record ?? null
  const editing = existing !== null
  const mutation = editing ? update : create

  const chooseConnection = (id: string | null) => {
    const chosen = connections.find((entry) => entry.record.id === id)?.record
    const target = chosen ? targetOf(chosen) : null
    form.setValues({
      connectionId: id,
      repository: target?.type === 'custom-git' ? customGitRepository(target.repositoryUrl) : null,
      branch: target?.type === 'custom-git' ? target.branch : null,
    })
  }

  const submit = form.onSubmit((valid) => {
    if (existing) {
      const draft = draftOf(valid)
      update.mutate(
        {
          source: existing,
          changes: { name: draft.name, branch: draft.branch, tagPattern: draft.tagPattern },
        },
        { onSuccess: onDone },
      )
    } else {
      create.mutate(draftOf(valid), { onSuccess: onDone })
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label="Release source">
      <Stack gap="md">
        <TextInput
          label="Name"
          description="How this source appears in lists and build requests."
          withAsterisk
          maxLength={NAME_LIMIT + 20}
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label="Connection"
          description={
            editing
              ? 'A source keeps its connection; create another source to use a different one.'
              : 'Several sources may use the same connection.'
          }
          placeholder="Choose a connection"
          withAsterisk
          disabled={editing}
          data={connections.map(connectionOption)}
          {...form.getInputProps('connectionId')}
          onChange={chooseConnection}
          allowDeselect={false}
        />
        {record && !editing && record.type !== 'custom-git' ? (
          <RepositoryPicker
            connectionId={record.id}
            value={values.repository}
            onChange={(repository) => {
              form.setValues({
                repository: {
                  id: repository.id,
                  fullName: repository.fullName,
                  webUrl: repository.webUrl,
                },
                branch: repository.defaultBranch,
              })
            }}
            error={form.errors.repository as string | undefined}
            describeError={(error) => describeFailure(error, record)}
          />
        ) : values.repository ? (
          <TextInput label="Repository" value={values.repository.fullName} readOnly disabled />
        ) : null}
        {record && values.repository ? (
          <BranchSelect
            record={record}
            repository={values.repository}
            inputProps={form.getInputProps('branch')}
          />
        ) : null}
        <TextInput
          label="Tag pattern"
          description="A glob on tag names, e.g. v* or release/*. Leave empty for every tag."
          placeholder="v*"
          {...form.getInputProps('tagPattern')}
        />
        {!editing && record ? (
          <WebhookNotice record={record} receiver={endpoints.webhookReceiverUrl} />
        ) : null}
        {mutation.error ? (
          <Alert color="red" role="alert" title="The source was not saved">
            {mutation.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {editing ? 'Save changes' : 'Create release source'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function connectionOption(stored: StoredConnection) {
  const { record } = stored
  const needsToken = wantsToken(connectionStatus(stored))
  return {
    value: record.id,
    label: `${inertText(record.name)} · ${connectionTypeInfo[record.type].label}${needsToken ? ' (needs token)' : ''}`,
    disabled: needsToken,
  }
}

interface BranchSelectProps {
  record: ConnectionRecord
  repository: NonNullable<SourceFormValues['repository']>
  inputProps: ReturnType<ReturnType<typeof useForm<SourceFormValues>>['getInputProps']>
}

function BranchSelect({ record, repository, inputProps }: BranchSelectProps) {
  const branches = useQuery(branchListQuery(record.id, repository, ''))
  const names = branches.data?.items.map((branch) => branch.name) ?? []
  const current = typeof inputProps.value === 'string' ? inputProps.value : null
  // The chosen branch stays choosable while the list loads, and if the list lacks it.
  const data = current && !names.includes(current) ? [current, ...names] : names
  return (
    <Select
      label="Branch"
      description={
        branches.error
          ? describeFailure(branches.error, record)
          : 'Trigger Build builds the latest commit of this branch.'
      }
      placeholder={branches.isPending ? 'Loading branches…' : 'Choose a branch'}
      withAsterisk
      searchable
      data={data}
      nothingFoundMessage="No branch by that name"
      allowDeselect={false}
      {...inputProps}
    />
  )
}

function WebhookNotice({
  record,
  receiver,
}: {
  record: ConnectionRecord
  receiver: string | null
}) {
  const name = connectionTypeInfo[record.type].providerName
  if (record.type === 'custom-git') {
    return (
      <Text size="sm" c="dimmed">
        A plain git remote has no webhooks: builds of this source are triggered by hand.
      </Text>
    )
  }
  if (receiver === null) {
    return (
      <Alert color="yellow" title="No webhook receiver">
        This deployment has no webhook receiver (config.json: webhookReceiverUrl), so no release
        webhook will be registered. Builds can still be triggered by hand.
      </Alert>
    )
  }
  return (
    <Text size="sm" c="dimmed">
      Creating the source registers a release webhook on {name}, pointing at {receiver}, with a
      secret generated in this browser. The token needs the right to manage webhooks.
    </Text>
  )
}
