import { describe, expect, it } from 'vitest'
import { filterFor } from './components/repository-picker.tsx'
import {
  customGitRepository,
  draftOf,
  validateSourceForm,
  type SourceFormValues,
} from './source-form-values.ts'

const valid: SourceFormValues = {
  name: 'Website',
  connectionId: '5f0c6b8e-7a61-4d0f-9a53-0f6c1d2e3b4a',
  repository: { id: 'acme/site', fullName: 'acme/site', webUrl: 'https://github.com/acme/site' },
  branch: 'main',
  tagPattern: 'v*',
}

describe('validateSourceForm', () => {
  it('accepts a complete form', () => {
    expect(validateSourceForm(valid, ['Other'])).toEqual({})
  })

  it('says what each missing field needs, next to that field', () => {
    const errors = validateSourceForm(
      { name: ' ', connectionId: null, repository: null, branch: null, tagPattern: '' },
      [],
    )
    expect(errors.name).toMatch(/Give the source a name/)
    expect(errors.connectionId).toMatch(/Choose the connection/)
    expect(errors.branch).toMatch(/Choose the branch/)
    expect(errors.tagPattern).toBeUndefined()
  })

  it('asks for a repository once a connection is chosen', () => {
    expect(validateSourceForm({ ...valid, repository: null }, []).repository).toBe(
      'Choose a repository.',
    )
  })

  it('refuses a name another source has, whatever the case', () => {
    expect(validateSourceForm(valid, ['website']).name).toMatch(/already called “Website”/)
  })

  it('refuses a pattern with spaces around it', () => {
    expect(validateSourceForm({ ...valid, tagPattern: ' v* ' }, []).tagPattern).toMatch(/spaces/)
  })
})

describe('draftOf', () => {
  it('trims the name, and an empty pattern or web address becomes null', () => {
    const draft = draftOf({
      ...valid,
      name: '  Website ',
      tagPattern: '',
      repository: { id: 'x', fullName: 'x', webUrl: '' },
    })
    expect(draft).toMatchObject({ name: 'Website', tagPattern: null })
    expect(draft.repository.webUrl).toBeNull()
  })
})

describe('customGitRepository', () => {
  it('names the remote by its path', () => {
    expect(customGitRepository('https://git.example.com/team/app.git')).toEqual({
      id: 'https://git.example.com/team/app.git',
      fullName: 'team/app',
      webUrl: '',
    })
  })
})

describe('filterFor (the picker’s search)', () => {
  it('searches names, and turns a pasted owner/name into an owner filter', () => {
    expect(filterFor('site')).toEqual({ search: 'site', owner: null, sort: 'updated' })
    expect(filterFor('acme/site')).toEqual({ search: 'site', owner: 'acme', sort: 'updated' })
    expect(filterFor('group/sub/app')).toEqual({
      search: 'app',
      owner: 'group/sub',
      sort: 'updated',
    })
    expect(filterFor('acme/')).toEqual({ search: 'acme/', owner: null, sort: 'updated' })
  })
})
