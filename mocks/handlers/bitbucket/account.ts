/** The user, their email addresses and workspaces, and one workspace. */
import { http, HttpResponse, type RequestHandler } from 'msw'
import {
  BITBUCKET_API,
  bitbucketDemoEmails,
  bitbucketDemoUser,
  bitbucketDemoWorkspaces,
} from '../../data/bitbucket.ts'
import {
  authenticate,
  findWorkspace,
  lacksAccountScope,
  noWorkspace,
  scopeHeaders,
} from './context.ts'
import { paginate } from './listing.ts'
import { workspaceBase } from './payloads.ts'

export const accountHandlers: RequestHandler[] = [
  http.get(`${BITBUCKET_API}/user`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    const { avatar, ...user } = bitbucketDemoUser
    return HttpResponse.json(
      {
        ...user,
        links: {
          self: { href: `${BITBUCKET_API}/users/${encodeURIComponent(user.uuid)}` },
          html: { href: `https://bitbucket.org/${encodeURIComponent(user.uuid)}/` },
          avatar: { href: avatar },
        },
      },
      { headers: scopeHeaders(caller) },
    )
  }),

  http.get(`${BITBUCKET_API}/user/emails`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    // The address used to sign in is the account's primary one.
    const emails = [
      { email: caller.email, is_primary: true, is_confirmed: true },
      ...bitbucketDemoEmails.filter((entry) => entry.email !== caller.email),
    ].map((entry) => ({
      type: 'email',
      ...entry,
      links: { self: { href: `${BITBUCKET_API}/user/emails/${encodeURIComponent(entry.email)}` } },
    }))
    return HttpResponse.json(paginate(request, emails), { headers: scopeHeaders(caller) })
  }),

  http.get(`${BITBUCKET_API}/user/workspaces`, ({ request }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    if (caller.kind === 'access-token') return lacksAccountScope()
    const values = bitbucketDemoWorkspaces.map((workspace) => ({
      type: 'workspace_access',
      administrator: workspace.administrator,
      workspace: workspaceBase(workspace),
      links: { self: { href: `${BITBUCKET_API}/user/workspaces/${workspace.slug}/permission` } },
    }))
    return HttpResponse.json(paginate(request, values), { headers: scopeHeaders(caller) })
  }),

  http.get(`${BITBUCKET_API}/workspaces/:workspace`, ({ request, params }) => {
    const caller = authenticate(request)
    if (!('kind' in caller)) return caller
    const workspace = findWorkspace(params.workspace)
    if (!workspace) return noWorkspace(params.workspace)
    return HttpResponse.json(
      {
        ...workspaceBase(workspace),
        is_private: workspace.is_private,
        created_on: '2021-06-01T08:00:00.000000+00:00',
      },
      { headers: scopeHeaders(caller) },
    )
  }),
]
