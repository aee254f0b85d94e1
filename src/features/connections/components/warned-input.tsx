import { Text, TextInput, type TextInputProps } from '@mantine/core'
import { useId } from 'react'

interface Props extends TextInputProps {
  /** A non-blocking remark (plain http, a token that looks like another provider's). */
  warning?: string | undefined
}

/** A text input with room for a warning under it, announced with the field. */
export function WarnedInput({ warning, ...props }: Props) {
  const warningId = useId()
  return (
    <div>
      <TextInput {...props} aria-describedby={warning ? warningId : undefined} />
      <FieldWarning id={warningId} message={warning} />
    </div>
  )
}

export function FieldWarning({ id, message }: { id?: string; message: string | undefined }) {
  if (!message) return null
  return (
    <Text id={id} size="xs" c="orange.9" mt={4}>
      {message}
    </Text>
  )
}
