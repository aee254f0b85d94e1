/**
 * Demo data for simulated Azure DevOps Services and Server. The identity shape follows
 * ConnectionData.authenticatedUser (the sign-in name is in `properties.Account.$value`).
 */

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

export const azureDemoProjects = [
  {
    id: '6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c',
    name: 'Fabrikam Web',
    description: 'Customer portal',
    lastUpdateTime: '2026-11-18T16:04:12.353Z',
  },
  {
    id: 'eb6e4656-77fc-42a1-9181-4c6d8e9da5d1',
    name: 'Fabrikam Mobile',
    description: 'iOS and Android apps',
    lastUpdateTime: '2026-11-02T08:51:40.007Z',
  },
  {
    id: '0d1a5e2b-8c3f-4d67-a9b0-3e6f7a8b9c0d',
    name: 'Infrastructure',
    description: 'Pipelines, Terraform and shared build templates',
    lastUpdateTime: '2026-10-21T12:30:00.000Z',
  },
]
