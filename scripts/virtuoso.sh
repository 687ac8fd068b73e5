#!/usr/bin/env bash
# A private Virtuoso (Debian package virtuoso-opensource) for the store tests: the real SPARQL
# server the `sparql:` backend is tested against.
#
#   scripts/virtuoso.sh install        install the package without letting it start its own
#                                      service (a policy-rc.d forbids it during the install)
#   scripts/virtuoso.sh start [DIR]    start an instance bound to 127.0.0.1 on free ports, with its
#                                      database in DIR (default: a new temporary folder), grant
#                                      SPARQL UPDATE, wait until it answers, print the endpoint URL
#   scripts/virtuoso.sh stop DIR       stop the instance started in DIR and delete DIR
#
# The instance only listens on loopback, keeps everything in DIR and is stopped by its pid.
set -euo pipefail

VIRTUOSO_BIN=${VIRTUOSO_BIN:-$(command -v virtuoso-t || true)}
ISQL_BIN=${ISQL_BIN:-$(command -v isql-vt || command -v isql || true)}

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

install_package() {
  if dpkg -s virtuoso-opensource >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" = 0 ] || die "install needs root"
  local created=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    # exit 101: "action forbidden" — the package's postinst must not start a service on all interfaces
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    created=1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null
  [ "$created" = 1 ] && rm -f /usr/sbin/policy-rc.d
  # in case a service started anyway (no policy-rc.d support), stop it
  if command -v service >/dev/null && service virtuoso-opensource-7 status >/dev/null 2>&1; then
    service virtuoso-opensource-7 stop >/dev/null 2>&1 || true
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  [ -n "$VIRTUOSO_BIN" ] || die "virtuoso-t not installed (scripts/virtuoso.sh install)"
  [ -n "$ISQL_BIN" ] || die "isql-vt not installed"
  local dir=${1:-}
  if [ -z "$dir" ]; then dir=$(mktemp -d -t budgetkg-virtuoso.XXXXXX); fi
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  local sql_port http_port
  sql_port=$(free_port)
  http_port=$(free_port)
  while [ "$http_port" = "$sql_port" ]; do http_port=$(free_port); done
  cat > "$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile       = $dir/virtuoso.db
ErrorLogFile       = $dir/virtuoso.log
LockFile           = $dir/virtuoso.lck
TransactionFile    = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $dir/virtuoso-temp.db
TransactionFile    = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = 127.0.0.1:$sql_port
LiteMode                 = 0
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 60
O_DIRECT                 = 0
CaseMode                 = 2
MaxStaticCursorRows      = 5000
CheckpointAuditTrail     = 0
AllowOSCalls             = 0
SchedulerInterval        = 10
DirsAllowed              = ., $dir
ThreadCleanupInterval    = 0
ThreadThreshold          = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize        = 100000
SingleCPU                = 0
PrefixResultNames        = 0
RdfFreeTextRulesSize     = 100
IndexTreeMaps            = 64
MaxQueryMem              = 1G
VectorSize               = 1000
MaxVectorSize            = 1000000
AdjustVectorSize         = 0
ThreadsPerQuery          = 4
AsyncQueueMaxThreads     = 10
NumberOfBuffers          = 20000
MaxDirtyBuffers          = 15000

[HTTPServer]
ServerPort                  = 127.0.0.1:$http_port
ServerRoot                  = $dir
MaxClientConnections        = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
TempASPXDir                 = 0
ServerThreads               = 10
MaxKeepAlives               = 10
KeepAliveTimeout            = 10
HTTPThreadSize              = 280000
HttpPrintWarningsInOutput   = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS  = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT  = 0
SQL_TXN_TIMEOUT    = 0

[URIQA]
DynamicLocal = 0
DefaultHost  = 127.0.0.1:$http_port

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 300
MaxSortedTopRows           = 100000
DefaultQuery               = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit    = 0
EOF
  echo "$sql_port" > "$dir/sql.port"
  echo "$http_port" > "$dir/http.port"
  ( cd "$dir" && exec "$VIRTUOSO_BIN" +foreground +configfile "$dir/virtuoso.ini" ) \
      > "$dir/stdout.log" 2>&1 < /dev/null &
  echo $! > "$dir/virtuoso.pid"
  local url="http://127.0.0.1:$http_port/sparql"
  # wait until the SQL port takes the grants and the HTTP endpoint answers (start-up creates the
  # database the first time: usually a few seconds, allow two minutes on a slow machine)
  local i
  for i in $(seq 1 240); do
    if ! kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null; then
      tail -20 "$dir/virtuoso.log" "$dir/stdout.log" >&2 2>/dev/null || true
      die "virtuoso exited during start-up (see $dir)"
    fi
    if "$ISQL_BIN" "127.0.0.1:$sql_port" dba dba \
         exec="GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" \
         >/dev/null 2>&1; then
      if python3 - "$url" <<'PY'
import sys, urllib.parse, urllib.request
data = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
req = urllib.request.Request(sys.argv[1], data=data,
                             headers={"Accept": "application/sparql-results+json"})
urllib.request.urlopen(req, timeout=5).read()
PY
      then
        echo "$url" > "$dir/url"
        echo "$url"
        return 0
      fi
    fi
    sleep 0.5
  done
  stop "$dir"
  die "virtuoso did not become ready"
}

stop() {
  local dir=${1:?usage: virtuoso.sh stop DIR}
  [ -f "$dir/virtuoso.ini" ] || die "$dir is not a virtuoso.sh instance"
  if [ -f "$dir/virtuoso.pid" ]; then
    local pid i
    pid=$(cat "$dir/virtuoso.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install_package ;;
  start) shift; start "${1:-}" ;;
  stop) shift; stop "${1:-}" ;;
  *) echo "usage: $0 install | start [DIR] | stop DIR" >&2; exit 2 ;;
esac
