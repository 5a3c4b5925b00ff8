#!/usr/bin/env bash
# HTTP benchmark: an organisation's portfolio from `cdcwb serve` against nginx serving the same
# bytes as a static file, with wrk on loopback, measured in one run (the machine is shared and
# noisy, so only the ratio means anything). Then 1,000 idle keep-alive connections held open on
# cdcwb while nginx and then cdcwb are measured again: cdcwb's throughput beside them, its memory
# per connection, and whether all of them are still open. Figures for docs/performance.md.
#
#   bench/http_bench.sh [CDCWB]        CDCWB defaults to build/release/cdcwb; builds nothing
#
# Environment (defaults in brackets):
#   ROUNDS [3]     wrk rounds per server, alternating nginx, cdcwb, nginx, cdcwb, ...; the table
#                  shows each server's median round
#   DURATION [10s] THREADS [2] CONNECTIONS [64]   wrk -d, -t, -c
#   IDLE [1000]    idle keep-alive connections held during the last two wrk runs (about 25 s,
#                  within the server's 75 s idle timeout with DURATION=10s)
#   CDCWB_ARGS []  extra arguments for `cdcwb serve`, e.g. "--io-threads 2 --workers 4"
#   PERF [0]       1: one more cdcwb round under `perf record -g`, top symbols printed
#   KEEP [0]       1: keep the temporary directory (logs, configs) and print its path
#
# Needs wrk, nginx (Debian: apt-get install -y wrk nginx-light), curl, jq, python3; perf for
# PERF=1. It starts its own nginx with a generated configuration; the system's nginx is not used.
set -euo pipefail

cdcwb=${1:-build/release/cdcwb}
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-64}
idle=${IDLE:-1000}
read -r -a cdcwb_args <<<"${CDCWB_ARGS:-}"

for tool in wrk nginx curl jq python3; do
    command -v "$tool" >/dev/null || {
        echo "http_bench: $tool not found (apt-get install -y wrk nginx-light curl jq python3)" >&2
        exit 2
    }
done
[[ -x $cdcwb ]] || {
    echo "http_bench: $cdcwb is not an executable; build it first (make build)" >&2
    exit 2
}
cdcwb=$(realpath "$cdcwb")

# Each idle connection, every wrk connection and the database need a descriptor.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < idle + connections + 256)); then
    echo "http_bench: ulimit -n is $(ulimit -n); $idle idle connections need more" >&2
    exit 2
fi

tmp=$(mktemp -d -t cdcwb-http-bench.XXXXXX)
chmod 755 "$tmp" # nginx's workers may run as another user and must read the static file
cdcwb_pid='' nginx_pid='' idle_pid='' perf_pid=''

