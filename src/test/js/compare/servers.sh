#!/usr/bin/env bash
# Starts (or stops) the two servers the comparison needs, both with the same settings:
#   servers.sh start [RAILS_PORT] [JCABLE_PORT]    (default 18300 18301)
#   servers.sh stop  [RAILS_PORT] [JCABLE_PORT]
# The Rails reference runs from src/test/rails (override: REFERENCE_DIR), JCable's demo
# from this worktree (mvn -Pdemo). Logs and PIDs go to $LOG_DIR (default /tmp/jcable-compare).
# Both get CABLE_ALLOWED_ORIGINS=http://good.example (override: ORIGINS) for the origin scenarios.
set -euo pipefail
ACTION="${1:-start}"
RAILS_PORT="${2:-18300}"
JCABLE_PORT="${3:-18301}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../../.." && pwd)"
REFERENCE_DIR="${REFERENCE_DIR:-$ROOT/src/test/rails}"
LOG_DIR="${LOG_DIR:-/tmp/jcable-compare}"
mkdir -p "$LOG_DIR"
export CABLE_DEMO_SECRET="${CABLE_DEMO_SECRET:-demo-secret}"
export CABLE_BROADCAST_KEY="${CABLE_BROADCAST_KEY:-demo-key}"
export CABLE_ALLOWED_ORIGINS="${ORIGINS-http://good.example}"

wait_port() {
  for _ in $(seq 1 "${2:-600}"); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "nothing listens on port $1" >&2
  return 1
}

stop_pid() {
  local file="$1"
  [[ -s "$file" ]] || return 0
  local pid
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
  fi
  rm -f "$file"
}

case "$ACTION" in
  start)
    CABLE_LOG_LEVEL="${CABLE_LOG_LEVEL:-info}" CABLE_PIDFILE="$LOG_DIR/rails-$RAILS_PORT.pid" \
      setsid nohup "$REFERENCE_DIR/start.sh" "$RAILS_PORT" > "$LOG_DIR/rails-$RAILS_PORT.log" 2>&1 < /dev/null &
    # One simple command in the background, so that $! is the JVM itself (mvn execs java).
    cd "$ROOT"
    CABLE_PORT="$JCABLE_PORT" setsid nohup mvn -q -Pdemo > "$LOG_DIR/jcable-$JCABLE_PORT.log" 2>&1 < /dev/null &
    echo $! > "$LOG_DIR/jcable-$JCABLE_PORT.pid"
    cd - > /dev/null
    wait_port "$RAILS_PORT" && wait_port "$JCABLE_PORT"
    echo "Rails reference on $RAILS_PORT (log $LOG_DIR/rails-$RAILS_PORT.log)"
    echo "JCable demo on $JCABLE_PORT (log $LOG_DIR/jcable-$JCABLE_PORT.log)"
    ;;
  stop)
    stop_pid "$LOG_DIR/rails-$RAILS_PORT.pid"
    stop_pid "$LOG_DIR/jcable-$JCABLE_PORT.pid"
    ;;
  *)
    echo "usage: $0 start|stop [RAILS_PORT] [JCABLE_PORT]" >&2
    exit 2
    ;;
esac
