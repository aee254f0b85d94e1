/**
 * Demo data for simulated Azure DevOps Services and Server. The identity shape follows
 * ConnectionData.authenticatedUser (the sign-in name is in `properties.Account.$value`).
 */

import { demoRepositories, demoSha, type DemoRepository } from './catalog.ts'

export const AZURE_DEVOPS_SERVICES = 'https://dev.azure.com'

/** Organizations and collections whose name contains this answer 404. */
export const AZURE_MISSING_MARKER = 'missing'
/** Collection URLs containing this behave like Azure DevOps Server 2020: REST API 6.0 at most. */
export const AZURE_OLD_SERVER_MARKER = 'old-server'
export const AZURE_OLD_SERVER_VERSION = '6.0'
export const AZURE_LATEST_VERSION = '7.1'

export const azureServicesDemoUser = {
  id: '345a740a-4d3a-422e-863a-8c8b0367c7b3',
  descriptor:
    'Microsoft.IdentityModel.Claims.ClaimsIdentity;ce237b56-5780-4f91-9d55-262b5ea4cca3\\ada.demo@contoso.example',
  subjectDescriptor: 'aad.MzQ1YTc0MGEtNGQzYS03MjJlLTg2M2EtOGM4YjAzNjdjN2Iz',
  providerDisplayName: 'Ada Demo',
  isActive: true,
  properties: { Account: { $type: 'System.String', $value: 'ada.demo@contoso.example' } },
  resourceVersion: 2,
  metaTypeId: 0,
}

/** On a domain-joined Server the account is `DOMAIN\user`, not an email. */
export const azureServerDemoUser = {
  id: '7e0c9b51-2d8a-4f3e-b6c4-91a0d5e3f872',
  descriptor:
    'System.Security.Principal.WindowsIdentity;S-1-5-21-3623811015-3361044348-30300820-1013',
  subjectDescriptor: 'win.Uy0xLTUtMjEtMzYyMzgxMTAxNS0zMzYxMDQ0MzQ4LTMwMzAwODIwLTEwMTM',
  providerDisplayName: 'Ada Demo',
  isActive: true,
  properties: { Account: { $type: 'System.String', $value: 'CONTOSO\\ada.demo' } },
  resourceVersion: 2,
  metaTypeId: 0,
}

export interface AzureDemoProject {
  id: string
  name: string
  description: string
  lastUpdateTime: string
  visibility: 'private' | 'public'
}

/** The projects of the demo catalog (`demoRepositories('azure-devops')`), same names. */
export const azureDemoProjects: AzureDemoProject[] = [
  {
    id: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c',
    name: 'Fabrikam',
    description: 'Service desk and field apps',
    lastUpdateTime: '2026-11-18T16:04:12.353Z',
    visibility: 'private',
  },
  {
    id: 'eb6e4656-77fc-42a1-9181-4c6d8e9da5d1',
    name: 'Contoso Web',
    description: 'Customer portal and storefront',
    lastUpdateTime: '2026-11-02T08:51:40.007Z',
    visibility: 'private',
  },
  {
    id: '0d1a5e2b-8c3f-4d67-a9b0-3e6f7a8b9c0d',
    name: 'Release Engineering',
    description: 'Pipelines, Terraform and shared build templates',
    lastUpdateTime: '2026-10-21T12:30:00.000Z',
    visibility: 'private',
  },
  {
    id: '9f3c2a1b-4d5e-4f60-8a7b-6c5d4e3f2a1b',
    name: 'Sandbox',
    description: 'Experiments, open to everyone',
    lastUpdateTime: '2026-09-30T10:00:00.000Z',
    visibility: 'public',
  },
]

/** A GUID, stable for the same input. */
export function azureGuid(...parts: (string | number)[]): string {
  const hex = demoSha('azure-guid', ...parts)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/** The repository's GUID, the same in every organization and collection. */
export function azureRepositoryId(repo: DemoRepository): string {
  return azureGuid('repository', repo.id)
}

export function azureDemoRepositories(): DemoRepository[] {
  return demoRepositories('azure-devops')
}

export function findAzureProject(nameOrId: string): AzureDemoProject | undefined {
  const wanted = nameOrId.toLowerCase()
  return azureDemoProjects.find(
    (project) => project.id === wanted || project.name.toLowerCase() === wanted,
  )
}