stop() { # PID: SIGTERM, then SIGKILL after 20 s (cdcwb drains requests for up to 15 s)
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 200; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop "$perf_pid"
    stop "$idle_pid"
    stop "$nginx_pid"
    stop "$cdcwb_pid"
    if [[ ${KEEP:-0} == 1 ]]; then
        echo "http_bench: kept $tmp" >&2
    else
        rm -rf "$tmp"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"; }
die() {
    echo "http_bench: $*" >&2
    exit 1
}

# --- cdcwb: demo organisation on a fresh SQLite file, any free port --------------------------
# The access log (one JSON line per request, on stderr) goes to a file, as it would in service.
# Every connection comes from 127.0.0.1, more than the default per-address limit allows: the
# idle connections stand for many clients.
"$cdcwb" serve --db "sqlite:$tmp/cdcwb.sqlite" --listen 127.0.0.1:0 --demo \
    --max-connections-per-address $((idle + connections + 64)) "${cdcwb_args[@]}" \
    >"$tmp/cdcwb.out" 2>"$tmp/cdcwb.log" &
cdcwb_pid=$!
for ((i = 0; i < 300; i++)); do
    grep -q '^cdcwb serving on' "$tmp/cdcwb.out" && break
    kill -0 "$cdcwb_pid" 2>/dev/null || { tail -5 "$tmp/cdcwb.log" >&2; die "cdcwb serve exited"; }
    sleep 0.1
done
cdcwb_port=$(sed -n 's|^cdcwb serving on http://127.0.0.1:\([0-9]*\).*|\1|p' "$tmp/cdcwb.out")
[[ -n $cdcwb_port ]] || die "cdcwb serve did not start within 30 s"
base=http://127.0.0.1:$cdcwb_port/api/v1
password=$(awk '$1 == "demo-admin" { print $2 }' "$tmp/cdcwb.out")
[[ -n $password ]] || die "no demo-admin password in cdcwb's output (was the database empty?)"

# Sign in, then create an API token with the session cookie and its CSRF token.
csrf=$(curl -sSf -c "$tmp/cookies" -H 'Content-Type: application/json' \
    -d "$(jq -cn --arg p "$password" '{username: "demo-admin", password: $p}')" \
    "$base/session" | jq -r .csrf_token)
token=$(curl -sSf -b "$tmp/cookies" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
    -d "$(jq -cn --arg p "$password" '{name: "bench", scope: "read", password: $p}')" \
    "$base/tokens" | jq -r .token)
[[ $token == cdcwb_* ]] || die "no API token"
auth="Authorization: Bearer $token"
path=/api/v1/orgs/kasumi-logistics/services
cdcwb_url=http://127.0.0.1:$cdcwb_port$path

# --- nginx: the same bytes as a static file ---------------------------------------------------
mkdir -p "$tmp/www/api/v1/orgs/kasumi-logistics" "$tmp/nginx"
curl -sSf -H "$auth" -o "$tmp/www$path" "$cdcwb_url"
chmod -R a+rX "$tmp/www"
body_bytes=$(stat -c %s "$tmp/www$path")
services=$(jq '.services | length' "$tmp/www$path")
nginx_port=$(free_port)
cat >"$tmp/nginx.conf" <<EOF
worker_processes 2;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 75s;
    keepalive_requests 1000000;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server {
        listen 127.0.0.1:$nginx_port;
        root $tmp/www;
        location / { default_type application/json; types { } }
    }
}
EOF
nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx.conf" -g 'daemon off;' \
    2>"$tmp/nginx/stderr" &
nginx_pid=$!
nginx_url=http://127.0.0.1:$nginx_port$path
for ((i = 0; i < 100; i++)); do
    curl -sf -o "$tmp/nginx.body" "$nginx_url" 2>/dev/null && break
    kill -0 "$nginx_pid" 2>/dev/null || { cat "$tmp/nginx/stderr" "$tmp/nginx/error.log" >&2 || true; die "nginx exited"; }
    sleep 0.1
done
cmp -s "$tmp/nginx.body" "$tmp/www$path" || die "nginx does not serve the portfolio's bytes"
[[ $(curl -sf -o /dev/null -w '%{content_type}' "$nginx_url") == application/json ]] ||
    die "nginx does not answer with Content-Type application/json"

