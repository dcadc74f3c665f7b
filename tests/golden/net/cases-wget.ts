// Golden cases for GNU Wget 1.21.3 against canned HTTP responses that netcat serves on pc1 (10.0.0.1):
// the default report for a non-terminal (dot progress), -O FILE / -O -, -q, -nv, -S, --spider, names
// taken (index.html.1), 404 and other errors, chunked and unknown lengths, redirects, refused,
// unreachable and unresolvable hosts, read timeouts, usage errors, --help and -V (first lines).
//
// Servers as in cases-curl.ts (served()). Files go to /tmp/nlcurl-w, removed after each case.
import type { NetCase } from './common.ts';
import { BASE } from './cases-ip.ts';
import { served } from './cases-curl.ts';

const c = (name: string, cmd: string, setup: string[] = BASE): NetCase => ({ name, topo: 'three', setup, host: 'pc1', cmd });

/** Runs `cmd` in an empty work directory, then lists and removes it. */
const inDir = (cmd: string): string => `mkdir -p /tmp/nlcurl-w && cd /tmp/nlcurl-w && { ${cmd}; }; echo '--- files'; ls; cd /; rm -rf /tmp/nlcurl-w`;

const OK = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/html\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n';
const NOT_FOUND = 'HTTP/1.1 404 Not Found\\r\\nContent-Type: text/html\\r\\nContent-Length: 10\\r\\n\\r\\nnot found\\n';
const CHUNKED = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n4\\r\\nabc\\n\\r\\nA\\r\\n0123456789\\r\\n0\\r\\n\\r\\n';
const CLOSE = 'HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nConnection: close\\r\\n\\r\\nuntil the end\\n';
const URL1 = 'http://10.0.0.1/';

