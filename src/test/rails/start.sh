#!/usr/bin/env bash
# Starts the Rails ActionCable reference server in the foreground on 127.0.0.1:PORT.
#   src/test/rails/start.sh PORT        (then kill its PID to stop it: puma replaces this shell)
# Environment (all optional):
#   CABLE_DEMO_SECRET      JWT HS256 secret (default: "demo-secret")
#   CABLE_BROADCAST_KEY    bearer key for POST /_broadcast (default: "demo-key")
#   CABLE_ALLOWED_ORIGINS  comma-separated origins; unset = forgery protection off
#   CABLE_LOG_LEVEL        debug|info|warn|error (default warn)
#   CABLE_WORKER_POOL      ActionCable worker threads (default 4)
#   CABLE_THREADS          puma threads (default 5)
#   CABLE_PIDFILE          where puma writes its PID (default /tmp/cable-reference-PORT.pid)
# Needs the Debian packages listed in debian-packages (ruby ruby-actioncable puma ruby-jwt).
set -euo pipefail
PORT="${1:-${CABLE_PORT:-8080}}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export CABLE_DEMO_SECRET="${CABLE_DEMO_SECRET-demo-secret}"
export CABLE_BROADCAST_KEY="${CABLE_BROADCAST_KEY-demo-key}"
THREADS="${CABLE_THREADS:-5}"
PIDFILE="${CABLE_PIDFILE:-/tmp/cable-reference-$PORT.pid}"
echo $$ > "$PIDFILE"
cd "$HERE"
exec puma --environment production --bind "tcp://127.0.0.1:$PORT" --threads "$THREADS:$THREADS" \
  --workers 0 --pidfile "$PIDFILE" config.ru