# --- wrk --------------------------------------------------------------------------------------
# run_wrk NAME URL [HEADER]: one wrk run, its output kept as $tmp/NAME.wrk; prints
# "req_per_s requests non2xx connect read write timeout bytes_per_response".
run_wrk() {
    local name=$1 url=$2 header=${3:-}
    local -a extra=()
    [[ -n $header ]] && extra=(-H "$header")
    wrk -t"$threads" -c"$connections" -d"$duration" "${extra[@]}" "$url" >"$tmp/$name.wrk"
    awk '
        function bytes(v,  u) { u = v; sub(/^[0-9.]+/, "", u); v += 0
            return v * (u == "KB" ? 1024 : u == "MB" ? 1048576 : u == "GB" ? 1073741824 : 1) }
        / requests in /   { requests = $1; read = bytes($5) }
        /^Requests\/sec:/ { rps = $2 }
        /Non-2xx or 3xx/  { non2xx = $NF }
        /Socket errors:/  { gsub(/,/, ""); connect = $4; rd = $6; wr = $8; timeout = $10 }
        END { printf "%.0f %d %d %d %d %d %d %.0f\n", rps, requests, non2xx, connect, rd, wr,
                     timeout, requests ? read / requests : 0 }' "$tmp/$name.wrk"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

cat <<EOF
HTTP benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(uname -sr)
  portfolio: GET $path ($services services, $body_bytes bytes of JSON)
  cdcwb:     $cdcwb serve ${CDCWB_ARGS:-} (port $cdcwb_port, pid $cdcwb_pid)
  nginx:     $(nginx -v 2>&1 | sed 's/^nginx version: //'), the same bytes as a static file, 2 workers, sendfile (port $nginx_port)
  wrk:       -t$threads -c$connections -d$duration, $rounds rounds each, alternating; median round shown

EOF
printf '%-7s %5s %12s %9s %7s %22s %10s\n' server round requests/s requests non-2xx 'errors c/r/w/timeout' bytes/resp
declare -A rps=()
errors_total=0
for ((round = 1; round <= rounds; round++)); do
    for server in nginx cdcwb; do
        if [[ $server == nginx ]]; then
            result=$(run_wrk "nginx-$round" "$nginx_url")
        else
            result=$(run_wrk "cdcwb-$round" "$cdcwb_url" "$auth")
        fi
        read -r w_rps w_requests w_non2xx w_connect w_read w_write w_timeout w_bytes <<<"$result"
        printf '%-7s %5s %12s %9s %7s %22s %10s\n' "$server" "$round" "$w_rps" "$w_requests" \
            "$w_non2xx" "$w_connect/$w_read/$w_write/$w_timeout" "$w_bytes"
        rps[$server]+="$w_rps "
        errors_total=$((errors_total + w_non2xx + w_connect + w_read + w_write + w_timeout))
    done
done
nginx_rps=$(tr ' ' '\n' <<<"${rps[nginx]}" | grep . | median)
cdcwb_rps=$(tr ' ' '\n' <<<"${rps[cdcwb]}" | grep . | median)
ratio=$(awk -v a="$cdcwb_rps" -v b="$nginx_rps" 'BEGIN { printf "%.3f", a / b }')
verdict=$(awk -v r="$ratio" -v e="$errors_total" 'BEGIN { print (r >= 0.5 && e == 0) ? "met" : "NOT met" }')
cat <<EOF

median requests/s: nginx $nginx_rps, cdcwb $cdcwb_rps
ratio cdcwb/nginx: $ratio   (target >= 0.5 with no errors or timeouts: $verdict; errors+non-2xx in all rounds: $errors_total)

EOF

if [[ ${PERF:-0} == 1 ]]; then
    command -v perf >/dev/null || die "PERF=1 needs perf (apt-get install -y linux-perf)"
    echo "profile: one more cdcwb round under perf record -g (cpu-clock)"
    perf record -q -e cpu-clock -g -p "$cdcwb_pid" -o "$tmp/perf.data" 2>/dev/null &
    perf_pid=$!
    sleep 0.5
    result=$(run_wrk cdcwb-perf "$cdcwb_url" "$auth")
    echo "  (round under perf: ${result%% *} requests/s)"
    kill -INT "$perf_pid"
    wait "$perf_pid" || true
    perf_pid=''
    # Reports to files first: `head` closing a pipe would fail the pipeline (pipefail).
    perf report -i "$tmp/perf.data" --no-children -g none --sort dso,symbol --stdio \
        >"$tmp/perf.symbols" 2>/dev/null
    perf report -i "$tmp/perf.data" --no-children -g none --sort dso --stdio \
        >"$tmp/perf.dsos" 2>/dev/null
    # nlohmann::json's template arguments run to hundreds of columns: names cut to 150.
    echo "top symbols (self time, all threads):"
    grep -E '^ +[0-9]' "$tmp/perf.symbols" | sed 's/nlohmann::json_abi_v[0-9_]*::/nlohmann::/g' |
        cut -c1-150 | sed 's/ *$//' | head -25 || true
    echo "by library:"
    grep -E '^ +[0-9]' "$tmp/perf.dsos" | sed 's/ *$//' | head -8 || true
    echo
fi

# --- idle keep-alive connections ----------------------------------------------------------------
# A small Python program opens IDLE connections to cdcwb, sends one keep-alive request on each
# (a request that has been answered puts the connection under the server's idle timeout, 75 s,
# instead of the 30 s allowed for a first request to arrive) and reads the whole response, then
# holds them without sending anything. When told to, it checks each is still open and usable: a
# second request on every connection must be answered with 200.
cat >"$tmp/idle.py" <<'EOF'
import os, socket, sys, time

port, count, token, path, go = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
           "Connection: keep-alive\r\n\r\n").encode()

