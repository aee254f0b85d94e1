/** The authenticated user: profile, email addresses and organizations. */
import { HttpResponse, type RequestHandler } from 'msw'
import { githubDemoEmails, githubDemoOrgs, githubNoreplyEmail } from '../../data/github.ts'
import { route } from './context.ts'
import { jsonWithEtag } from './etag.ts'
import { githubHeaders } from './headers.ts'
import { paginate } from './pagination.ts'
import { orgPayload, userPayload } from './payloads.ts'

export const accountHandlers: RequestHandler[] = [
  // https://docs.github.com/en/rest/users/users#get-the-authenticated-user
  ...route('get', '/user', ({ site, token }) => {
    const headers = githubHeaders(site, token)
    headers.set('x-accepted-oauth-scopes', '')
    return HttpResponse.json(userPayload(site), { headers })
  }),
  // https://docs.github.com/en/rest/users/emails#list-email-addresses-for-the-authenticated-user
  ...route('get', '/user/emails', ({ site, token }) => {
    const headers = githubHeaders(site, token)
    headers.set('x-accepted-oauth-scopes', 'user, user:email')
    const noreply = {
      email: githubNoreplyEmail(site.noreplyDomain),
      primary: false,
      verified: true,
      visibility: null,
    }
    return HttpResponse.json([...githubDemoEmails, noreply], { headers })
  }),
  // https://docs.github.com/en/rest/orgs/orgs#list-organizations-for-the-authenticated-user
  ...route('get', '/user/orgs', (context) => {
    const { slice, link } = paginate(context.request, githubDemoOrgs)
    return jsonWithEtag(
      context,
      slice.map((org) => orgPayload(context.site, org)),
      { link },
    )
  }),
]
