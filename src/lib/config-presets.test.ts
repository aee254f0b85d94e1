import { describe, expect, it } from 'vitest'
import { checkPresets } from './config-presets.ts'
import { runtimeConfigSchema } from './runtime-config.ts'

describe('preset connections in config.json', () => {
  it('keeps the valid ones with their targets, trimmed and without trailing slashes', () => {
    const { presets, problems } = checkPresets([
      { name: 'Team GitHub', type: 'github', username: ' mona ' },
      { name: 'Team GHES', type: 'github-enterprise', baseUrl: 'https://ghe.example.com/' },
      { name: 'Team Bitbucket', type: 'bitbucket', email: 'team@example.com' },
      { name: 'Team Azure', type: 'azure-devops', organization: 'fabrikam' },
      {
        name: 'Mirror',
        type: 'custom-git',
        repositoryUrl: 'https://git.example.com/team/app.git',
        branch: 'main',
      },
    ])
    expect(problems).toEqual([])
    expect(presets).toEqual([
      { name: 'Team GitHub', username: 'mona', target: { type: 'github' } },
      {
        name: 'Team GHES',
        username: undefined,
        target: { type: 'github-enterprise', baseUrl: 'https://ghe.example.com' },
      },
      {
        name: 'Team Bitbucket',
        username: undefined,
        target: { type: 'bitbucket', credentialKind: 'api-token', email: 'team@example.com' },
      },
      {
        name: 'Team Azure',
        username: undefined,
        target: { type: 'azure-devops', organization: 'fabrikam' },
      },
      {
        name: 'Mirror',
        username: undefined,
        target: {
          type: 'custom-git',
          repositoryUrl: 'https://git.example.com/team/app.git',
          branch: 'main',
        },
      },
    ])
  })

  it('skips each invalid one with its number, name and reason, and keeps the rest', () => {
    const { presets, problems } = checkPresets([
      { name: 'No server', type: 'github-enterprise' },
      { name: 'Good', type: 'gitlab' },
      { name: 'Gitea', type: 'gitea' },
      { name: 'Leaky', type: 'github', token: 'ghp_x' },
      'nope',
      { name: 'Org URL', type: 'azure-devops', organization: 'https://dev.azure.com/x' },
    ])
    expect(presets.map((preset) => preset.name)).toEqual(['Good'])
    expect(problems).toEqual([
      'Preset 1 (“No server”) was not added: baseUrl: missing.',
      expect.stringMatching(/^Preset 3 \(“Gitea”\) was not added: type: /),
      'Preset 4 (“Leaky”) was not added: preset: Unrecognized key: "token".',
      expect.stringMatching(/^Preset 5 was not added: preset: /),
      'Preset 6 (“Org URL”) was not added: organization: must be the organization name, not a URL.',
    ])
    expect(problems.join(' ')).not.toContain('ghp_x')
  })

  it('does not cost the rest of config.json when one preset is wrong', () => {
    const parsed = runtimeConfigSchema.safeParse({
      corsProxyUrl: 'https://proxy.example.com',
      presets: [
        { name: 'No server', type: 'gitlab-self-managed' },
        { name: 'Good', type: 'gitlab' },
      ],
    })
    expect(parsed.success).toBe(true)
    expect(parsed.data?.corsProxyUrl).toBe('https://proxy.example.com')
    expect(parsed.data?.presets.map((preset) => preset.name)).toEqual(['Good'])
  })
})