def exchange(s):
    """Sends the request and reads one response; returns its status (0: closed or garbled)."""
    s.sendall(request)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = s.recv(65536)
        if not chunk:
            return 0
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(l.split(":", 1)[1]) for l in lines if l.lower().startswith("content-length:"))
    while len(body) < length:
        chunk = s.recv(65536)
        if not chunk:
            return 0
        body += chunk
    return int(lines[0].split()[1])

socks = []
for _ in range(count):
    s = socket.create_connection(("127.0.0.1", port))
    status = exchange(s)
    if status != 200:
        print(f"idle: a first request got {status}", flush=True)
        sys.exit(1)
    socks.append(s)
opened = time.monotonic()
print(f"open {len(socks)}", flush=True)
while not os.path.exists(go):
    time.sleep(0.1)
still_open = 0
for s in socks:
    s.settimeout(10)
    try:
        still_open += exchange(s) == 200
    except OSError:
        pass
print(f"checked {still_open} {time.monotonic() - opened:.1f}", flush=True)
EOF
rss_before=$(rss_kib "$cdcwb_pid")
: >"$tmp/idle.out"
python3 "$tmp/idle.py" "$cdcwb_port" "$idle" "$token" "$path" "$tmp/idle.go" >"$tmp/idle.out" &
idle_pid=$!
for ((i = 0; i < 1200; i++)); do
    grep -q '^open' "$tmp/idle.out" && break
    kill -0 "$idle_pid" 2>/dev/null || { cat "$tmp/idle.out" >&2; die "the idle client exited"; }
    sleep 0.1
done
grep -q "^open $idle\$" "$tmp/idle.out" || die "could not open $idle idle connections"
sleep 1
rss_idle=$(rss_kib "$cdcwb_pid")
held=$(ss -Htn state established "( sport = :$cdcwb_port )" | wc -l)
# nginx again just before, so the round with idle connections has a ceiling from the same minute.
result=$(run_wrk nginx-idle "$nginx_url")
idle_nginx_rps=${result%% *}
result=$(run_wrk cdcwb-idle "$cdcwb_url" "$auth")
read -r idle_rps _ w_non2xx w_connect w_read w_write w_timeout _ <<<"$result"
idle_errors=$((w_non2xx + w_connect + w_read + w_write + w_timeout))
rss_after=$(rss_kib "$cdcwb_pid")
touch "$tmp/idle.go"
wait "$idle_pid" || true
idle_pid=''
read -r _ still_open held_s < <(grep '^checked' "$tmp/idle.out" || echo "checked 0 ?")

per_conn=$(awk -v a="$rss_before" -v b="$rss_idle" -v n="$idle" 'BEGIN { printf "%.1f", (b - a) / n }')
cat <<EOF
idle keep-alive connections: $idle opened on cdcwb, each after one answered request
  established on the server's port before the two wrk runs: $held
  wrk -t$threads -c$connections -d$duration on cdcwb alongside: $idle_rps requests/s, errors+non-2xx $idle_errors
    = $(awk -v a="$idle_rps" -v b="$cdcwb_rps" 'BEGIN { printf "%.2f", a / b }')x the median cdcwb round above
    ratio to nginx's round just before it ($idle_nginx_rps requests/s): $(awk -v a="$idle_rps" -v b="$idle_nginx_rps" 'BEGIN { printf "%.3f", a / b }') (without idle connections: $ratio)
  still open and answering afterwards: $still_open of $idle (held ${held_s}s; the server's idle timeout is 75 s)
  cdcwb RSS: $rss_before KiB before, $rss_idle KiB with them open, $rss_after KiB after wrk -> $per_conn KiB per idle connection
EOF
((still_open == idle)) || exit 1
