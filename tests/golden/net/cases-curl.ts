// Golden cases for curl 7.88.1 against canned HTTP responses that netcat serves on pc1 (10.0.0.1) and
// pc2 (10.0.0.2): the body alone, -s/-S, the progress meter, -v's lines, -i, -I, -o, -O, -L, -X/-H/-d/-A,
// -f, -w, Content-Length, chunked and close-delimited bodies, empty replies and garbage, refused,
// unreachable and unresolvable hosts, malformed URLs, timeouts, usage errors, --help.
//
// A server is `nc -N -l PORT` fed the response from a file: it sends it as soon as a client connects,
// keeps what the client sent (printed with cat -v after the case, so the request is compared too) and
// ends when the client closes. Work files live in /tmp/nlcurl-* and are removed.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';

const c = (name: string, cmd: string, setup: string[] = BASE): NetCase => ({ name, topo: 'three', setup, host: 'pc1', cmd });

/** Starts a server on pc1's PORT answering `resp` (printf format), before `cmd`; prints what it received after. */
export function served(resp: string, cmd: string, port = 80): string {
  const r = `/tmp/nlcurl-r${port}`, q = `/tmp/nlcurl-q${port}`;
  return `printf '${resp}' > ${r}; timeout 5 nc -N -l ${port} < ${r} > ${q} & S=$!; sleep 0.3; ${cmd}; wait $S; echo '--- request'; cat -v ${q}; rm -f ${r} ${q}`;
}

const OK = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n';
const NOT_FOUND = 'HTTP/1.1 404 Not Found\\r\\nContent-Type: text/html\\r\\nContent-Length: 10\\r\\n\\r\\nnot found\\n';
const CHUNKED = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n4\\r\\nabc\\n\\r\\nA\\r\\n0123456789\\r\\n0\\r\\n\\r\\n';
const CLOSE = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\nuntil the end\\n';
const URL1 = 'http://10.0.0.1/';

