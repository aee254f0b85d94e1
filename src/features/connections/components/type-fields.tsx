import { SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { ConnectionFormValues } from '../form/form-values.ts'
import { WarnedInput } from './warned-input.tsx'

type Form = UseFormReturnType<ConnectionFormValues>

interface Props {
  form: Form
  warnings: Partial<Record<keyof ConnectionFormValues, string>>
}

/** The fields a connection type needs beyond name and username. */
export function TypeFields({ form, warnings }: Props) {
  const { type } = form.values
  switch (type) {
    case 'github':
    case 'gitlab':
      return null
    case 'github-enterprise':
      return (
        <WarnedInput
          label="Server URL"
          placeholder="https://github.example.com"
          description="The address of your GitHub Enterprise Server; the app adds /api/v3."
          withAsterisk
          autoComplete="url"
          {...form.getInputProps('baseUrl')}
          key={form.key('baseUrl')}
          warning={warnings.baseUrl}
        />
      )
    case 'gitlab-self-managed':
      return (
        <WarnedInput
          label="GitLab URL"
          placeholder="https://gitlab.example.com"
          description="The address of your GitLab instance; the app adds /api/v4."
          withAsterisk
          autoComplete="url"
          {...form.getInputProps('baseUrl')}
          key={form.key('baseUrl')}
          warning={warnings.baseUrl}
        />
      )
    case 'bitbucket':
      return <BitbucketFields form={form} />
    case 'azure-devops':
      return (
        <TextInput
          label="Organization"
          placeholder="your-org or https://dev.azure.com/your-org"
          description="Since 1 December 2026 every token belongs to one organization."
          withAsterisk
          {...form.getInputProps('organization')}
          key={form.key('organization')}
        />
      )
    case 'azure-devops-server':
      return (
        <WarnedInput
          label="Collection URL"
          placeholder="https://devops.example.com/tfs/DefaultCollection"
          description="Your server's address followed by the collection."
          withAsterisk
          autoComplete="url"
          {...form.getInputProps('collectionUrl')}
          key={form.key('collectionUrl')}
          warning={warnings.collectionUrl}
        />
      )
    case 'custom-git':
      return (
        <Stack gap="sm">
          <WarnedInput
            label="Repository URL"
            placeholder="https://git.example.com/team/app.git"
            description="The HTTPS clone URL. Browsers cannot use SSH."
            withAsterisk
            autoComplete="url"
            {...form.getInputProps('repositoryUrl')}
            key={form.key('repositoryUrl')}
            warning={warnings.repositoryUrl}
          />
          <TextInput
            label="Branch"
            placeholder="main"
            withAsterisk
            {...form.getInputProps('branch')}
            key={form.key('branch')}
          />
          <WarnedInput
            label="CORS proxy URL"
            placeholder="https://cors-proxy.example.com"
            description="Most git hosts refuse requests from web pages; a proxy you run forwards them. It sees the token."
            autoComplete="url"
            {...form.getInputProps('corsProxyUrl')}
            key={form.key('corsProxyUrl')}
            warning={warnings.corsProxyUrl}
          />
          <TextInput
            label="Git username"
            placeholder="Only if the remote asks for one"
            description="Sent with the token when cloning over HTTPS (e.g. x-token-auth for Bitbucket access tokens)."
            autoComplete="off"
            {...form.getInputProps('gitUsername')}
            key={form.key('gitUsername')}
          />
        </Stack>
      )
  }
}

function BitbucketFields({ form }: { form: Form }) {
  const apiToken = form.values.bitbucketCredential === 'api-token'
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size="sm" fw={500} id="bitbucket-credential-label">
          Credential
        </Text>
        <SegmentedControl
          aria-labelledby="bitbucket-credential-label"
          data={[
            { value: 'api-token', label: 'API token (your account)' },
            { value: 'access-token', label: 'Access token (workspace or repository)' },
          ]}
          {...form.getInputProps('bitbucketCredential')}
          key={form.key('bitbucketCredential')}
        />
        <Text size="xs" c="dimmed">
          App passwords stopped working on 9 June 2026 and are not offered.
        </Text>
      </Stack>
      {apiToken ? (
        <TextInput
          label="Atlassian account email"
          placeholder="you@example.com"
          description="Bitbucket API tokens sign in with your Atlassian email, not your username."
          withAsterisk
          type="email"
          autoComplete="email"
          {...form.getInputProps('email')}
          key={form.key('email')}
        />
      ) : null}
      <TextInput
        label="Workspace"
        placeholder="your-workspace"
        description={
          apiToken
            ? 'Optional: limit the connection to one workspace.'
            : 'The workspace the access token belongs to.'
        }
        withAsterisk={!apiToken}
        {...form.getInputProps('workspace')}
        key={form.key('workspace')}
      />
    </Stack>
  )
}
