/**
 * The release source form's values and rules: what each field must hold, as sentences shown next
 * to it. Pure, so the rules are tested without rendering the form.
 */
import type { Repository } from '@/providers/types.ts'
import type { ReleaseSourceRecord } from '@/storage/release-source-schema.ts'
import type { ReleaseSourceDraft } from './source-actions.ts'
import { tagPatternProblem } from './tag-pattern.ts'

export interface SourceFormValues {
  name: string
  connectionId: string | null
  repository: Pick<Repository, 'id' | 'fullName' | 'webUrl'> | null
  branch: string | null
  tagPattern: string
}

export type SourceFormErrors = Partial<Record<keyof SourceFormValues, string>>

export const NAME_LIMIT = 80

export function valuesOf(source: ReleaseSourceRecord | null): SourceFormValues {
  if (!source)
    return { name: '', connectionId: null, repository: null, branch: null, tagPattern: '' }
  return {
    name: source.name,
    connectionId: source.connectionId,
    repository: {
      id: source.repository.id,
      fullName: source.repository.fullName,
      webUrl: source.repository.webUrl ?? '',
    },
    branch: source.branch,
    tagPattern: source.tagPattern ?? '',
  }
}

/** The errors of `values`; `otherNames` are the names of the other sources in this browser. */
export function validateSourceForm(
  values: SourceFormValues,
  otherNames: readonly string[],
): SourceFormErrors {
  const errors: SourceFormErrors = {}
  const name = values.name.trim()
  if (name === '') errors.name = 'Give the source a name, e.g. “Website releases”.'
  else if (name.length > NAME_LIMIT) errors.name = `Keep the name under ${NAME_LIMIT} characters.`
  else if (otherNames.some((other) => other.trim().toLowerCase() === name.toLowerCase())) {
    errors.name = `Another release source is already called “${name}”.`
  }
  if (values.connectionId === null) errors.connectionId = 'Choose the connection this source uses.'
  else if (values.repository === null) errors.repository = 'Choose a repository.'
  if (values.branch === null || values.branch.trim() === '') {
    errors.branch = 'Choose the branch builds are made from.'
  }
  const pattern = values.tagPattern
  if (pattern !== '') {
    const problem = tagPatternProblem(pattern)
    if (problem) errors.tagPattern = problem
  }
  return errors
}

/** The draft to create from valid values (call validateSourceForm first). */
export function draftOf(values: SourceFormValues): ReleaseSourceDraft {
  if (values.connectionId === null || values.repository === null || values.branch === null) {
    throw new Error('The form is not complete.')
  }
  return {
    name: values.name.trim(),
    connectionId: values.connectionId,
    repository: {
      id: values.repository.id,
      fullName: values.repository.fullName,
      webUrl: values.repository.webUrl || null,
    },
    branch: values.branch,
    tagPattern: values.tagPattern === '' ? null : values.tagPattern,
  }
}

/** A Custom Git connection is one repository: its URL, named by its path. */
export function customGitRepository(repositoryUrl: string): SourceFormValues['repository'] {
  let path = repositoryUrl
  try {
    path = new URL(repositoryUrl).pathname
  } catch {
    // Stored URLs are valid; keep the raw text if one is not.
  }
  const fullName = path.replace(/^\/+/, '').replace(/\.git$/, '') || repositoryUrl
  return { id: repositoryUrl, fullName, webUrl: '' }
}
