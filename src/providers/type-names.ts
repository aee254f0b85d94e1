import type { ConnectionType } from './types.ts'

/** Plain names for error messages raised inside adapters. */
export const connectionTypeNames: Record<ConnectionType, string> = {
  github: 'GitHub',
  'github-enterprise': 'GitHub Enterprise Server',
  gitlab: 'GitLab',
  'gitlab-self-managed': 'GitLab self-managed',
  bitbucket: 'Bitbucket Cloud',
  'azure-devops': 'Azure DevOps',
  'azure-devops-server': 'Azure DevOps Server',
  'custom-git': 'Custom Git',
}
