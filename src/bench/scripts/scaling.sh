#!/usr/bin/env bash
# Past one machine, demonstrated on one: a TDB2 store built once by `fentanyl-kg load`, copied to two stateless
# read-only replicas (`serve --tdb2`), behind nginx on loopback; the same load tool (wrk) measures one replica
# alone and then the two behind the balancer. A benchmark, not a test: it prints figures and writes them into
# docs/scaling.md between its markers. Everything binds 127.0.0.1; every process it starts is stopped on exit.
#
#   src/bench/scripts/scaling.sh                     # needs target/fentanyl-kg.jar (mvn -DskipTests package), wrk, nginx
#   JAR=target-x/fentanyl-kg.jar DURATION=20s CONNECTIONS=16 src/bench/scripts/scaling.sh
#
# PIN=1 (the default, when taskset exists and there are 2+ cores) puts each replica on a core of its own
# (replica 1 on CPU 0, replica 2 on CPU 1), so that one replica against two stands for one machine against two;
# PIN=0 lets both use every core (then two replicas on one machine only share it).
set -euo pipefail

cd "$(dirname "$0")/../../.."
JAR=${JAR:-target/fentanyl-kg.jar}
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
HEAP=${HEAP:-512m}
DOC=${DOC:-docs/scaling.md}
PIN=${PIN:-$([ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null && echo 1 || echo 0)}
QUERIES=${QUERIES:-"sanctioned-entities precursor-chain"}

[ -f "$JAR" ] || { echo "no $JAR: build it first (mvn -DskipTests package)" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
if ! command -v nginx >/dev/null; then
    if [ "$(id -u)" = 0 ]; then apt-get install -y nginx-light >/dev/null; else echo "nginx is not installed (apt-get install -y nginx-light)" >&2; exit 2; fi
fi

WORK=$(mktemp -d /tmp/fkg-scaling.XXXXXX)
PIDS=()
cleanup() {
    for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_up() {  # port
    for _ in $(seq 1 240); do
        curl -sf -o /dev/null "http://127.0.0.1:$1/\$/ping" && return 0
        sleep 0.5
    done
    echo "server on port $1 did not come up" >&2; exit 1
}

echo "== load: one TDB2 store from the sources"
java -jar "$JAR" load --tdb2 "$WORK/store" | tail -1

echo "== replicas: two copies of the store, each served read-only"
cp -r "$WORK/store" "$WORK/replica1"
cp -r "$WORK/store" "$WORK/replica2"
P1=$(free_port); P2=$(free_port); PLB=$(free_port)
start_replica() {  # dir port cpu
    local cmd=(java "-Xmx$HEAP" -jar "$JAR" serve --tdb2 "$1" --host 127.0.0.1 --port "$2")
    if [ "$PIN" = 1 ]; then cmd=(taskset -c "$3" "${cmd[@]}"); fi
    "${cmd[@]}" > "$WORK/replica-$2.log" 2>&1 &
    PIDS+=($!)
}
start_replica "$WORK/replica1" "$P1" 0
start_replica "$WORK/replica2" "$P2" 1
wait_up "$P1"; wait_up "$P2"

mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    fastcgi_temp_path $WORK/nginx/fastcgi;
    uwsgi_temp_path $WORK/nginx/uwsgi;
    scgi_temp_path $WORK/nginx/scgi;
    upstream fentanyl_kg {
        least_conn;
        server 127.0.0.1:$P1;
        server 127.0.0.1:$P2;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$PLB;
        location / {
            proxy_pass http://fentanyl_kg;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
        }
    }
}
EOF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx"
wait_up "$PLB"

urlencode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(open(sys.argv[1]).read(), safe=""))' "$1"; }
measure() {  # port query-file -> "requests/s p50 p99"
    local url="http://127.0.0.1:$1/kg/sparql?query=$(urlencode "$2")"
    wrk -t1 -c"$CONNECTIONS" -d3s -H 'Accept: application/sparql-results+json' "$url" >/dev/null  # warm-up
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H 'Accept: application/sparql-results+json' "$url" > "$WORK/wrk.out"
    local rps p50 p99 non2xx
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
    p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk.out")
    p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$WORK/wrk.out")
    echo "$rps $p50 $p99 ${non2xx:-0}"
}

ROWS=""
for q in $QUERIES; do
    f="queries/$q.rq"
    [ -f "$f" ] || { echo "no saved query $f" >&2; exit 2; }
    # Same answer from a replica and through the balancer.
    a=$(curl -s "http://127.0.0.1:$P1/kg/sparql" -H 'Accept: text/csv' --data-urlencode "query@$f" | sort | md5sum)
    b=$(curl -s "http://127.0.0.1:$PLB/kg/sparql" -H 'Accept: text/csv' --data-urlencode "query@$f" | sort | md5sum)
    [ "$a" = "$b" ] && same=yes || same=NO
    read -r r1 l1 h1 e1 < <(measure "$P1" "$f")
    read -r r2 l2 h2 e2 < <(measure "$PLB" "$f")
    ratio=$(python3 -c "print(f'{$r2/$r1:.2f}')")
    echo "$q: one replica $r1 req/s (p50 $l1, p99 $h1), two behind nginx $r2 req/s (p50 $l2, p99 $h2): x$ratio; same answers: $same"
    ROWS+="| $q | $r1 | $l1 | $h1 | $r2 | $l2 | $h2 | **$ratio** | $same | $((e1 + e2)) |"$'\n'
done

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
TABLE="Measured by \`src/bench/scripts/scaling.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), \
load average $LOAD at the end (the machine is shared). wrk, $THREADS threads, $CONNECTIONS connections, $DURATION per run after a 3 s warm-up, \
HTTP GET of the saved query; replicas with -Xmx$HEAP$([ "$PIN" = 1 ] && echo ", each pinned to one core (taskset)" || echo ", unpinned"); \
nginx $(nginx -v 2>&1 | sed 's#.*/##'), least_conn, keep-alive to the replicas.

| saved query | one replica req/s | p50 | p99 | two replicas behind nginx req/s | p50 | p99 | two / one | same answers | non-2xx |
|---|--:|--:|--:|--:|--:|--:|--:|---|--:|
$ROWS"
echo
echo "$TABLE"

if [ -f "$DOC" ] && grep -q '<!-- scaling.sh: begin -->' "$DOC"; then
    python3 - "$DOC" "$TABLE" <<'PY'
import sys, re
doc, table = sys.argv[1], sys.argv[2]
text = open(doc).read()
text = re.sub(r'(<!-- scaling.sh: begin -->\n).*?(<!-- scaling.sh: end -->)', lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
open(doc, 'w').write(text)
PY
    echo "wrote the figures into $DOC"
fi
