import { Drawer } from '@mantine/core'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import { useReleaseSources } from '../hooks/use-release-sources.ts'
import { SourceForm } from './source-form.tsx'

interface Props {
  /** Closed, creating a source, or editing one. */
  panel: { mode: 'closed' } | { mode: 'create' } | { mode: 'edit'; source: ReleaseSourceRecord }
  onClose: () => void
  onSaved: (source: ReleaseSourceRecord, created: boolean) => void
}

/** The "Add a Release Source" side panel; the same panel edits one. */
export function SourcePanel({ panel, onClose, onSaved }: Props) {
  const sources = useReleaseSources().data?.sources ?? []
  const existing = panel.mode === 'edit' ? panel.source : null
  return (
    <Drawer
      opened={panel.mode !== 'closed'}
      onClose={onClose}
      position="right"
      size="lg"
      title={existing ? 'Edit Release Source' : 'Add a Release Source'}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {panel.mode !== 'closed' ? (
        <SourceForm
          key={existing?.id ?? 'new'}
          existing={existing}
          otherNames={sources
            .filter((source) => source.id !== existing?.id)
            .map((source) => source.name)}
          onDone={(source) => onSaved(source, existing === null)}
        />
      ) : null}
    </Drawer>
  )
}
