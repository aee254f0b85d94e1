/**
 * A real smart-HTTP git server on loopback: Debian's `git http-backend` (git-http-backend(1)) run
 * by `fcgiwrap` behind an `nginx` of our own: its own prefix, config, pid and logs in a temp
 * folder, so no system nginx is needed or touched, and it runs as any user. nginx adds no CORS
 * headers, like most git hosts: a browser can read it only through the CORS proxy.
 *
 * `/private.git` sits behind `auth_basic`. Its password file uses the `{SSHA}` scheme, which
 * nginx's auth_basic_user_file documents (https://nginx.org/en/docs/http/ngx_http_auth_basic_module.html),
 * so Node's crypto makes it without openssl or apache2-utils.
 */
import { createHash, randomBytes } from 'node:crypto'
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import { freePort, HOST, startProcess, stopProcess, type Started } from './processes.ts'

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
export const FCGIWRAP = process.env.FCGIWRAP_PATH ?? '/usr/sbin/fcgiwrap'
export const GIT_HTTP_BACKEND = process.env.GIT_HTTP_BACKEND ?? '/usr/lib/git-core/git-http-backend'

export const PRIVATE_USER = 'bea'

function sshaEntry(user: string, password: string): string {
  const salt = randomBytes(8)
  const digest = createHash('sha1').update(password).update(salt).digest()
  return `${user}:{SSHA}${Buffer.concat([digest, salt]).toString('base64')}\n`
}

function backendParams(root: string, fastcgi: number): string {
  // The CGI variables git-http-backend(1) reads; GIT_HTTP_EXPORT_ALL serves every repository.
  return `
      fastcgi_pass ${HOST}:${fastcgi};
      fastcgi_param SCRIPT_FILENAME ${GIT_HTTP_BACKEND};
      fastcgi_param GIT_PROJECT_ROOT ${root};
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param PATH_INFO $uri;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
      fastcgi_param REMOTE_USER $remote_user;
      fastcgi_param REMOTE_ADDR $remote_addr;
      fastcgi_param GIT_PROTOCOL $http_git_protocol;`
}

function nginxConfig(prefix: string, root: string, port: number, fastcgi: number): string {
  const temp = (name: string) => `${name}_temp_path ${join(prefix, 'temp', name)};`
  // A root master hands requests to unprivileged workers; as anyone else, `user` is ignored.
  const user = process.getuid?.() === 0 ? 'user nobody nogroup;' : ''
  return `${user}
daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 128; }
http {
  access_log ${join(prefix, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  server {
    listen ${HOST}:${port};
    location ~ ^/private\\.git(/.*)?$ {
      auth_basic "private git";
      auth_basic_user_file ${join(prefix, 'htpasswd')};${backendParams(root, fastcgi)}
    }
    location ~ ^/[^/]+\\.git(/.*)?$ {${backendParams(root, fastcgi)}
    }
  }
}
`
}

export interface GitHttpServer {
  url: string
  stop: () => Promise<void>
}

export async function startGitHttpServer(
  prefix: string,
  root: string,
  password: string,
): Promise<GitHttpServer> {
  mkdirSync(join(prefix, 'temp'), { recursive: true })
  // Workers of a root master run as nobody: they must reach the password file.
  chmodSync(prefix, 0o755)
  writeFileSync(join(prefix, 'htpasswd'), sshaEntry(PRIVATE_USER, password), { mode: 0o644 })
  const [port, fastcgi] = [await freePort(), await freePort()]
  writeFileSync(join(prefix, 'nginx.conf'), nginxConfig(prefix, root, port, fastcgi))

  const started: Started[] = []
  try {
    started.push(
      await startProcess('fcgiwrap', FCGIWRAP, ['-f', '-s', `tcp:${HOST}:${fastcgi}`], fastcgi, {
        // git refuses repositories owned by someone else; these belong to whoever runs the tests.
        env: { ...process.env, HOME: prefix, USER: userInfo().username },
      }),
    )
    started.push(
      await startProcess(
        'nginx',
        NGINX,
        ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-e', join(prefix, 'error.log')],
        port,
      ),
    )
  } catch (error) {
    for (const child of started.reverse()) await stopProcess(child)
    throw error
  }
  return {
    url: `http://${HOST}:${port}`,
    stop: async () => {
      for (const child of started.reverse()) await stopProcess(child)
    },
  }
}
