#!/usr/bin/env bash
# Restarts a reference server started by start.sh PORT: kills the PID in its pidfile,
# waits for it to exit, starts a new one in the background (same environment), and waits
# until it accepts connections again. For a test that restarts the server under its clients.
#   src/test/rails/restart.sh PORT [LOGFILE]
set -euo pipefail
PORT="$1"
LOG="${2:-/tmp/cable-reference-$PORT.log}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PIDFILE="${CABLE_PIDFILE:-/tmp/cable-reference-$PORT.pid}"
if [[ -s "$PIDFILE" ]]; then
  OLD="$(cat "$PIDFILE")"
  if kill -0 "$OLD" 2>/dev/null; then
    kill "$OLD"
    for _ in $(seq 1 100); do kill -0 "$OLD" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$OLD" 2>/dev/null && kill -9 "$OLD"
  fi
fi
setsid nohup "$HERE/start.sh" "$PORT" >>"$LOG" 2>&1 < /dev/null &
for _ in $(seq 1 150); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then exit 0; fi
  sleep 0.1
done
echo "reference server did not come back on port $PORT" >&2
exit 1
