import { Code, Stack, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { Inert } from '@/lib/inert-text.tsx'
import { signInDeployment } from '@/lib/oauth/deployment.ts'
import type { SignInSetup } from '@/lib/oauth/sign-in-setup.ts'
import type { ConnectionFormValues } from '../../connections/form/form-values.ts'

interface Props {
  form: UseFormReturnType<ConnectionFormValues>
  setup: SignInSetup
  /** The deployment's own application id for this GitLab, shown as the field's placeholder. */
  configuredApplicationId: string
  /** Signing in again on a connection: the account it belongs to. */
  account: string | null
}

/** What replaces the token field when the person signs in instead of pasting a token. */
export function SignInFields({ form, setup, configuredApplicationId, account }: Props) {
  if (setup.kind === 'none') return null
  const gitlab = setup.provider === 'gitlab'
  const where = setup.kind === 'pkce' ? new URL(setup.webBase).host : 'the sign-in window'
  const renews = setup.kind === 'pkce' ? ' It is renewed before it expires.' : ''

  return (
    <Stack gap="sm">
      {gitlab ? (
        <TextInput
          label="Application ID"
          withAsterisk={!configuredApplicationId}
          placeholder={configuredApplicationId || undefined}
          description={
            <>
              {configuredApplicationId
                ? 'Leave empty to use this deployment’s application. To use your own, create one'
                : 'Create a GitLab application'}{' '}
              (User settings → Applications) with the redirect URI{' '}
              <Code>{signInDeployment().redirectUri}</Code>, the scope <Code>api</Code>, and
              “Confidential” unticked{configuredApplicationId ? '.' : ', and paste its ID.'}
            </>
          }
          autoComplete="off"
          spellCheck={false}
          {...form.getInputProps('applicationId')}
          key={form.key('applicationId')}
        />
      ) : null}
      <Text size="sm" c="dimmed">
        You sign in on {where} in a new window
        {account ? (
          <>
            {' '}
            (as <Inert value={account} />, to keep everything that uses this connection)
          </>
        ) : null}
        . The token it gives is kept in this browser like a personal access token.{renews}
      </Text>
    </Stack>
  )
}
