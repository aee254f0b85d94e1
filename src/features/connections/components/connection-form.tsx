import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconKey } from '@tabler/icons-react'
import { useState } from 'react'
import { connectionTypeInfo } from '@/lib/connection-types.ts'
import { signInSetupFor } from '@/lib/oauth/sign-in-setup.ts'
import { useRuntimeConfig } from '@/lib/runtime-config-context.ts'
import type { ConnectionType } from '@/providers/types.ts'
import { targetOf } from '@/storage/schema.ts'
import type { StoredConnection } from '@/storage/connection-store.ts'
import {
  emptyFormValues,
  formValuesFromRecord,
  type ConnectionFormField,
  type ConnectionFormValues,
} from '../form/form-values.ts'
import { previewTarget } from '../form/preview-target.ts'
import { LIMITS, validateConnectionForm, type FormContext } from '../form/validate-form.ts'
import { useSignIn } from '../../auth/hooks/use-sign-in.ts'
import { useSaveConnection } from '../hooks/use-save-connection.ts'
import type { PanelResume } from '../panel-store.ts'
import type { ProviderWords } from '@/lib/provider-error-message.ts'
import { SaveRejected } from '../save-connection.ts'
import { ProviderSaid } from './provider-said.tsx'
import { CredentialFields } from './credential-fields.tsx'
import { savedNotice } from './saved-notice.tsx'
import { TypeFields } from './type-fields.tsx'

const typeGroups: { group: string; items: ConnectionType[] }[] = [
  { group: 'Cloud', items: ['github', 'gitlab', 'bitbucket', 'azure-devops'] },
  {
    group: 'Self-hosted',
    items: ['github-enterprise', 'gitlab-self-managed', 'azure-devops-server'],
  },
  { group: 'Any git remote', items: ['custom-git'] },
]
const typeData = typeGroups.map(({ group, items }) => ({
  group,
  items: items.map((value) => ({ value, label: connectionTypeInfo[value].label })),
}))

const typeSpecificFields: ConnectionFormField[] = [
  'baseUrl',
  'organization',
  'collectionUrl',
  'bitbucketCredential',
  'email',
  'workspace',
  'repositoryUrl',
  'branch',
  'corsProxyUrl',
  'gitUsername',
  'applicationId',
]

interface Props {
  existing: StoredConnection | undefined
  reenter: boolean
  /** Back from a sign-in that failed after a full-page redirect: what was typed, and why. */
  resume?: PanelResume
  otherNames: readonly string[]
  onDone: () => void
}

