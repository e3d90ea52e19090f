#!/bin/sh
# Runs before the nginx image's envsubst step (deploy/Dockerfile): refuses to start with settings
# that would render deploy/nginx.conf wrong, instead of serving a console that cannot work.
set -eu
fail() {
  echo "$0: $1" >&2
  exit 1
}
[ -n "${CONSOLE_CONNECT_SRC:-}" ] ||
  fail 'set CONSOLE_CONNECT_SRC to the origins of apiBaseUrl and oidc.authority in config.json (space-separated), e.g. "https://scaikey.example.com"; the Content-Security-Policy lets the console call only those.'
case "${CONSOLE_BASE_PATH:-}" in
  /*/ | /) ;;
  *) fail "CONSOLE_BASE_PATH must start and end with \"/\" (e.g. /console/), not \"${CONSOLE_BASE_PATH:-}\"." ;;
esac
case "$CONSOLE_CONNECT_SRC" in
  *\;* | *\"* | *\'*) fail 'CONSOLE_CONNECT_SRC holds origins only (no ; or quotes).' ;;
esac