export const CURL_CASES: NetCase[] = [
  c('curl-get-s', served(OK, `curl -s ${URL1}; echo rc=$?`)),
  // stdout is a pipe: the progress meter goes to stderr.
  c('curl-get-meter', served(OK, `curl ${URL1}; echo rc=$?`)),
  c('curl-no-scheme', served(OK, 'curl -s 10.0.0.1; echo rc=$?')),
  c('curl-v', served(OK, `curl -sv ${URL1}; echo rc=$?`)),
  c('curl-v-meter', served(OK, `curl -v ${URL1}; echo rc=$?`)),
  c('curl-i', served(OK, `curl -si ${URL1}; echo rc=$?`)),
  c('curl-I', served('HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: 6\\r\\n\\r\\n', `curl -sI ${URL1}; echo rc=$?`)),
  c('curl-o', served(OK, `curl -s -o /tmp/nlcurl-out ${URL1}; echo rc=$?; cat /tmp/nlcurl-out; rm -f /tmp/nlcurl-out`)),
  c('curl-o-meter', served(OK, `curl -o /tmp/nlcurl-out ${URL1}; echo rc=$?; cat /tmp/nlcurl-out; rm -f /tmp/nlcurl-out`)),
  c('curl-O', served(OK, 'mkdir -p /tmp/nlcurl-d && cd /tmp/nlcurl-d && curl -sO http://10.0.0.1/dir/page.txt; echo rc=$?; ls; cat page.txt; cd /; rm -rf /tmp/nlcurl-d')),
  c('curl-O-noname', 'curl -sO http://10.0.0.1/; echo rc=$?; curl -O http://10.0.0.1; echo rc=$?'),
  c('curl-port', served(OK, 'curl -s http://10.0.0.1:8080/x?y=1; echo rc=$?', 8080)),
  c('curl-X-H-d', served(OK, `curl -s -X PUT -H 'X-Extra: yes' -H 'Accept: text/plain' -d 'a=1&b=2' ${URL1}form; echo rc=$?`)),
  c('curl-d-post-v', served(OK, `curl -sv -d hello ${URL1}post; echo rc=$?`)),
  c('curl-A', served(OK, `curl -s -A 'Mozilla/5.0 (test)' ${URL1}; echo rc=$?`)),
  c('curl-H-remove', served(OK, `curl -s -H 'User-Agent:' -H 'Host: example.org' ${URL1}; echo rc=$?`)),
  c('curl-404', served(NOT_FOUND, `curl -s ${URL1}missing; echo rc=$?`)),
  c('curl-f-404', served(NOT_FOUND, `curl -sf ${URL1}missing; echo rc=$?`)),
  c('curl-f-404-loud', served(NOT_FOUND, `curl -f ${URL1}missing; echo rc=$?`)),
  c('curl-f-404-S', served(NOT_FOUND, `curl -sSf ${URL1}missing; echo rc=$?`)),
  c('curl-w', served(OK, `curl -s -o /dev/null -w '%{http_code} %{response_code} %{size_download} %{size_header} %{content_type} %{num_redirects} %{url_effective} %{remote_ip} %{remote_port} %{method} %{scheme} %{http_version} %{exitcode}\\n' ${URL1}; echo rc=$?`)),
  c('curl-w-404', served(NOT_FOUND, `curl -s -w 'code=%{http_code}\\n' ${URL1}x; echo rc=$?`)),
  c('curl-chunked', served(CHUNKED, `curl -s ${URL1}; echo rc=$?`)),
  c('curl-chunked-v', served(CHUNKED, `curl -sv ${URL1}; echo rc=$?`)),
  c('curl-close', served(CLOSE, `curl -s ${URL1}; echo rc=$?`)),
  c('curl-close-v', served(CLOSE, `curl -sv ${URL1}; echo rc=$?`)),
  c('curl-http10', served('HTTP/1.0 200 OK\\r\\nContent-Type: text/plain\\r\\n\\r\\nold\\n', `curl -sv ${URL1}; echo rc=$?`)),
  c('curl-empty-reply', `timeout 5 nc -N -l 80 < /dev/null > /dev/null & S=$!; sleep 0.3; curl ${URL1}; echo rc=$?; curl -sS ${URL1}; echo rc=$?; wait $S`),
  c('curl-empty-reply-v', `timeout 5 nc -N -l 80 < /dev/null > /dev/null & S=$!; sleep 0.3; curl -sv ${URL1}; echo rc=$?; wait $S`),
  c('curl-garbage', served('garbage\\n', `curl -s ${URL1}; echo rc=$?; curl -sS ${URL1}; echo rc=$?`)),
  c('curl-short-body', served('HTTP/1.1 200 OK\\r\\nContent-Length: 20\\r\\n\\r\\nshort\\n', `curl -sS ${URL1}; echo rc=$?`)),
  c('curl-L', `printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nnew\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /dev/null & T=$!; ` +
    served('HTTP/1.1 301 Moved Permanently\\r\\nLocation: http://10.0.0.1:8080/new\\r\\nContent-Length: 6\\r\\n\\r\\nmoved\\n', `curl -sv -L ${URL1}old; echo rc=$?; wait $T; rm -f /tmp/nlcurl-r2`)),
  c('curl-L-w', `printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nnew\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /dev/null & T=$!; ` +
    served('HTTP/1.1 302 Found\\r\\nLocation: http://10.0.0.1:8080/new\\r\\nContent-Length: 0\\r\\n\\r\\n', `curl -s -L -w '%{http_code} %{num_redirects} %{url_effective}\\n' ${URL1}old; echo rc=$?; wait $T; rm -f /tmp/nlcurl-r2`)),
  c('curl-no-L', served('HTTP/1.1 302 Found\\r\\nLocation: /elsewhere\\r\\nContent-Length: 6\\r\\n\\r\\nmoved\\n', `curl -s -w '%{redirect_url}\\n' ${URL1}; echo rc=$?`)),
  c('curl-remote', `printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 7\\r\\n\\r\\nremote\\n' > /tmp/nlcurl-rr; curl -s http://10.0.0.2/; echo rc=$?; rm -f /tmp/nlcurl-rr`,
    [...BASE, "pc2: printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 7\\r\\n\\r\\nremote\\n' > /tmp/nlcurl-pc2; (timeout 10 nc -N -l 80 < /tmp/nlcurl-pc2 > /dev/null 2>&1 &); sleep 0.3"]),
  c('curl-refused', `curl http://10.0.0.1:81/; echo rc=$?; curl -s http://10.0.0.1:81/; echo rc=$?; curl -sS 10.0.0.2:81; echo rc=$?; curl -sv 10.0.0.1:81; echo rc=$?`),
  c('curl-unreachable', `curl -sS http://172.16.0.1/; echo rc=$?; curl -sv http://172.16.0.1/; echo rc=$?`),
  c('curl-connect-timeout', `curl -sS --connect-timeout 1 http://10.0.0.9/; echo rc=$?`),
  c('curl-no-host-route', `curl -sS http://10.0.0.9/; echo rc=$?`),
  c('curl-max-time', `sleep 3 | timeout 5 nc -l 80 > /dev/null & S=$!; sleep 0.3; curl -sS -m 1 ${URL1}; echo rc=$?; exec 2>/dev/null; kill $S; wait`),
  c('curl-resolve', 'curl http://nosuch.invalid/; echo rc=$?; curl -sS nosuch.invalid; echo rc=$?; curl -sv http://nosuch.invalid:8080/; echo rc=$?'),
  c('curl-bad-url', "curl -sS 'http://[x'; echo rc=$?; curl -sS http://10.0.0.1:99999/; echo rc=$?; curl -sS ''; echo rc=$?; curl -sS 'http://'; echo rc=$?; curl 'http:/x'; echo rc=$?"),
  c('curl-bad-scheme', 'curl -sS gopherz://10.0.0.1/; echo rc=$?; curl ftpx://a; echo rc=$?'),
  c('curl-usage', 'curl; echo rc=$?; curl --bogus; echo rc=$?; curl -Q 2>&1 | head -3; curl -o; echo rc=$?; curl -s -w; echo rc=$?'),
  c('curl-help', 'curl --help; echo rc=$?; curl -h; echo rc=$?'),
  c('curl-version', 'curl -V | head -2; echo rc=$?'),
  c('curl-two-urls', served(OK, `curl -s ${URL1} http://10.0.0.1:81/; echo rc=$?`)),
  // Second round: more options and more ways for a server to misbehave.
  c('curl-more-I-meter', served('HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: 6\\r\\n\\r\\n', `curl -I ${URL1}; echo rc=$?`)),
  c('curl-more-big-header', `{ printf 'HTTP/1.1 200 OK\\r\\nX-Big: '; head -c 110000 /dev/zero | tr '\\0' a; printf '\\r\\nContent-Length: 3\\r\\n\\r\\nhi\\n'; } > /tmp/nlcurl-big; ` +
    `timeout 5 nc -N -l 80 < /tmp/nlcurl-big > /dev/null & S=$!; sleep 0.3; curl -sS ${URL1} | head -c 20; echo rc=$?; wait $S; rm -f /tmp/nlcurl-big`),
  c('curl-more-o-nodir', served(OK, `curl -o /nonexistent/x ${URL1}; echo rc=$?`)),
  c('curl-more-w-unknown', served(OK, `curl -s -o /dev/null -w '%{bogus} %{http_code}\\n' ${URL1}; echo rc=$?`)),
  c('curl-more-i-L', `printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nnew\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /dev/null & T=$!; ` +
    served('HTTP/1.1 301 Moved Permanently\\r\\nLocation: http://10.0.0.1:8080/new\\r\\nContent-Length: 6\\r\\n\\r\\nmoved\\n', `curl -siL ${URL1}old; echo rc=$?; wait $T; rm -f /tmp/nlcurl-r2`)),
  c('curl-more-post-302', `printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nnew\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /tmp/nlcurl-q2 & T=$!; ` +
    served('HTTP/1.1 302 Found\\r\\nLocation: http://10.0.0.1:8080/new\\r\\nContent-Length: 0\\r\\n\\r\\n', `curl -s -L -d x=1 ${URL1}form; echo rc=$?; wait $T; cat -v /tmp/nlcurl-q2; rm -f /tmp/nlcurl-r2 /tmp/nlcurl-q2`)),
  c('curl-more-d-file', served(OK, `printf 'a=1\\nb=2\\n' > /tmp/nlcurl-d; curl -s -d @/tmp/nlcurl-d ${URL1}; echo rc=$?; rm -f /tmp/nlcurl-d`)),
  c('curl-more-fv', served(NOT_FOUND, `curl -svf ${URL1}x; echo rc=$?`)),
  c('curl-more-meter-big', `head -c 120000 /dev/zero > /tmp/nlcurl-body; { printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 120000\\r\\n\\r\\n'; cat /tmp/nlcurl-body; } > /tmp/nlcurl-big; ` +
    `timeout 5 nc -N -l 80 < /tmp/nlcurl-big > /dev/null & S=$!; sleep 0.3; curl -o /tmp/nlcurl-got ${URL1}; echo rc=$?; wait $S; cmp /tmp/nlcurl-body /tmp/nlcurl-got && echo same; rm -f /tmp/nlcurl-body /tmp/nlcurl-big /tmp/nlcurl-got`),
  c('curl-more-bad-chunk', served('HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\nabc\\r\\n', `curl -sS ${URL1}; echo rc=$?`)),
  c('curl-more-bad-length', served('HTTP/1.1 200 OK\\r\\nContent-Length: abc\\r\\n\\r\\nabc', `curl -sS ${URL1}; echo rc=$?`)),
  c('curl-more-bad-status', served('HTTP/1.1 abc\\r\\n\\r\\n', `curl -sS ${URL1}; echo rc=$?`)),
  c('curl-more-user-referer', served(OK, `curl -s -u alice:secret -e http://from/ ${URL1}; echo rc=$?`)),
  c('curl-more-cut-head', served('HTTP/1.1 200 OK\\r\\nContent-Le', `curl -sS ${URL1}; echo rc=$?; curl -sSv ${URL1}; echo rc=$?`)),
  c('curl-data-forms', served(OK, `printf 'x y\\r\\nz\\n' > /tmp/nlcurl-d; curl -s -d @/tmp/nlcurl-d --data-binary @/tmp/nlcurl-d --data-raw @raw --data-urlencode 'q=a b&c/é' --data-urlencode '=~x y' --data-urlencode plain ${URL1}; echo rc=$?; rm -f /tmp/nlcurl-d`)),
  c('curl-G', served(OK, `curl -s -G -d a=1 -d b=2 '${URL1}p?x=0'; echo rc=$?`)),
  c('curl-D', served(OK, `curl -s -D /tmp/nlcurl-h -o /dev/null ${URL1}; echo rc=$?; cat -v /tmp/nlcurl-h; rm -f /tmp/nlcurl-h`)),
  c('curl-resolve-opt', served(OK, `curl -sv --resolve web:80:10.0.0.1 http://web/; echo rc=$?; curl -sS --resolve bad http://web/; echo rc=$?`)),
  c('curl-more-chunk-short', served('HTTP/1.1 200 OK\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n10\\r\\nabc', `curl -sS ${URL1}; echo; echo rc=$?`)),
];