export function ConnectionForm({ existing, reenter, resume, otherNames, onDone }: Props) {
  const config = useRuntimeConfig()
  const save = useSaveConnection()
  // The record the form's values came from. The list (and so `existing`) follows other tabs'
  // saves; a save must name where it started, so that what it changed is laid over theirs, and so
  // that a connection deleted meanwhile is not saved as a new one.
  const [startedFrom] = useState(existing?.record)
  const [problem, setProblem] = useState<{
    message: string
    canSaveUnverified: boolean
    words?: ProviderWords | null
  } | null>(resume ? { message: resume.problem, canSaveUnverified: false } : null)
  const signIn = useSignIn({
    onSaved: (record) => {
      notifications.show(savedNotice(record, startedFrom !== undefined))
      onDone()
    },
    onFailed: (message) => setProblem({ message, canSaveUnverified: false }),
  })
  // A token the provider refused cannot be kept: the field then asks for a new one.
  const tokenStored = (existing?.hasSecret ?? false) && existing?.record.verification !== 'refused'
  const context: FormContext = {
    otherNames,
    tokenStored,
    // The stored token belongs to the address stored now (another tab may have changed both).
    ...(existing ? { tokenEnteredFor: targetOf(existing.record) } : {}),
  }
  const form = useForm<ConnectionFormValues>({
    mode: 'controlled',
    initialValues: {
      ...(existing ? formValuesFromRecord(existing.record) : emptyFormValues(config.corsProxyUrl)),
      ...resume?.values,
    },
    validate: (values) => validateConnectionForm(values, context).errors,
    validateInputOnBlur: true,
    onValuesChange: () => setProblem(null),
  })
  // An address edit can take the stored token's place away: then a new token or sign-in is due.
  const { warnings, tokenKept } = validateConnectionForm(form.values, context)
  const type = form.values.type
  const target = previewTarget(form.values)
  // How sign-in works for the target as typed so far: the radio, its fields and the button.
  const setup = signInSetupFor(target, config, form.values.applicationId.trim())

  const signingIn = signIn.phase !== 'idle'
  // A signed-in connection with its token can be renamed without signing in again.
  const signInSubmits = form.values.authMethod === 'oauth' && !tokenKept

  /** Runs inside the click or Enter, so the sign-in window may open. */
  const startSignIn = () => {
    const { draft } = validateConnectionForm(form.values, context)
    if (!draft) return
    setProblem(null)
    const setup = signInSetupFor(draft.target, config, form.values.applicationId.trim())
    if (setup.kind === 'none') return
    if (setup.kind === 'unavailable') {
      if (setup.provider === 'gitlab') form.setFieldError('applicationId', setup.reason)
      else setProblem({ message: setup.reason, canSaveUnverified: false })
      return
    }
    signIn.start(setup, draft, startedFrom?.id)
  }

  const submit = (skipVerification: boolean) => {
    if (signInSubmits) {
      startSignIn()
      return
    }
    const { draft } = validateConnectionForm(form.values, context)
    if (!draft) return
    setProblem(null)
    save.mutate(
      {
        draft,
        existing: startedFrom && { record: startedFrom, hasSecret: existing?.hasSecret ?? false },
        skipVerification,
      },
      {
        onSuccess: (record) => {
          notifications.show(savedNotice(record, startedFrom !== undefined))
          onDone()
        },
        onError: (error) => {
          if (error instanceof SaveRejected) {
            // Our sentence at the field, the provider's words quoted under it.
            if (error.field) form.setFieldError(error.field, <Rejection error={error} />)
            setProblem({
              message: error.field ? 'The connection was not saved.' : error.sentence,
              canSaveUnverified: error.canSaveUnverified,
              words: error.field ? null : error.providerWords,
            })
          } else {
            setProblem({
              message: `The connection could not be stored in this browser: ${error.message} Nothing was saved.`,
              canSaveUnverified: false,
            })
          }
        },
      },
    )
  }

  return (
    <form onSubmit={form.onSubmit(() => submit(false))} noValidate aria-label="Connection">
      <Stack gap="md">
        {reenter ? (
          <Alert
            color="orange"
            icon={<IconKey size={18} />}
            title={
              existing?.record.verification === 'refused'
                ? 'The provider refused the stored token'
                : 'This browser no longer has the token'
            }
          >
            {existing?.record.authMethod === 'oauth'
              ? 'Sign in again to reconnect.'
              : 'Paste a token to reconnect.'}{' '}
            The name, settings and everything that uses this connection stay as they are.
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          placeholder="e.g. Work GitHub"
          withAsterisk
          maxLength={LIMITS.name + 20}
          data-autofocus={!reenter || undefined}
          {...form.getInputProps('name')}
          key={form.key('name')}
        />
        <TextInput
          label="Username"
          withAsterisk={type === 'bitbucket'}
          description={
            type === 'bitbucket'
              ? 'Your Bitbucket username: it must match the account the token belongs to.'
              : 'Optional. Your own commits then show this username instead of your email.'
          }
          autoComplete="username"
          {...form.getInputProps('username')}
          key={form.key('username')}
        />
        <Select
          label="Connection Type"
          data={typeData}
          // Searchable: a few letters pick a type; it also opens on focus, so a click that lands
          // after an error message above has shifted the field still opens the list.
          searchable
          nothingFoundMessage="No such connection type"
          allowDeselect={false}
          withAsterisk
          description={connectionTypeInfo[type].summary}
          disabled={existing !== undefined}
          {...form.getInputProps('type')}
          onChange={(value) => {
            if (!value) return
            form.setFieldValue('type', value as ConnectionType)
            form.setFieldValue('authMethod', 'pat')
            // The old type's fields are gone; messages about name, username and token still hold.
            for (const field of typeSpecificFields) form.clearFieldError(field)
          }}
          key={form.key('type')}
        />
        <TypeFields form={form} warnings={warnings} />
        <CredentialFields
          form={form}
          target={target}
          setup={setup}
          tokenWarning={warnings.token}
          tokenStored={tokenKept}
          autoFocusToken={reenter}
          account={existing?.record.account?.login ?? null}
        />
        {signingIn ? (
          <Alert color="blue" role="status" title="Waiting for the sign-in">
            Finish signing in in the window that opened. This panel saves the connection as soon as
            you are back.
            <Group mt="sm">
              <Button variant="default" size="xs" onClick={signIn.cancel}>
                Cancel sign-in
              </Button>
            </Group>
          </Alert>
        ) : null}
        {problem ? (
          <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
            {problem.message}
            {problem.words ? <ProviderSaid words={problem.words} /> : null}
            {problem.canSaveUnverified ? (
              <Group mt="sm">
                <Button
                  variant="light"
                  color="orange"
                  size="xs"
                  onClick={() => submit(true)}
                  loading={save.isPending}
                >
                  Save without verifying
                </Button>
              </Group>
            ) : null}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          {form.values.authMethod === 'oauth' && !signInSubmits ? (
            <Button variant="light" onClick={startSignIn} disabled={signingIn}>
              Sign in again
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending || signingIn}>
            {signInSubmits && setup.kind !== 'none' ? setup.label : 'Save'}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

function Rejection({ error }: { error: SaveRejected }) {
  return (
    <>
      {error.sentence}
      {error.providerWords ? <ProviderSaid words={error.providerWords} /> : null}
    </>
  )
}
