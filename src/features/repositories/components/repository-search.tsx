import { TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useState } from 'react'

interface Props {
  initial: string
  /** Called with the trimmed text once typing pauses. */
  onSearch: (search: string) => void
}

/**
 * The search box keeps what is typed to itself, so a keystroke re-renders this input only, not
 * the list and filters around it; the page hears about the text once typing pauses.
 */
export function RepositorySearch({ initial, onSearch }: Props) {
  const [typed, setTyped] = useState(initial)
  const [settled] = useDebouncedValue(typed.trim(), 250)
  // A block body: an effect may return only a cleanup function, never what onSearch returns.
  useEffect(() => {
    onSearch(settled)
  }, [settled, onSearch])
  return (
    <TextInput
      label="Search repositories"
      placeholder="Name"
      leftSection={<IconSearch size={16} />}
      value={typed}
      onChange={(event) => setTyped(event.currentTarget.value)}
      style={{ flex: 1, minWidth: 220 }}
    />
  )
}
