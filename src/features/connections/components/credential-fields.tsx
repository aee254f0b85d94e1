import { Anchor, PasswordInput, Radio, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import type { UseFormReturnType } from '@mantine/form'
import { IconExternalLink } from '@tabler/icons-react'
import { tokenHelpFor } from '@/lib/connection-types.ts'
import { configuredGitLabApplication, type SignInSetup } from '@/lib/oauth/sign-in-setup.ts'
import { useRuntimeConfig } from '@/lib/runtime-config-context.ts'
import type { ProviderTarget } from '@/providers/types.ts'
import type { ConnectionFormValues } from '../form/form-values.ts'
import { tokenNoun } from '../form/validate-form.ts'
import { SignInFields } from '../../auth/components/sign-in-fields.tsx'
import { FieldWarning } from './warned-input.tsx'

interface Props {
  form: UseFormReturnType<ConnectionFormValues>
  /** The target as far as it is filled in, for the token page link. */
  target: ProviderTarget
  /** How sign-in works for that target here. */
  setup: SignInSetup
  tokenWarning: string | undefined
  /** Editing a connection whose token is stored: leaving the field empty keeps it. */
  tokenStored: boolean
  autoFocusToken: boolean
  /** Signing in again on a connection: the account it belongs to. */
  account: string | null
}

export function CredentialFields({
  form,
  target,
  setup,
  tokenWarning,
  tokenStored,
  autoFocusToken,
  account,
}: Props) {
  const config = useRuntimeConfig()
  const { type, authMethod } = form.values
  const help = tokenHelpFor(target)
  const noun = tokenNoun(form.values)
  const tokenId = useId()
  const tokenProps = form.getInputProps('token')
  // Once the same words are the field's error, they are not repeated under it.
  const warning = tokenWarning === tokenProps.error ? undefined : tokenWarning
  // Mantine's PasswordInput leaves these off its inner input; screen readers need them.
  const describedBy = [
    tokenProps.error ? `${tokenId}-error` : null,
    warning ? `${tokenId}-warning` : null,
  ]
    .filter(Boolean)
    .join(' ')
  // GitLab's option stays open without a configured application: the form takes its id.
  const signInDisabled =
    setup.kind === 'unavailable' && setup.provider === 'github' && authMethod !== 'oauth'

  return (
    <Stack gap="sm">
      <Radio.Group
        label="Connect to GIT repository"
        {...form.getInputProps('authMethod')}
        key={form.key('authMethod')}
      >
        <Stack gap="xs" mt={6}>
          <Radio value="pat" label="Personal access token" />
          {setup.kind !== 'none' ? (
            <Radio
              value="oauth"
              label={setup.label}
              disabled={signInDisabled}
              description={
                setup.kind === 'unavailable' && signInDisabled ? setup.reason : undefined
              }
            />
          ) : null}
        </Stack>
      </Radio.Group>

      {authMethod === 'oauth' ? (
        <SignInFields
          form={form}
          setup={setup}
          configuredApplicationId={configuredGitLabApplication(target, config)}
          account={account}
        />
      ) : null}
      {authMethod === 'oauth' ? (
        // No token field to put it under: an address edit's "sign in again" goes here.
        <FieldWarning message={warning} />
      ) : (
        <>
          <div>
            <PasswordInput
              label={noun.charAt(0).toUpperCase() + noun.slice(1)}
              placeholder={tokenStored ? 'Leave empty to keep the stored token' : undefined}
              withAsterisk={!tokenStored && type !== 'custom-git'}
              autoComplete="off"
              spellCheck={false}
              data-autofocus={autoFocusToken || undefined}
              {...tokenProps}
              id={tokenId}
              aria-invalid={tokenProps.error ? true : undefined}
              aria-describedby={describedBy || undefined}
              key={form.key('token')}
            />
            <FieldWarning id={`${tokenId}-warning`} message={warning} />
          </div>
          <Text size="xs" c="dimmed">
            {help.url ? (
              <Anchor href={help.url} target="_blank" rel="noopener noreferrer" size="xs">
                Create a token on {hostLabel(help.url)}{' '}
                <IconExternalLink size={12} style={{ verticalAlign: 'middle' }} aria-hidden />
              </Anchor>
            ) : null}
            {help.url ? ' with ' : 'Use '}
            {help.scopes}.
          </Text>
        </>
      )}

      <Radio.Group
        label="Keep the token"
        description="Tokens never leave this browser except to the provider's own API."
        {...form.getInputProps('tokenLifetime')}
        key={form.key('tokenLifetime')}
      >
        <Stack gap="xs" mt={6}>
          <Radio
            value="remember"
            label="Remember on this browser"
            description="Kept until you delete the connection or forget its token. Clearing this site’s data in the browser removes it too."
          />
          <Radio value="session" label="Until I close the browser" />
        </Stack>
      </Radio.Group>
    </Stack>
  )
}

function hostLabel(url: string): string {
  return new URL(url).host
}