export const WGET_CASES: NetCase[] = [
  c('wget-get', inDir(served(OK, `wget ${URL1}; echo rc=$?; cat index.html`))),
  c('wget-get-file', inDir(served(OK, 'wget http://10.0.0.1/dir/page.txt; echo rc=$?; cat page.txt'))),
  c('wget-no-scheme', inDir(served(OK, 'wget -nv 10.0.0.1; echo rc=$?'))),
  c('wget-taken', inDir(`touch index.html index.html.1; ${served(OK, `wget ${URL1}; echo rc=$?; cat index.html.2`)}`)),
  c('wget-O-file', inDir(served(OK, `wget -O out.txt ${URL1}; echo rc=$?; cat out.txt`))),
  c('wget-O-stdout', inDir(served(OK, `wget -O - ${URL1}; echo rc=$?`))),
  c('wget-qO-', inDir(served(OK, `wget -qO- ${URL1}; echo rc=$?`))),
  c('wget-q', inDir(served(OK, `wget -q ${URL1}; echo rc=$?`))),
  c('wget-nv', inDir(served(OK, `wget -nv ${URL1}; echo rc=$?`))),
  c('wget-S', inDir(served(OK, `wget -S ${URL1}; echo rc=$?`))),
  c('wget-spider', inDir(served(OK, `wget --spider ${URL1}; echo rc=$?`))),
  c('wget-spider-404', inDir(served(NOT_FOUND, `wget --spider ${URL1}nope; echo rc=$?`))),
  c('wget-404', inDir(served(NOT_FOUND, `wget ${URL1}missing; echo rc=$?`))),
  c('wget-404-nv', inDir(served(NOT_FOUND, `wget -nv ${URL1}missing; echo rc=$?`))),
  c('wget-500', inDir(served('HTTP/1.1 500 Internal Server Error\\r\\nContent-Length: 0\\r\\n\\r\\n', `wget -t 1 ${URL1}; echo rc=$?`))),
  c('wget-chunked', inDir(served(CHUNKED, `wget ${URL1}c.txt; echo rc=$?; cat c.txt`))),
  c('wget-close', inDir(served(CLOSE, `wget ${URL1}; echo rc=$?; cat index.html`))),
  c('wget-big', inDir(`head -c 120000 /dev/zero | tr '\\0' x > body; { printf 'HTTP/1.1 200 OK\\r\\nContent-Type: application/octet-stream\\r\\nContent-Length: 120000\\r\\n\\r\\n'; cat body; } > resp; ` +
    `timeout 5 nc -N -l 80 < resp > /dev/null & S=$!; sleep 0.3; wget -O got ${URL1}big; echo rc=$?; wait $S; cmp body got && echo same; rm -f body resp`)),
  c('wget-redirect', inDir(`printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\nnew\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /dev/null & T=$!; ` +
    served('HTTP/1.1 301 Moved Permanently\\r\\nLocation: http://10.0.0.1:8080/new.txt\\r\\nContent-Length: 6\\r\\n\\r\\nmoved\\n', `wget ${URL1}old; echo rc=$?; wait $T; rm -f /tmp/nlcurl-r2`))),
  c('wget-refused', inDir(`wget http://10.0.0.1:81/; echo rc=$?; wget -nv http://10.0.0.1:81/; echo rc=$?; wget -q http://10.0.0.1:81/; echo rc=$?`)),
  c('wget-unreachable', inDir('wget -t 1 http://172.16.0.1/; echo rc=$?')),
  c('wget-resolve', inDir('wget http://nosuch.invalid/; echo rc=$?; wget -nv http://nosuch.invalid/; echo rc=$?')),
  c('wget-timeout', inDir(`sleep 4 | timeout 6 nc -l 80 > /dev/null & S=$!; sleep 0.3; wget -T 1 -t 1 ${URL1}; echo rc=$?; exec 2>/dev/null; kill $S; wait`)),
  c('wget-empty-reply', inDir(`timeout 5 nc -N -l 80 < /dev/null > /dev/null & S=$!; sleep 0.3; wget -t 1 ${URL1}; echo rc=$?; wait $S`)),
  c('wget-bad-url', inDir("wget 'http://[x'; echo rc=$?; wget http://10.0.0.1:99999/; echo rc=$?; wget ftpx://a/; echo rc=$?; wget 'http://'; echo rc=$?")),
  c('wget-usage', 'wget; echo rc=$?; wget --bogus; echo rc=$?; wget -O; echo rc=$?'),
  c('wget-help', 'wget --help | head -8; echo rc=$?'),
  c('wget-version', 'wget -V | head -1; echo rc=$?'),
  // Second round.
  c('wget-more-multi', inDir(`printf 'HTTP/1.1 200 OK\\r\\nContent-Length: 4\\r\\n\\r\\ntwo\\n' > /tmp/nlcurl-r2; timeout 5 nc -N -l 8080 < /tmp/nlcurl-r2 > /dev/null & T=$!; ` +
    served(OK, `wget -nv ${URL1}one http://10.0.0.1:8080/two http://10.0.0.1:81/three; echo rc=$?; wait $T; rm -f /tmp/nlcurl-r2`))),
  c('wget-more-nv-stdout', inDir(served(OK, `wget -nv -O - ${URL1}; echo rc=$?`))),
  c('wget-more-headers-post', inDir(served(OK, `wget -q --header 'X-A: b' -U agent/1 --post-data 'a=1&b=2' ${URL1}form; echo rc=$?`))),
  c('wget-more-S-chunked', inDir(served(CHUNKED, `wget -S -O - ${URL1}; echo rc=$?`))),
  c('wget-more-empty-retry', inDir(`timeout 5 nc -N -l 80 < /dev/null > /dev/null & S=$!; sleep 0.3; wget -t 2 ${URL1}; echo rc=$?; wait $S`)),
  c('wget-more-short-body', inDir(served('HTTP/1.1 200 OK\\r\\nContent-Length: 20\\r\\n\\r\\nshort\\n', `wget -t 1 ${URL1}; echo rc=$?`))),
  c('wget-more-P', inDir(served(OK, `wget -q -P sub ${URL1}x.txt; echo rc=$?; cat sub/x.txt`))),
  c('wget-more-spider-plain', inDir(served(CLOSE, `wget --spider ${URL1}; echo rc=$?`))),
  c('wget-more-garbage', inDir(served('garbage\\n', `wget -t 1 ${URL1}; echo rc=$?`))),
  c('wget-more-zero-length', inDir(served('HTTP/1.1 200 OK\\r\\nContent-Length: 0\\r\\n\\r\\n', `wget ${URL1}; echo rc=$?`))),
  c('wget-more-cut-head', inDir(served('HTTP/1.1 200 OK\\r\\nContent-Le', `wget -t 1 ${URL1}; echo rc=$?`))),
  c('wget-more-query', inDir(served(OK, `wget -nv '${URL1}x?y=1'; echo rc=$?`))),
];
