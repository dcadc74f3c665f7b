#!/bin/sh
# The document tree of the recordings, under $1 (html/ ... ); the same commands build it in the guests.
set -eu
cd "$1"
mkdir -p html/pics/sub html/noindex html/empty
printf 'hello world\n' > html/hello.txt
printf 'body { color: red; }\n' > html/style.css
printf '{"a": 1}\n' > html/data.json
/usr/bin/printf '\211PNG\r\n\032\n' > html/pics/a.png
printf 'some notes\n' > html/pics/notes.txt
printf 'spaced\n' > 'html/pics/with space.txt'
printf 'x\n' > html/noindex/x.txt
touch -d '2024-03-05 10:20:30 UTC' html/hello.txt html/style.css html/data.json html/pics/a.png html/pics/notes.txt 'html/pics/with space.txt' html/noindex/x.txt
touch -d '2024-03-06 11:00:00 UTC' html/pics/sub html/pics html/noindex html/empty html
